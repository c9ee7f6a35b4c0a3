import type { HistoryRecordKind } from './values';

export type HistoryWriteAction = 'create' | 'update' | 'delete';

/**
 * What a write of one record may change beside the record itself, so that its before state is
 * read too:
 * - `siblingPoints`: the other contact points of the same kind of its customer(s) (one primary);
 * - `sides`: the customers a connection links (a business's primary contact);
 * - `dependants`: what goes or changes with a deleted customer or contact (its contact points,
 *   connections, relationships, contacts, activity, the businesses it was the primary contact of).
 */
export type HistoryWatchTarget = 'self' | 'siblingPoints' | 'sides' | 'dependants';

const POINT: Record<HistoryWriteAction, readonly HistoryWatchTarget[]> = {
  create: ['siblingPoints'],
  update: ['self', 'siblingPoints'],
  delete: ['self', 'siblingPoints'],
};

/** The records to watch before writing a record of `kind` (a created record is added after it). */
export const historyWatchSet = (
  kind: HistoryRecordKind,
  action: HistoryWriteAction
): readonly HistoryWatchTarget[] => {
  switch (kind) {
    case 'address':
    case 'phone':
    case 'email':
      return POINT[action];
    case 'connection':
      return action === 'create' ? ['sides'] : ['self', 'sides'];
    case 'customer':
    case 'contact':
      return action === 'create' ? [] : action === 'delete' ? ['self', 'dependants'] : ['self'];
    case 'relationship':
    case 'activity':
      return action === 'create' ? [] : ['self'];
  }
};

/** A change of a to-many relation as `readToManyChange` reads it, whatever names its records. */
export type MembershipChange<Ref> =
  | { kind: 'unchanged' }
  | { kind: 'set'; refs: Ref[]; unreadable: number }
  | { kind: 'delta'; connect: Ref[]; disconnect: Ref[]; unreadable: number };

/**
 * The contacts whose membership a list write may change: the ones it names, and all current
 * members when it replaces the list or names some in a way that cannot be read.
 */
export const membershipWatch = <Ref>(
  change: MembershipChange<Ref>
): { refs: Ref[]; currentMembers: boolean } => {
  switch (change.kind) {
    case 'unchanged':
      return { refs: [], currentMembers: false };
    case 'set':
      return { refs: change.refs, currentMembers: true };
    case 'delta':
      return {
        refs: [...change.connect, ...change.disconnect],
        currentMembers: change.unreadable > 0,
      };
  }
};
