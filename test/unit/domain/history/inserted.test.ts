import {
  diffSnapshots,
  insertedSnapshot,
  storedHistoryValue,
} from '../../../../src/plugins/crm/server/src/domain';

const ATTRIBUTES = [
  { name: 'firstName', type: 'string' },
  { name: 'birthday', type: 'date' },
  { name: 'isUser', type: 'boolean', default: false },
  { name: 'active', type: 'boolean', default: true },
  { name: 'contactPreference', type: 'enumeration', default: 'any' },
  { name: 'settings', type: 'json' },
  { name: 'seenAt', type: 'datetime' },
  { name: 'displayName', type: 'string' },
  { name: 'searchText', type: 'text' },
];

describe('the snapshot of an inserted record', () => {
  it('holds every tracked scalar as stored, defaults for those not given', () => {
    const snapshot = insertedSnapshot(
      ATTRIBUTES,
      {
        firstName: 'Ann',
        birthday: '1990-04-01',
        isUser: 0,
        settings: { a: 1 },
        seenAt: new Date('2024-01-02T03:04:05.000Z'),
        displayName: 'Ann',
        searchText: 'ann',
      },
      { company: { documentId: 'c1', label: 'Acme' } }
    );
    expect(snapshot).toEqual({
      firstName: 'Ann',
      birthday: '1990-04-01',
      isUser: false,
      active: true,
      contactPreference: 'any',
      settings: '{"a":1}',
      seenAt: '2024-01-02T03:04:05.000Z',
      company: { documentId: 'c1', label: 'Acme' },
    });
  });

  it('gives a create entry the non-empty fields only', () => {
    const changes = diffSnapshots(
      null,
      insertedSnapshot(ATTRIBUTES, { firstName: 'Ann', birthday: null }, { company: null })
    );
    expect(changes.map((change) => change.field)).toEqual([
      'active',
      'contactPreference',
      'firstName',
      'isUser',
    ]);
    expect(changes.every((change) => change.before === null)).toBe(true);
  });

  it('stores values as reading them back gives them', () => {
    expect(storedHistoryValue('boolean', 1)).toBe(true);
    expect(storedHistoryValue('integer', '12')).toBe(12);
    expect(storedHistoryValue('date', new Date('2020-02-03T00:00:00.000Z'))).toBe('2020-02-03');
    expect(storedHistoryValue('datetime', 0)).toBe('1970-01-01T00:00:00.000Z');
    expect(storedHistoryValue('string', undefined)).toBeNull();
  });
});
