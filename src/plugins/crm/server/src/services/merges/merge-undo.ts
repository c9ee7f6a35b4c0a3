import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { CONTACT_POINT_KINDS } from '../../domain';
import { MergeConflict } from '../../domain/merge';
import {
  journalConflicts,
  linkTablesOf,
  revertJournal,
  watchJournal,
  type JournalOp,
  type Row,
} from '../../repositories/row-journal';
import type { Actor } from '../../utils/actor';
import { getService } from '../../utils/get-service';
import { errors } from '../../utils/strapi-utils';
import { CONTACT_POINT_UIDS, CONTACT_UID, CUSTOMER_UID } from '../../utils/uids';
import { MERGE_UID, unsealJournal } from './merge-support';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `POST /merges/:id/undo`: every row the merge changed back as it was (the merged records with
 * their ids and documentIds, their contact points, links and relations), in one transaction under
 * the locks, within `mergeUndoDays`. Refused with the reasons (409) when what changed since makes
 * that impossible: the survivor deleted or merged again, a moved link deleted or changed, an id,
 * documentId or external id taken.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const support = () => getService(strapi, 'merge-support');
  const locks = () => getService(strapi, 'customer-locks');

  /** Customers (or contacts) whose rows the journal names, by id: locked before the undo writes. */
  const recordsNamed = (ops: readonly JournalOp[], table: string): number[] => {
    const links = new Map(linkTablesOf(strapi).map((link) => [link.table, link]));
    const ids = new Set<number>();
    const collect = (row: Row, opTable: string) => {
      if (opTable === table && row.id !== undefined) ids.add(Number(row.id));
      const link = links.get(opTable);
      if (!link) return;
      for (const side of [link.owner, link.target])
        if (side.table === table && row[side.column] !== undefined && row[side.column] !== null)
          ids.add(Number(row[side.column]));
    };
    for (const op of ops) {
      if (op.op === 'update') {
        if (op.table === table) ids.add(op.id);
        collect(op.before, op.table);
        collect(op.after, op.table);
      } else collect(op.row, op.table);
    }
    return [...ids];
  };

  /** The duplicate matcher's keys follow the contacts. */
  const matchKeys = () => getService(strapi, 'duplicates');

  return {
    async undo(documentId: string, actor: Actor) {
      const how = { merge: documentId, actor };
      return support().transact(async (knex: Knex) => {
        await support().lockMerges();
        const found = await support().findMerge(documentId);
        if (!found) throw new errors.NotFoundError(`merge ${documentId} not found`);
        await locks().lockRows(MERGE_UID, [found.id]);
        const merge = (await support().findMerge(documentId))!;
        if (merge.undoneAt) {
          throw new MergeConflict(
            'merge.undone',
            `merge ${documentId} was undone at ${new Date(merge.undoneAt).toISOString()}; a merge is undone once`,
            { undoneAt: new Date(merge.undoneAt).toISOString() }
          );
        }
        const days = getService(strapi, 'settings').get().mergeUndoDays;
        if (Date.now() - new Date(merge.mergedAt).getTime() > days * DAY_MS) {
          throw new MergeConflict(
            'merge.expired',
            `merge ${documentId} is older than ${days} days (mergeUndoDays) and can no longer be undone`,
            { mergedAt: new Date(merge.mergedAt).toISOString(), mergeUndoDays: days }
          );
        }
        if (!merge.snapshot?.ops) {
          throw new MergeConflict(
            'merge.snapshot',
            `merge ${documentId} keeps no snapshot to undo from`
          );
        }
        const ops = unsealJournal(merge.snapshot.ops, merge.sealed);
        const uid = merge.object === 'customers' ? CUSTOMER_UID : CONTACT_UID;
        const table = strapi.db.metadata.get(uid).tableName;

        const reasons: string[] = [];
        const survivor = (await strapi.db.query(uid).findOne({
          where: { documentId: merge.survivor },
          select: ['id', 'documentId'],
        })) as { id: number; documentId: string } | null;
        if (!survivor) {
          const redirect = await support().redirectOf(merge.object, merge.survivor);
          reasons.push(
            redirect
              ? `the survivor ${merge.survivor} was merged into ${redirect.survivor} since (merge ${redirect.merge}); undo that merge first`
              : `the survivor ${merge.survivor} was deleted since`
          );
        }
        const named = recordsNamed(ops, table);
        if (uid === CUSTOMER_UID) await locks().lock(named);
        else await locks().lockRows(CONTACT_UID, named);

        const customers = strapi.db.metadata.get(CUSTOMER_UID).tableName;
        const contacts = strapi.db.metadata.get(CONTACT_UID).tableName;
        reasons.push(
          ...(await journalConflicts(strapi, knex, ops, {
            unique: { [customers]: ['external_id'], [contacts]: ['external_id'] },
          }))
        );
        if (reasons.length > 0) {
          throw new MergeConflict(
            'merge.changed',
            `merge ${documentId} cannot be undone: ${reasons.join('; ')}`,
            { reasons }
          );
        }

        // Every record the undo puts back, as it is now, for its history entry.
        const session = support().historySession();
        if (session) await watchJournal(strapi, knex, session, ops);
        await revertJournal(knex, ops);
        const restored = ops
          .filter((op) => op.op === 'delete' && op.table === table)
          .map((op) => (op as { row: Row }).row);
        const restoredIds = restored.map((row) => Number(row.id));

        // Whatever was added to the survivor since keeps the one-primary rules.
        if (uid === CUSTOMER_UID) {
          for (const kind of CONTACT_POINT_KINDS) {
            // Points added since may lose or take the primary flag.
            await session?.watch(
              CONTACT_POINT_UIDS[kind],
              await getService(strapi, 'network-repository').ownersLinkedTo(
                CONTACT_POINT_UIDS[kind],
                'customer',
                [survivor!.id, ...restoredIds]
              )
            );
            for (const id of [survivor!.id, ...restoredIds])
              await getService(strapi, 'contact-point-gate').settlePrimary(kind, id, null);
          }
          for (const id of [survivor!.id, ...restoredIds])
            await getService(strapi, 'connection-gate').settlePrimaryContact(id);
          await getService(strapi, 'search-index').refresh([survivor!.id, ...restoredIds]);
        } else {
          await matchKeys().refresh('contact', [survivor!.id, ...restoredIds]);
          await getService(strapi, 'display-names').refresh('contact', [
            survivor!.id,
            ...restoredIds,
          ]);
        }

        const undoneBy = `${actor.type}:${actor.name ?? actor.id ?? ''}`;
        await strapi.db.query(MERGE_UID).update({
          where: { id: merge.id },
          data: { undoneAt: new Date(), undoneBy },
        });
        await support().audit({
          action: 'merge.undo',
          actor,
          ...(uid === CUSTOMER_UID ? { customer: { documentId: merge.survivor } } : {}),
          reason: `undid merge ${documentId}: restored ${merge.merged.join(', ')}`,
        });
        const view = support().view((await support().findMerge(documentId))!);
        return {
          merge: view,
          restored: restored.map((row) => String(row.document_id)),
        };
      }, how);
    },
  };
};
