import type { HistoryChange, HistoryValue } from '../../../../contracts';

/**
 * How an entry's changes are stored. A created record lists every field with `before: null`, a
 * deleted one with `after: null`: stored as is, half of such an entry would be repeated keys and
 * nulls, and an import writes one per row. So those are kept as one object of field values,
 * `{ "after": { "firstName": "Ann", … } }` or `{ "before": { … } }` (still readable where the
 * table is shown as it is), and every other entry as the list of `{ field, before, after }` the
 * API answers with. Reading accepts both forms, whichever wrote the entry.
 */
export type StoredHistoryChanges =
  | HistoryChange[]
  | { after: Record<string, HistoryValue> }
  | { before: Record<string, HistoryValue> };

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
  for (const change of changes) {
    // A field twice could not be one key of an object: keep the list.
    if (fields.has(change.field)) return [...changes];
    fields.add(change.field);
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
  if ('after' in stored)
    return Object.entries(stored.after).map(([field, after]) => ({ field, before: null, after }));
  return Object.entries(stored.before).map(([field, before]) => ({ field, before, after: null }));
};
