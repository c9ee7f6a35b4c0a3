import { localTimestamp } from '../../../src/plugins/crm/server/src/repositories/bulk-insert/postgres';

describe('localTimestamp (dates written in bulk on PostgreSQL)', () => {
  it('writes the local wall time with its offset, as a bound Date is sent', () => {
    const date = new Date(2024, 0, 2, 3, 4, 5, 6);
    const offset = -date.getTimezoneOffset();
    const sign = offset < 0 ? '-' : '+';
    const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
    const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
    expect(localTimestamp(date)).toBe(`2024-01-02T03:04:05.006${sign}${hours}:${minutes}`);
  });

  it('reads back as the same instant', () => {
    const date = new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999));
    expect(new Date(localTimestamp(date)).getTime()).toBe(date.getTime());
  });
});
