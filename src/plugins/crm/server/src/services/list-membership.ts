import type { Core } from '@strapi/strapi';

import { mayChangeListMembership } from '../permissions';
import { currentCaller } from '../utils/actor';
import { getService } from '../utils/get-service';
import { isRowId, readToManyChange, type RelationRef } from '../utils/relations';
import { errors } from '../utils/strapi-utils';
import { CONTACT_UID, MARKETING_LIST_UID } from '../utils/uids';

type Params = { documentId?: string; data?: Record<string, unknown> };

/** The two ends of membership: a contact's `marketingLists` and a list's `members`. */
const SIDES = {
  [CONTACT_UID]: { field: 'marketingLists', other: MARKETING_LIST_UID },
  [MARKETING_LIST_UID]: { field: 'members', other: CONTACT_UID },
} as const;

const CHUNK = 500;

/**
 * Marketing list membership, whichever end a write comes from (`POST …/members`, a contact's
 * `marketingLists`, a list's `members`, REST or server code): every write that would add or remove
 * a member passes `mayChangeListMembership` for the caller of the request being served. A write
 * that leaves membership as it is (the content manager sends `{ connect: [], disconnect: [] }`, a
 * form sends back the lists it showed) needs no such right.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const links = () => getService(strapi, 'network-repository');

  /** Ids of the records that `refs` name on the other end; refs naming nothing are counted apart. */
  const resolve = async (
    uid: string,
    refs: RelationRef[]
  ): Promise<{ ids: number[]; unknown: number }> => {
    // An id no row can have (past the id column) names nothing: counted as unknown, never queried.
    const byId = refs
      .filter((ref): ref is { id: number } => 'id' in ref)
      .map((ref) => ref.id)
      .filter(isRowId);
    const byDocument = refs
      .filter((ref): ref is { documentId: string } => 'documentId' in ref)
      .map((ref) => ref.documentId);
    const ids = new Set<number>();
    let found = 0;
    for (let i = 0; i < byId.length; i += CHUNK) {
      const rows = await strapi.db
        .query(uid)
        .findMany({ where: { id: { $in: byId.slice(i, i + CHUNK) } }, select: ['id'] });
      rows.forEach((row: { id: number }) => ids.add(row.id));
      found += rows.length;
    }
    for (let i = 0; i < byDocument.length; i += CHUNK) {
      const rows = await strapi.db.query(uid).findMany({
        where: { documentId: { $in: byDocument.slice(i, i + CHUNK) } },
        select: ['id'],
      });
      rows.forEach((row: { id: number }) => ids.add(row.id));
      found += rows.length;
    }
    const named = new Set<string | number>([
      ...refs.map((ref) => ('id' in ref ? ref.id : ref.documentId)),
    ]);
    return { ids: [...ids], unknown: Math.max(0, named.size - found) };
  };

  /** Which of `otherIds` the record is linked to now (all of its links when `otherIds` is absent). */
  const linkedNow = async (
    uid: keyof typeof SIDES,
    recordId: number,
    otherIds?: number[]
  ): Promise<Set<number>> => {
    // Membership is kept as the list's `members`: lists own the links, contacts are their targets.
    const side = uid === MARKETING_LIST_UID ? 'owner' : 'target';
    const pairs = await links().linksWhere(
      MARKETING_LIST_UID,
      'members',
      side,
      [recordId],
      otherIds
    );
    return new Set(pairs.map(([list, contact]) => (side === 'owner' ? contact : list)));
  };

  /** Whether writing `params.data` to a record of `uid` adds or removes a member. */
  const changesMembership = async (uid: keyof typeof SIDES, params: Params): Promise<boolean> => {
    const { field, other } = SIDES[uid];
    const change = readToManyChange(params.data?.[field]);
    if (change.kind === 'unchanged') return false;
    if (change.unreadable > 0) return true;
    const record = params.documentId
      ? await strapi.db
          .query(uid)
          .findOne({ where: { documentId: params.documentId }, select: ['id'] })
      : null;
    if (change.kind === 'set') {
      const wanted = await resolve(other, change.refs);
      if (wanted.unknown > 0) return true;
      const current = record ? await linkedNow(uid, record.id) : new Set<number>();
      return wanted.ids.length !== current.size || wanted.ids.some((id) => !current.has(id));
    }
    const added = await resolve(other, change.connect);
    const removed = await resolve(other, change.disconnect);
    if (added.unknown > 0) return true;
    if (!record) return added.ids.length > 0;
    const linked = await linkedNow(uid, record.id, [...added.ids, ...removed.ids]);
    return added.ids.some((id) => !linked.has(id)) || removed.ids.some((id) => linked.has(id));
  };

  return {
    /** Refuses (403) a write that would change membership for a caller who may not. */
    async authorize(uid: string, params: Params): Promise<void> {
      if (!(uid in SIDES)) return;
      const side = uid as keyof typeof SIDES;
      if (!params.data || !(SIDES[side].field in params.data)) return;
      if (mayChangeListMembership(currentCaller(strapi))) return;
      if (await changesMembership(side, params)) {
        // A PolicyError keeps its message through Strapi's authorisation layer (a plain 403 would not).
        throw new errors.PolicyError(
          'adding contacts to or removing them from a marketing list is for crm_sales and crm_manager only',
          {
            rule: 'marketingList.membership',
          }
        );
      }
    },
  };
};
