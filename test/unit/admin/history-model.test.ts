import {
  changedFields,
  isRevertible,
  mergePages,
  recordKindOf,
  shownValue,
} from '../../../src/plugins/crm/admin/src/components/history/model';
import { REDACTED_VALUE, type HistoryEntry } from '../../../src/plugins/crm/contracts';

// How the timeline reads what the history routes answer: values shown per kind, pages put
// together newest first without repeats, which entries offer a revert.
const entry = (
  documentId: string,
  at: string,
  fields: Partial<HistoryEntry> = {}
): HistoryEntry => ({
  documentId,
  at,
  action: 'update',
  record: { uid: 'plugin::crm.customer', documentId: 'c1', label: 'Ada Byron' },
  actor: { type: 'admin', id: '1', name: 'Jane' },
  changes: [{ field: 'lastName', before: 'Byron', after: 'Lovelace' }],
  ...fields,
});

describe('history values as the timeline shows them', () => {
  it('shows empty values (null, blank text, an empty list) as empty', () => {
    expect(shownValue(null)).toEqual({ kind: 'empty' });
    expect(shownValue(undefined)).toEqual({ kind: 'empty' });
    expect(shownValue('  ')).toEqual({ kind: 'empty' });
    expect(shownValue([])).toEqual({ kind: 'empty' });
  });

  it('shows relations by their label, falling back to their documentId', () => {
    expect(shownValue({ documentId: 'c2', label: 'Acme' })).toEqual({ kind: 'text', text: 'Acme' });
    expect(shownValue({ documentId: 'c2', label: null })).toEqual({ kind: 'text', text: 'c2' });
    expect(
      shownValue([
        { documentId: 'l1', label: 'Spring' },
        { documentId: 'l2', label: 'Fall' },
      ])
    ).toEqual({ kind: 'text', text: 'Spring, Fall' });
  });

  it('keeps scalars as stored and marks erased values and booleans', () => {
    expect(shownValue('***-**-4321')).toEqual({ kind: 'text', text: '***-**-4321' });
    expect(shownValue(0)).toEqual({ kind: 'text', text: '0' });
    expect(shownValue(false)).toEqual({ kind: 'boolean', value: false });
    expect(shownValue(REDACTED_VALUE)).toEqual({ kind: 'erased' });
  });
});

describe('the timeline', () => {
  it('puts pages together newest first, an entry met on two pages once', () => {
    const a = entry('a', '2026-01-03T10:00:00.000Z');
    const b = entry('b', '2026-01-02T10:00:00.000Z');
    const c = entry('c', '2026-01-01T10:00:00.000Z');
    // A new entry shifted page 2 by one: b comes again.
    expect(
      mergePages([
        [a, b],
        [b, c],
      ]).map((item) => item.documentId)
    ).toEqual(['a', 'b', 'c']);
    expect(mergePages([[c], [a]]).map((item) => item.documentId)).toEqual(['a', 'c']);
  });

  it('keeps the server order of entries of the same instant', () => {
    const at = '2026-01-03T10:00:00.000Z';
    expect(mergePages([[entry('y', at), entry('x', at)]]).map((item) => item.documentId)).toEqual([
      'y',
      'x',
    ]);
  });

  it('offers a revert on updates with changes only', () => {
    expect(isRevertible(entry('a', 'x'))).toBe(true);
    expect(isRevertible(entry('a', 'x', { action: 'create' }))).toBe(false);
    expect(isRevertible(entry('a', 'x', { action: 'delete' }))).toBe(false);
    expect(isRevertible(entry('a', 'x', { changes: [] }))).toBe(false);
  });

  it('names the kind of each record and lists the changed fields once', () => {
    expect(recordKindOf('plugin::crm.phone')).toBe('phone');
    expect(recordKindOf('plugin::crm.audit-log')).toBeUndefined();
    expect(
      changedFields([
        entry('a', 'x'),
        entry('b', 'y', {
          changes: [
            { field: 'firstName', before: 'A', after: 'B' },
            { field: 'lastName', before: 'C', after: 'D' },
          ],
        }),
      ])
    ).toEqual(['lastName', 'firstName']);
  });
});
