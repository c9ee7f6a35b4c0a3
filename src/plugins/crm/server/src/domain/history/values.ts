import type {
  HistoryAction,
  HistoryChange,
  HistoryRelation,
  HistoryValue,
} from '../../../../contracts';

/** A record as the history sees it: each tracked field's value (see `HistoryValue`). */
export type Snapshot = Record<string, HistoryValue>;

/** The kinds of record whose writes are recorded. */
export const HISTORY_RECORD_KINDS = [
  'customer',
  'address',
  'phone',
  'email',
  'connection',
  'relationship',
  'contact',
  'activity',
] as const;
export type HistoryRecordKind = (typeof HISTORY_RECORD_KINDS)[number];

/**
 * Fields that are never part of a snapshot: bookkeeping, values derived from other fields, the
 * SSN's ciphertext and hash (the masked `ssn` stands for it), and the lists of child records,
 * which have entries of their own.
 */
const UNTRACKED = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'locale',
  'localizations',
  'createdBy',
  'updatedBy',
  'displayName',
  'searchText',
  'ssnEncrypted',
  'ssnHash',
  'addresses',
  'phones',
  'emails',
  'activities',
]);

export const isTrackedField = (field: string): boolean => !UNTRACKED.has(field);

const isRelation = (value: unknown): value is HistoryRelation =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { documentId?: unknown }).documentId === 'string';

/** A relation's value as it is compared: only which records, never their labels. */
const comparable = (value: HistoryValue | undefined): unknown => {
  if (value === undefined || value === '') return null;
  if (isRelation(value)) return value.documentId;
  if (Array.isArray(value)) return value.map((item) => item.documentId).sort();
  return value;
};

const same = (a: HistoryValue | undefined, b: HistoryValue | undefined) =>
  JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));

const isEmpty = (value: HistoryValue | undefined) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0);

/** What a write did to a record, from its snapshots before and after (null: did not exist). */
export const historyActionOf = (
  before: Snapshot | null,
  after: Snapshot | null
): HistoryAction | null => {
  if (!before && !after) return null;
  if (!before) return 'create';
  if (!after) return 'delete';
  return 'update';
};

/**
 * The changed fields between two snapshots, in a stable order. A created record lists its
 * non-empty fields (before null), a deleted one its non-empty fields (after null); an update
 * lists only the fields whose value changed. Relations compare by documentId.
 */
export const diffSnapshots = (before: Snapshot | null, after: Snapshot | null): HistoryChange[] => {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
    .filter(isTrackedField)
    .sort();
  const changes: HistoryChange[] = [];
  for (const field of fields) {
    const was = before?.[field];
    const is = after?.[field];
    if (!before && isEmpty(is)) continue;
    if (!after && isEmpty(was)) continue;
    if (before && after && same(was, is)) continue;
    changes.push({ field, before: was ?? null, after: is ?? null });
  }
  return changes;
};

/** A to-many relation's value, in a stable order. */
export const relationList = (items: readonly HistoryRelation[]): HistoryRelation[] =>
  [...items].sort((a, b) => a.documentId.localeCompare(b.documentId));

/**
 * Field names as one searchable string (",firstName,lastName,"), so `field=` filters with a
 * plain LIKE on either database.
 */
export const changedFieldsText = (changes: readonly HistoryChange[]): string =>
  `,${changes.map((change) => change.field).join(',')},`;
