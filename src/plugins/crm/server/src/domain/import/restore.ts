/**
 * Whether an import's update of a record can be undone: only if the record still holds what the
 * update wrote. A field, company or contact point changed since (by anyone) leaves the record as
 * it is, naming what changed.
 */
import type { ContactPointKind } from '../contact-points';
import { POINT_VALUE_FIELDS, sameValue, type PointChange } from './record-updates';

/** A record as the undo reads it: fields, company (contacts), points by kind (customers). */
export interface RestorableState {
  fields: Record<string, unknown>;
  company?: number | null;
  points?: Record<ContactPointKind, { id: number; [field: string]: unknown }[]>;
}

export interface RestorableSnapshot {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  company?: { before: number | null; after: number | null };
  changedPoints?: PointChange[];
  addedPoints?: { kind: ContactPointKind; id: number }[];
}

const PLURALS = { address: 'addresses', phone: 'phones', email: 'emails' } as const;

/** The fields (and `company`, or a point kind's plural) that changed since the update. */
export function changedSinceImport(state: RestorableState, snapshot: RestorableSnapshot): string[] {
  const changed = Object.keys(snapshot.after).filter(
    (field) =>
      field !== 'ssnEncrypted' &&
      field !== 'ssnHash' &&
      !sameValue(state.fields[field], snapshot.after[field])
  );
  if (
    snapshot.after.ssnEncrypted !== undefined &&
    !changed.includes('ssn') &&
    state.fields.ssnEncrypted !== snapshot.after.ssnEncrypted
  )
    changed.push('ssn');
  if (snapshot.company && (state.company ?? null) !== snapshot.company.after)
    changed.push('company');
  for (const point of snapshot.changedPoints ?? []) {
    const stored = state.points?.[point.kind].find((candidate) => candidate.id === point.id);
    const same =
      stored !== undefined &&
      POINT_VALUE_FIELDS[point.kind].every((field) => sameValue(stored[field], point.after[field]));
    if (!same && !changed.includes(PLURALS[point.kind])) changed.push(PLURALS[point.kind]);
  }
  return changed;
}

/** Why an undo left an updated record as it is. */
export const changedSinceReason = (fields: readonly string[]) =>
  `changed since the import, left as is (${fields.join(', ')})`;
