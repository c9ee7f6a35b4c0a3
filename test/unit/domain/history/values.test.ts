import {
  changedFieldsText,
  diffSnapshots,
  historyActionOf,
  isTrackedField,
} from '../../../../src/plugins/crm/server/src/domain';

describe('history values', () => {
  it('names the action by which snapshots exist', () => {
    expect(historyActionOf(null, { a: 1 })).toBe('create');
    expect(historyActionOf({ a: 1 }, null)).toBe('delete');
    expect(historyActionOf({ a: 1 }, { a: 2 })).toBe('update');
    expect(historyActionOf(null, null)).toBeNull();
  });

  it('lists only the fields an update changed, in a stable order', () => {
    expect(
      diffSnapshots(
        { lastName: 'Doe', firstName: 'Jane', noEmail: false },
        { lastName: 'Smith', firstName: 'Jane', noEmail: true }
      )
    ).toEqual([
      { field: 'lastName', before: 'Doe', after: 'Smith' },
      { field: 'noEmail', before: false, after: true },
    ]);
  });

  it('lists the non-empty fields of a created or deleted record', () => {
    expect(diffSnapshots(null, { firstName: 'Jane', middleName: null, notes: '' })).toEqual([
      { field: 'firstName', before: null, after: 'Jane' },
    ]);
    expect(diffSnapshots({ firstName: 'Jane', middleName: null }, null)).toEqual([
      { field: 'firstName', before: 'Jane', after: null },
    ]);
  });

  it('compares relations by documentId, not by label', () => {
    const acme = { documentId: 'a1', label: 'Acme (C-1)' };
    expect(
      diffSnapshots({ company: acme }, { company: { ...acme, label: 'Acme Inc (C-1)' } })
    ).toEqual([]);
    expect(
      diffSnapshots({ company: acme }, { company: { documentId: 'b2', label: 'Beta' } })
    ).toEqual([{ field: 'company', before: acme, after: { documentId: 'b2', label: 'Beta' } }]);
  });

  it('compares to-many relations as sets', () => {
    const one = { documentId: 'l1', label: 'News' };
    const two = { documentId: 'l2', label: 'Offers' };
    expect(diffSnapshots({ marketingLists: [one, two] }, { marketingLists: [two, one] })).toEqual(
      []
    );
    expect(diffSnapshots({ marketingLists: [one] }, { marketingLists: [one, two] })).toHaveLength(
      1
    );
  });

  it('treats an empty string and null alike', () => {
    expect(diffSnapshots({ notes: '' }, { notes: null })).toEqual([]);
  });

  it('never tracks bookkeeping, derived or secret fields', () => {
    for (const field of ['id', 'updatedAt', 'displayName', 'ssnEncrypted', 'ssnHash', 'addresses'])
      expect(isTrackedField(field)).toBe(false);
    expect(isTrackedField('ssn')).toBe(true);
    expect(
      diffSnapshots({ ssnHash: 'x', ssn: '***-**-1234' }, { ssnHash: 'y', ssn: '***-**-1234' })
    ).toEqual([]);
  });

  it('writes changed fields as one searchable string', () => {
    expect(
      changedFieldsText([
        { field: 'a', before: null, after: 1 },
        { field: 'b', before: 1, after: 2 },
      ])
    ).toBe(',a,b,');
  });
});
