import type { HistoryRelation } from '../../../../contracts';
import type { HistoryRecordKind, Snapshot } from './values';

/** What a relation's far side is, so its label can be read: the field that names it. */
export type RelatedKind = 'customer' | 'contact' | 'marketing-list' | 'user';

export const RELATED_LABEL_FIELDS: Record<RelatedKind, readonly string[]> = {
  customer: ['displayName', 'customerNumber'],
  contact: ['displayName'],
  'marketing-list': ['name'],
  user: ['username', 'email'],
};

/** The relations a record's snapshot shows, each by the kind of record it points to. */
export const HISTORY_RELATIONS: Record<HistoryRecordKind, Record<string, RelatedKind>> = {
  customer: { primaryContact: 'customer' },
  address: { customer: 'customer' },
  phone: { customer: 'customer' },
  email: { customer: 'customer' },
  connection: { customer: 'customer', connectedCustomer: 'customer' },
  relationship: {
    parent: 'customer',
    child: 'customer',
    customer: 'customer',
    linkedCustomer: 'customer',
  },
  contact: {
    company: 'customer',
    convertedCustomer: 'customer',
    user: 'user',
    manager: 'user',
    marketingLists: 'marketing-list',
  },
  activity: { contact: 'contact' },
};

/** A related record's label from its row (see `RELATED_LABEL_FIELDS`). */
export const relatedLabel = (kind: RelatedKind, row: Record<string, unknown>): string | null => {
  for (const field of RELATED_LABEL_FIELDS[kind]) {
    const value = row[field];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
};

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
const relation = (value: unknown): HistoryRelation | null =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as HistoryRelation) : null;
const labelOf = (value: unknown) => relation(value)?.label ?? relation(value)?.documentId ?? '?';
const joined = (parts: unknown[], separator: string) =>
  parts.map(text).filter(Boolean).join(separator) || null;

/**
 * What an entry calls its record: a customer or contact by its display name (`displayName` of the
 * row), a contact point by its value, a link by its two sides, a comment by its first words.
 */
export const historyRecordLabel = (
  kind: HistoryRecordKind,
  snapshot: Snapshot,
  displayName?: string | null
): string | null => {
  switch (kind) {
    case 'customer':
    case 'contact':
      return text(displayName) ?? joined([snapshot.firstName, snapshot.lastName], ' ');
    case 'address':
      return joined([snapshot.line1, snapshot.postalCode, snapshot.city], ', ');
    case 'phone':
      return text(snapshot.number);
    case 'email':
      return text(snapshot.address);
    case 'connection':
      return `${labelOf(snapshot.customer)} — ${labelOf(snapshot.connectedCustomer)}`;
    case 'relationship':
      return snapshot.parent || snapshot.child
        ? `${labelOf(snapshot.parent)} → ${labelOf(snapshot.child)}`
        : `${labelOf(snapshot.customer)} — ${labelOf(snapshot.linkedCustomer)}`;
    case 'activity': {
      const body = text(snapshot.body);
      return body && body.length > 80 ? `${body.slice(0, 79)}…` : body;
    }
  }
};

const idOf = (value: unknown) => relation(value)?.documentId ?? null;

/**
 * The customers or contact whose history shows an entry about a record: a customer or contact
 * itself, a contact point's customer, both customers of a link, a comment's contact.
 */
export const historySubjects = (
  kind: HistoryRecordKind,
  documentId: string,
  snapshot: Snapshot
): [string | null, string | null] => {
  switch (kind) {
    case 'customer':
    case 'contact':
      return [documentId, null];
    case 'address':
    case 'phone':
    case 'email':
      return [idOf(snapshot.customer), null];
    case 'connection':
      return [idOf(snapshot.customer), idOf(snapshot.connectedCustomer)];
    case 'relationship':
      return snapshot.parent || snapshot.child
        ? [idOf(snapshot.parent), idOf(snapshot.child)]
        : [idOf(snapshot.customer), idOf(snapshot.linkedCustomer)];
    case 'activity':
      return [idOf(snapshot.contact), null];
  }
};
