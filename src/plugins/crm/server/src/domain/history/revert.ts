import {
  REDACTED_VALUE,
  type HistoryAction,
  type HistoryChange,
  type HistoryRelation,
  type HistoryValue,
} from '../../../../contracts';
import type { HistoryRecordKind, Snapshot } from './values';

/** How a field is written back: as stored, parsed from its JSON text, or as a relation. */
export type RevertFieldShape = 'scalar' | 'json' | 'toOne' | 'toMany';

/** Record kinds whose deletion a revert undoes by creating the record again. */
export const RECREATABLE_KINDS: readonly HistoryRecordKind[] = [
  'address',
  'phone',
  'email',
  'connection',
  'relationship',
];

/**
 * Fields a revert cannot write back: the history holds only the SSN's mask, and the CRM sets the
 * customer number and a contact's converted customer itself.
 */
const NOT_REVERTIBLE: Record<string, { status: 400 | 409; reason: string }> = {
  ssn: {
    status: 409,
    reason: 'a changed SSN cannot be reverted: the history holds only its mask',
  },
  customerNumber: { status: 400, reason: 'the customer number is set by the CRM' },
  convertedCustomer: { status: 400, reason: 'the converted customer is set by the CRM' },
};

/** What a revert does to the record, or why it is refused (`fields`: the fields it is about). */
export type RevertPlan =
  | { ok: true; operation: 'update'; data: Record<string, unknown> }
  | { ok: true; operation: 'delete' }
  | { ok: true; operation: 'create'; data: Record<string, unknown> }
  | { ok: false; status: 400 | 409; message: string; fields: string[] };

const isRelation = (value: unknown): value is HistoryRelation =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { documentId?: unknown }).documentId === 'string';

/** Values as compared: empty text is no value, relations are the records they name. */
const comparable = (value: HistoryValue | undefined): unknown => {
  if (value === undefined || value === '') return null;
  if (isRelation(value)) return value.documentId;
  if (Array.isArray(value)) return value.map((item) => item.documentId).sort();
  return value;
};

export const sameHistoryValue = (a: HistoryValue | undefined, b: HistoryValue | undefined) =>
  JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));

const isEmpty = (value: HistoryValue | undefined) =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0);

const isRedacted = (value: HistoryValue): boolean => value === REDACTED_VALUE;

/** A history value as the document service takes it in `data`. */
export const writableValue = (value: HistoryValue, shape: RevertFieldShape): unknown => {
  switch (shape) {
    case 'toOne':
      return isRelation(value) ? { connect: [{ documentId: value.documentId }] } : null;
    case 'toMany':
      return {
        set: (Array.isArray(value) ? value : []).map((item) => ({ documentId: item.documentId })),
      };
    case 'json':
      if (typeof value !== 'string' || value === '') return null;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    case 'scalar':
      return value === '' ? null : value;
  }
};

const listed = (fields: string[]) => fields.join(', ');

const refusal = (status: 400 | 409, message: string, fields: string[]): RevertPlan => ({
  ok: false,
  status,
  message,
  fields,
});

/** Fields whose current value is not what the entry left (`expected`), in a stable order. */
const changedSince = (expected: Snapshot, current: Snapshot, fields: Iterable<string>) =>
  [...new Set(fields)].filter((field) => !sameHistoryValue(expected[field], current[field])).sort();

/** Fields the entry's "before" values cannot be written back from (the SSN's mask, erased values). */
const unwritable = (changes: readonly HistoryChange[]): RevertPlan | null => {
  for (const change of changes) {
    const rule = NOT_REVERTIBLE[change.field];
    if (rule) return refusal(rule.status, `${change.field}: ${rule.reason}`, [change.field]);
  }
  const erased = changes.filter((change) => isRedacted(change.before));
  if (erased.length)
    return refusal(
      409,
      `${listed(erased.map((change) => change.field))}: the value was erased and cannot be restored`,
      erased.map((change) => change.field)
    );
  return null;
};

/**
 * What reverting one history entry does, given the record as it is now (`current`, null when it
 * no longer exists) and how each field is written:
 * - an update writes back each changed field's "before" value, refused (409 naming the field)
 *   when the field's current value is no longer the entry's "after";
 * - a create deletes the record, refused when any field changed since;
 * - a delete creates the record again from its "before" values, for contact points, connections
 *   and relationships only (the others are refused with a 400).
 */
export const planRevert = (
  entry: { action: HistoryAction; changes: readonly HistoryChange[] },
  kind: HistoryRecordKind,
  current: Snapshot | null,
  shapes: Readonly<Record<string, RevertFieldShape>>
): RevertPlan => {
  const before: Snapshot = {};
  const after: Snapshot = {};
  for (const change of entry.changes) {
    before[change.field] = change.before;
    after[change.field] = change.after;
  }
  const shapeOf = (field: string) => shapes[field] ?? 'scalar';

  switch (entry.action) {
    case 'update': {
      if (!current) return refusal(409, 'the record was deleted since this change', []);
      const refused = unwritable(entry.changes);
      if (refused) return refused;
      const changed = changedSince(after, current, Object.keys(after));
      if (changed.length)
        return refusal(409, `${listed(changed)} changed since this entry`, changed);
      const data: Record<string, unknown> = {};
      for (const change of entry.changes)
        data[change.field] = writableValue(change.before, shapeOf(change.field));
      return { ok: true, operation: 'update', data };
    }
    case 'create': {
      if (!current) return refusal(409, 'the record was deleted since it was created', []);
      // Fields set since the create are changes too, beside those the create set.
      const set = Object.keys(current).filter((field) => !isEmpty(current[field]));
      const changed = changedSince(after, current, [...Object.keys(after), ...set]);
      if (changed.length)
        return refusal(409, `${listed(changed)} changed since the record was created`, changed);
      return { ok: true, operation: 'delete' };
    }
    case 'delete': {
      if (!RECREATABLE_KINDS.includes(kind))
        return refusal(
          400,
          `a deleted ${kind} cannot be restored from its history; only addresses, phones, emails, connections and relationships can`,
          []
        );
      if (current) return refusal(409, 'the record exists again', []);
      const refused = unwritable(entry.changes);
      if (refused) return refused;
      const data: Record<string, unknown> = {};
      for (const change of entry.changes) {
        if (isEmpty(change.before)) continue;
        data[change.field] = writableValue(change.before, shapeOf(change.field));
      }
      return { ok: true, operation: 'create', data };
    }
  }
};

/** A content type's attribute as far as a revert needs it. */
export interface RevertAttribute {
  type: string;
  relation?: string;
}

const TO_MANY = new Set(['oneToMany', 'manyToMany', 'manyWay', 'morphToMany', 'morphMany']);

/** How each attribute of a content type is written back (see `RevertFieldShape`). */
export const revertFieldShapes = (
  attributes: Readonly<Record<string, RevertAttribute>>
): Record<string, RevertFieldShape> =>
  Object.fromEntries(
    Object.entries(attributes).map(([name, attribute]) => [
      name,
      attribute.type === 'relation'
        ? TO_MANY.has(attribute.relation ?? '')
          ? 'toMany'
          : 'toOne'
        : attribute.type === 'json'
          ? 'json'
          : 'scalar',
    ])
  );
