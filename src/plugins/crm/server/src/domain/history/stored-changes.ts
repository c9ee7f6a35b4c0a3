import type { HistoryChange, HistoryValue } from '../../../../contracts';

/**
 * How an entry's changes are stored. A created record lists every field with `before: null`, a
 * deleted one with `after: null`: stored as is, half of such an entry would be repeated keys and
 * nulls, and an import writes one per row. So those are kept as one object of field values,
 * `{ "after": { "firstName": "Ann", … } }` or `{ "before": { … } }` (still readable where the
 * table is shown as it is), and every other entry as the list of `{ field, before, after }` the
 * API answers with. Reading accepts both forms, whichever wrote the entry. PostgreSQL's jsonb
 * keeps an object's keys in an order of its own, so the object form is used only for changes in
 * field order (as `diffSnapshots` lists them), and read back in that order.
 */
export type StoredHistoryChanges =
  | HistoryChange[]
  | { after: Record<string, HistoryValue> }
  | { before: Record<string, HistoryValue> };

const byField = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const valuesOf = (changes: readonly HistoryChange[], side: 'before' | 'after') => {
  const values: Record<string, HistoryValue> = {};
  for (const change of changes) values[change.field] = change[side];
  return values;
};

/** The changes in their stored form: one object of values when only one side holds values. */
export const storedHistoryChanges = (changes: readonly HistoryChange[]): StoredHistoryChanges => {
  if (changes.length === 0) return [];
  const fields = new Set<string>();
  let created = true;
  let deleted = true;
  let previous: string | null = null;
  for (const change of changes) {
    // A field twice could not be one key of an object, nor fields out of order be read back in
    // theirs: keep the list.
    if (fields.has(change.field) || (previous !== null && byField(previous, change.field) > 0))
      return [...changes];
    fields.add(change.field);
    previous = change.field;
    if (change.before !== null) created = false;
    if (change.after !== null) deleted = false;
  }
  if (created) return { after: valuesOf(changes, 'after') };
  if (deleted) return { before: valuesOf(changes, 'before') };
  return [...changes];
};

/** The changes of a stored entry, in either form, as the API lists them. */
export const historyChangesOf = (
  stored: StoredHistoryChanges | null | undefined
): HistoryChange[] => {
  if (!stored) return [];
  if (Array.isArray(stored)) return stored;
  const inOrder = (values: Record<string, HistoryValue>) =>
    Object.entries(values).sort(([a], [b]) => byField(a, b));
  if ('after' in stored)
    return inOrder(stored.after).map(([field, after]) => ({ field, before: null, after }));
  return inOrder(stored.before).map(([field, before]) => ({ field, before, after: null }));
};
