import {
  MAX_STALE_CHECK_MS,
  heartbeatIntervalMs,
  isJobStale,
  staleCheckIntervalMs,
} from '../../../src/plugins/crm/server/src/domain';

describe('the timing of background jobs across nodes', () => {
  it.each([1000, 4000, 20_000, 60_000, 600_000])(
    'takes a job over within the stale time plus 5 s, and a live one never (stale %i ms)',
    (staleMs) => {
      const check = staleCheckIntervalMs(staleMs);
      expect(check).toBeLessThanOrEqual(MAX_STALE_CHECK_MS);
      expect(check).toBeLessThanOrEqual(staleMs);
      // A heartbeat may be late three times in a row before the job looks stale.
      expect(heartbeatIntervalMs(staleMs) * 4).toBeLessThanOrEqual(staleMs);
    }
  );

  it('looks every 5 s with the default minute, and every quarter of a short stale time', () => {
    expect(staleCheckIntervalMs(60_000)).toBe(5000);
    expect(staleCheckIntervalMs(4000)).toBe(1000);
    expect(heartbeatIntervalMs(60_000)).toBe(15_000);
    expect(heartbeatIntervalMs(4000)).toBe(1000);
  });

  it('never spins faster than every 250 ms', () => {
    expect(staleCheckIntervalMs(1)).toBe(250);
    expect(heartbeatIntervalMs(1)).toBe(250);
  });

  it('calls a job stale once its heartbeat is as old as the stale time, or when it has none', () => {
    const beat = new Date('2026-01-01T00:00:00.000Z');
    expect(isJobStale(beat, beat.getTime() + 3999, 4000)).toBe(false);
    expect(isJobStale(beat, beat.getTime() + 4000, 4000)).toBe(true);
    expect(isJobStale(beat.toISOString(), beat.getTime() + 5000, 4000)).toBe(true);
    expect(isJobStale(null, beat.getTime(), 4000)).toBe(true);
  });
});
