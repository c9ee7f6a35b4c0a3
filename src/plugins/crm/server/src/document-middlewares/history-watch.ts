import type { Core } from '@strapi/strapi';

import {
  CONTACT_POINT_KINDS,
  historyWatchSet,
  membershipWatch,
  type HistoryWatchTarget,
  type ContactPointKind,
  type HistoryWriteAction,
} from '../domain';
import { HISTORY_KIND_OF_UID, type HistorySession } from '../services/history';
import { getService } from '../utils/get-service';
import { readToManyChange, readToOneChange, whereRef, type RelationRef } from '../utils/relations';
import {
  ACTIVITY_UID,
  CONNECTION_UID,
  CONTACT_POINT_UIDS,
  CONTACT_UID,
  CUSTOMER_UID,
  MARKETING_LIST_UID,
  RELATIONSHIP_UID,
  contactPointKindOf,
} from '../utils/uids';

type Params = { documentId?: string; data?: Record<string, unknown> };

const CHUNK = 500;

/**
 * The records a document-service write may change, watched by the history session before it
 * changes them (see `historyWatchSet`). Ids come from the link tables, read in the write's
 * transaction.
 */
export const createHistoryWatch = (strapi: Core.Strapi) => {
  const network = () => getService(strapi, 'network-repository');

  const idOfDocument = async (uid: string, documentId: unknown): Promise<number | null> => {
    if (typeof documentId !== 'string' || documentId === '') return null;
    const row = (await strapi.db
      .query(uid as never)
      .findOne({ where: { documentId }, select: ['id'] })) as { id: number } | null;
    return row?.id ?? null;
  };

  const idOfRef = async (uid: string, value: unknown): Promise<number | null> => {
    const change = readToOneChange(value);
    if (change.kind !== 'set') return null;
    const where = whereRef(change.ref);
    if (!where) return null;
    const row = (await strapi.db.query(uid as never).findOne({ where, select: ['id'] })) as {
      id: number;
    } | null;
    return row?.id ?? null;
  };

  const idsOfRefs = async (uid: string, refs: readonly RelationRef[]): Promise<number[]> => {
    const ids = refs.flatMap((ref) => ('id' in ref ? [ref.id] : [])).filter(Number.isSafeInteger);
    const documentIds = refs.flatMap((ref) => ('documentId' in ref ? [ref.documentId] : []));
    const found: number[] = [];
    for (let at = 0; at < documentIds.length; at += CHUNK) {
      const rows = (await strapi.db.query(uid as never).findMany({
        where: { documentId: { $in: documentIds.slice(at, at + CHUNK) } },
        select: ['id'],
      })) as { id: number }[];
      found.push(...rows.map((row) => row.id));
    }
    // Ids naming no row are harmless: the session finds no state for them before or after.
    return [...ids, ...found];
  };

  /** Targets of `attribute` of the records `ownerIds`. */
  const targetsOf = async (uid: string, attribute: string, ownerIds: readonly number[]) =>
    (await network().linksOfOwners(uid, attribute, ownerIds)).map(([, target]) => target);

  const watchPoints = async (
    session: HistorySession,
    customerIds: readonly number[],
    kinds: readonly ContactPointKind[] = CONTACT_POINT_KINDS
  ) => {
    for (const kind of kinds) {
      const uid = CONTACT_POINT_UIDS[kind];
      await session.watch(uid, await network().ownersLinkedTo(uid, 'customer', customerIds));
    }
  };

  /** A customer's contact points, links, contacts and the businesses it is primary contact of. */
  const watchCustomerDependants = async (session: HistorySession, customerId: number) => {
    const connections = await network().connectionsOf([customerId]);
    const sides = connections.flatMap((row) => [row.customerId, row.connectedId]);
    await watchPoints(session, [customerId]);
    await session.watch(
      CONNECTION_UID,
      connections.map((row) => row.id)
    );
    await session.watch(
      RELATIONSHIP_UID,
      (await network().relationshipsOf([customerId])).map((row) => row.id)
    );
    await session.watch(CONTACT_UID, [
      ...(await network().ownersLinkedTo(CONTACT_UID, 'company', [customerId])),
      ...(await network().ownersLinkedTo(CONTACT_UID, 'convertedCustomer', [customerId])),
    ]);
    await session.watch(CUSTOMER_UID, [
      ...sides,
      ...(await network().ownersLinkedTo(CUSTOMER_UID, 'primaryContact', [customerId])),
    ]);
  };

  const watchTarget = async (
    session: HistorySession,
    uid: string,
    target: HistoryWatchTarget,
    id: number | null,
    params: Params
  ) => {
    const kind = contactPointKindOf(uid);
    switch (target) {
      case 'self':
        if (id !== null) await session.watch(uid, [id]);
        return;
      case 'siblingPoints': {
        if (!kind) return;
        // The owner now and, for a move, the one the gate has put in the data.
        const owners = id === null ? [] : await targetsOf(uid, 'customer', [id]);
        const next = await idOfRef(CUSTOMER_UID, params.data?.customer);
        await watchPoints(session, next === null ? owners : [...owners, next], [kind]);
        return;
      }
      case 'sides': {
        const sides =
          id === null
            ? [
                await idOfRef(CUSTOMER_UID, params.data?.customer),
                await idOfRef(CUSTOMER_UID, params.data?.connectedCustomer),
              ]
            : [
                ...(await targetsOf(uid, 'customer', [id])),
                ...(await targetsOf(uid, 'connectedCustomer', [id])),
              ];
        await session.watch(
          CUSTOMER_UID,
          sides.filter((side): side is number => side !== null)
        );
        return;
      }
      case 'dependants':
        if (id === null) return;
        if (uid === CUSTOMER_UID) await watchCustomerDependants(session, id);
        if (uid === CONTACT_UID)
          await session.watch(
            ACTIVITY_UID,
            await network().ownersLinkedTo(ACTIVITY_UID, 'contact', [id])
          );
        return;
    }
  };

  /** The contacts a marketing-list write adds or removes: their `marketingLists` change. */
  const watchMembers = async (session: HistorySession, action: HistoryWriteAction, p: Params) => {
    const listId =
      action === 'create' ? null : await idOfDocument(MARKETING_LIST_UID, p.documentId);
    const { refs, currentMembers } =
      action === 'delete'
        ? { refs: [], currentMembers: true }
        : membershipWatch(readToManyChange(p.data?.members));
    const ids = await idsOfRefs(CONTACT_UID, refs);
    if (currentMembers && listId !== null)
      ids.push(...(await targetsOf(MARKETING_LIST_UID, 'members', [listId])));
    await session.watch(CONTACT_UID, ids);
  };

  return {
    /**
     * Deletes whose gate changes other records before the delete itself (a customer's links and
     * contact points, a contact's activity): their records are watched before the gate runs,
     * under the locks the gate would take, so the state read is the one the delete removes.
     */
    async beforeGate(
      uid: string,
      action: HistoryWriteAction,
      params: Params,
      session: HistorySession
    ): Promise<void> {
      if (action !== 'delete' || (uid !== CUSTOMER_UID && uid !== CONTACT_UID)) return;
      const id = await idOfDocument(uid, params.documentId);
      if (id === null) return;
      const locks = getService(strapi, 'customer-locks');
      if (uid === CUSTOMER_UID) {
        // The gate locks the customer and those it is connected to, in this same order.
        const sides = (await network().connectionsOf([id])).flatMap((row) => [
          row.customerId,
          row.connectedId,
        ]);
        await locks.lock([id, ...sides]);
      } else await locks.lockRows(CONTACT_UID, [id]);
      for (const target of historyWatchSet(HISTORY_KIND_OF_UID[uid], action))
        await watchTarget(session, uid, target, id, params);
    },

    /** Called by the gate's `next`: the gate holds its locks and has settled the data. */
    async beforeWrite(
      uid: string,
      action: HistoryWriteAction,
      params: Params,
      session: HistorySession
    ): Promise<void> {
      if (uid === MARKETING_LIST_UID) {
        if (action === 'delete' || (params.data && 'members' in params.data))
          await watchMembers(session, action, params);
        return;
      }
      const kind = HISTORY_KIND_OF_UID[uid];
      if (!kind || (action === 'delete' && (uid === CUSTOMER_UID || uid === CONTACT_UID))) return;
      const id = action === 'create' ? null : await idOfDocument(uid, params.documentId);
      for (const target of historyWatchSet(kind, action))
        await watchTarget(session, uid, target, id, params);
    },

    /** A created record: its entry has no before state. */
    afterWrite(uid: string, action: HistoryWriteAction, result: unknown, session: HistorySession) {
      const id = (result as { id?: unknown } | null)?.id;
      if (action === 'create' && typeof id === 'number') session.created(uid, [id]);
    },
  };
};
