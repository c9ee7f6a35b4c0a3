import {
  historyChangesOf,
  storedHistoryChanges,
} from '../../../../src/plugins/crm/server/src/domain';

const company = { documentId: 'c1', label: 'Globex' };

describe("an entry's changes as stored", () => {
  it('keeps a created record as one object of its values, and reads it back the same', () => {
    const changes = [
      { field: 'company', before: null, after: company },
      { field: 'firstName', before: null, after: 'Ann' },
      { field: 'marketingOptIn', before: null, after: false },
    ];
    const stored = storedHistoryChanges(changes);
    expect(stored).toEqual({ after: { company, firstName: 'Ann', marketingOptIn: false } });
    expect(historyChangesOf(JSON.parse(JSON.stringify(stored)))).toEqual(changes);
  });

  it('keeps a deleted record as one object of its values before', () => {
    const changes = [
      { field: 'address', before: 'ann@example.com', after: null },
      { field: 'isPrimary', before: true, after: null },
    ];
    const stored = storedHistoryChanges(changes);
    expect(stored).toEqual({ before: { address: 'ann@example.com', isPrimary: true } });
    expect(historyChangesOf(stored)).toEqual(changes);
  });

  it('keeps an update as the list, as the API answers', () => {
    const changes = [
      { field: 'firstName', before: 'Ann', after: 'Anna' },
      { field: 'jobTitle', before: null, after: 'Buyer' },
    ];
    expect(storedHistoryChanges(changes)).toEqual(changes);
    expect(historyChangesOf(changes)).toEqual(changes);
  });

  it('keeps the list when a field appears twice, so nothing is lost', () => {
    const changes = [
      { field: 'tags', before: null, after: 'a' },
      { field: 'tags', before: null, after: 'b' },
    ];
    expect(historyChangesOf(storedHistoryChanges(changes))).toEqual(changes);
  });

  it('reads the object form back in field order, whatever order the database kept its keys in', () => {
    // PostgreSQL's jsonb orders keys by length first.
    const stored = { after: { isUser: false, email: 'ann@example.com', birthday: '1990-04-01' } };
    expect(historyChangesOf(stored).map((change) => change.field)).toEqual([
      'birthday',
      'email',
      'isUser',
    ]);
  });

  it('keeps the list for changes out of field order, so their order is not lost', () => {
    const changes = [
      { field: 'lastName', before: null, after: 'Doe' },
      { field: 'firstName', before: null, after: 'Ann' },
    ];
    expect(storedHistoryChanges(changes)).toEqual(changes);
  });

  it('reads nothing stored as no changes', () => {
    expect(historyChangesOf(null)).toEqual([]);
    expect(storedHistoryChanges([])).toEqual([]);
  });
});
