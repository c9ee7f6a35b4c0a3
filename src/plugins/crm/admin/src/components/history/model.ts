import {
  REDACTED_VALUE,
  type HistoryEntry,
  type HistoryRelation,
  type HistoryValue,
} from '../../../../contracts';

/** What an empty value (null, blank text, an empty list) reads in a diff. */
export const EMPTY_VALUE = '—';

/** The kinds of record a history shows, by their content-type uid. */
export const HISTORY_RECORD_KINDS = {
  'plugin::crm.customer': 'customer',
  'plugin::crm.address': 'address',
  'plugin::crm.phone': 'phone',
  'plugin::crm.email': 'email',
  'plugin::crm.connection': 'connection',
  'plugin::crm.relationship': 'relationship',
  'plugin::crm.contact': 'contact',
  'plugin::crm.activity': 'activity',
} as const;
export type HistoryRecordKind = (typeof HISTORY_RECORD_KINDS)[keyof typeof HISTORY_RECORD_KINDS];

export const recordKindOf = (uid: string): HistoryRecordKind | undefined =>
  (HISTORY_RECORD_KINDS as Record<string, HistoryRecordKind>)[uid];

const isRelation = (value: unknown): value is HistoryRelation =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'documentId' in value;

const relationLabel = (relation: HistoryRelation) => relation.label || relation.documentId;

/** The kinds of value a diff shows, each shown its own way. */
export type ShownValue =
  | { kind: 'empty' }
  | { kind: 'erased' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'text'; text: string };

/**
 * How a field's value reads: relations by their label (a list joined), empty as "—", a value
 * redacted by an erasure as such, anything else as stored.
 */
export const shownValue = (value: HistoryValue | undefined): ShownValue => {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (value === REDACTED_VALUE) return { kind: 'erased' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (Array.isArray(value)) {
    const labels = value.filter(isRelation).map(relationLabel);
    return labels.length > 0 ? { kind: 'text', text: labels.join(', ') } : { kind: 'empty' };
  }
  if (isRelation(value)) return { kind: 'text', text: relationLabel(value) };
  const text = String(value);
  return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', text };
};

/** Whether an entry can be reverted from the timeline: an update that changed something. */
export const isRevertible = (entry: HistoryEntry) =>
  entry.action === 'update' && entry.changes.length > 0;

/** Pages of a timeline put together newest first, an entry met twice (pages shifted by new entries) once. */
export const mergePages = (pages: readonly (readonly HistoryEntry[])[]): HistoryEntry[] => {
  const seen = new Set<string>();
  const entries: HistoryEntry[] = [];
  for (const page of pages)
    for (const entry of page) {
      if (seen.has(entry.documentId)) continue;
      seen.add(entry.documentId);
      entries.push(entry);
    }
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
};

/** The fields the loaded entries changed, for the field filter, in their first-seen order. */
export const changedFields = (entries: readonly HistoryEntry[]): string[] => [
  ...new Set(entries.flatMap((entry) => entry.changes.map((change) => change.field))),
];
