import type { Core } from '@strapi/strapi';

import type { UndoResult } from '../../../../contracts';
import {
  CONTACT_POINT_KINDS,
  UNDO_KEPT_LISTED,
  changedSinceReason,
  customerDisplayName,
  reasonsToKeepContact,
  reasonsToKeepCustomer,
  type ContactPointKind,
} from '../../domain';
import type { RelatedIds } from '../../repositories/import-rows';
import { currentActor } from '../../utils/actor';
import { conflict } from '../../utils/errors';
import { getService } from '../../utils/get-service';
import { readTogetherIn } from '../../utils/read-together';
import {
  ACTIVITY_UID,
  CONTACT_POINT_UIDS,
  CONTACT_UID,
  CUSTOMER_UID,
  IMPORT_JOB_UID,
  MARKETING_LIST_UID,
} from '../../utils/uids';
import { IMPORT_EVENTS } from '../import-events';
import { historySession, historyTransaction, importWriter } from './import-history';
import { createImportRestore, type UpdatedRow } from './import-restore';

const CHUNK = 500;

type Kept = UndoResult['kept'][number];

const tally = (pairs: [number, number][], side: 0 | 1) => {
  const counts = new Map<number, number>();
  for (const pair of pairs) counts.set(pair[side], (counts.get(pair[side]) ?? 0) + 1);
  return counts;
};

/**
 * Undo of a finished import: removes exactly the records the job created, each through the rules
 * of a delete (`recordRemoval`), and keeps every one that others have built on since — a comment,
 * a list membership, a login or a conversion on a contact; a contact, connection, relationship or
 * contact point the job did not make on a customer — listing what it kept and why. One
 * transaction, whose first write moves the job from done to undone: a second undo waits for it,
 * then finds the job undone and gets 409.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const network = () => getService(strapi, 'network-repository');
  const removal = () => getService(strapi, 'record-removal');
  const locks = () => getService(strapi, 'customer-locks');
  const restorer = createImportRestore(strapi);

  /** The customers about to go and their contact points, as they are, for their history entries. */
  const watchCustomers = async (ids: number[]) => {
    const session = historySession(strapi);
    if (!session || ids.length === 0) return;
    await session.watch(CUSTOMER_UID, ids);
    for (const kind of CONTACT_POINT_KINDS)
      await session.watch(
        CONTACT_POINT_UIDS[kind],
        await network().ownersLinkedTo(CONTACT_POINT_UIDS[kind], 'customer', ids)
      );
  };

  /** Why each of these imported contacts must stay (contacts absent from the map may go). */
  const contactsToKeep = async (ids: number[]): Promise<Map<number, string[]>> => {
    const [comments, lists, logins, conversions] = await readTogetherIn(strapi, [
      () =>
        network()
          .linksToTargets(ACTIVITY_UID, 'contact', ids)
          .then((pairs) => tally(pairs, 1)),
      () =>
        network()
          .linksToTargets(MARKETING_LIST_UID, 'members', ids)
          .then((pairs) => tally(pairs, 1)),
      () =>
        network()
          .linksOfOwners(CONTACT_UID, 'user', ids)
          .then((pairs) => tally(pairs, 0)),
      () =>
        network()
          .linksOfOwners(CONTACT_UID, 'convertedCustomer', ids)
          .then((pairs) => tally(pairs, 0)),
    ]);
    const kept = new Map<number, string[]>();
    for (const id of ids) {
      const reasons = reasonsToKeepContact({
        comments: comments.get(id) ?? 0,
        marketingLists: lists.get(id) ?? 0,
        hasLogin: logins.has(id),
        converted: conversions.has(id),
      });
      if (reasons.length) kept.set(id, reasons);
    }
    return kept;
  };

  /** Why each of these customers made by the job must stay; `madePoints` are the points the job made. */
  const customersToKeep = async (
    ids: number[],
    madePoints: Set<string>
  ): Promise<Map<number, string[]>> => {
    const [contacts, connections, relationships] = await readTogetherIn(strapi, [
      () =>
        network()
          .linksToTargets(CONTACT_UID, 'company', ids)
          .then((pairs) => tally(pairs, 1)),
      () => network().connectionsOf(ids),
      () => network().relationshipsOf(ids),
    ]);
    const sides = (rows: { first: number; second: number }[]) => {
      const counts = new Map<number, number>();
      for (const row of rows)
        for (const id of new Set([row.first, row.second]))
          counts.set(id, (counts.get(id) ?? 0) + 1);
      return counts;
    };
    const connected = sides(
      connections.map((row) => ({ first: row.customerId, second: row.connectedId }))
    );
    const related = sides(
      relationships.map((row) => ({ first: row.firstId, second: row.secondId }))
    );
    const added = new Map<number, Partial<Record<ContactPointKind, number>>>();
    for (const kind of CONTACT_POINT_KINDS) {
      for (const [pointId, customerId] of await network().linksToTargets(
        CONTACT_POINT_UIDS[kind],
        'customer',
        ids
      )) {
        if (madePoints.has(`${kind}:${pointId}`)) continue;
        const points = added.get(customerId) ?? {};
        points[kind] = (points[kind] ?? 0) + 1;
        added.set(customerId, points);
      }
    }
    const kept = new Map<number, string[]>();
    for (const id of ids) {
      const reasons = reasonsToKeepCustomer({
        contacts: contacts.get(id) ?? 0,
        connections: connected.get(id) ?? 0,
        relationships: related.get(id) ?? 0,
        addedPoints: added.get(id) ?? {},
      });
      if (reasons.length) kept.set(id, reasons);
    }
    return kept;
  };

  /** Updated records left as they are because they changed since the import. */
  const describeChanged = async (
    object: 'contacts' | 'customers',
    kept: { recordId: number; fields: string[] }[],
    result: UndoResult
  ) => {
    const reasons = new Map(
      kept.map(({ recordId, fields }) => [
        recordId,
        [fields.length ? changedSinceReason(fields) : 'deleted since the import'],
      ])
    );
    const fieldsOf = new Map(kept.map(({ recordId, fields }) => [recordId, fields]));
    await describe(object === 'contacts' ? 'contact' : 'customer', reasons, result, fieldsOf);
  };

  const describe = async (
    type: Kept['type'],
    kept: Map<number, string[]>,
    result: UndoResult,
    fieldsOf?: Map<number, string[]>
  ) => {
    result.keptCount += kept.size;
    const room = UNDO_KEPT_LISTED - result.kept.length;
    if (room <= 0 || kept.size === 0) return;
    const ids = [...kept.keys()].slice(0, room);
    const rows = await strapi.db.query(type === 'contact' ? CONTACT_UID : CUSTOMER_UID).findMany({
      where: { id: { $in: ids } },
      select: [
        'id',
        'documentId',
        'firstName',
        'lastName',
        ...(type === 'customer' ? ['type', 'businessName'] : []),
      ],
    });
    type NamedRow = {
      id: number;
      documentId: string;
      type?: string;
      firstName: string | null;
      lastName: string | null;
      businessName?: string | null;
    };
    const byId = new Map((rows as NamedRow[]).map((row) => [row.id, row]));
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) continue;
      const name =
        type === 'contact'
          ? `${row.firstName ?? ''} ${row.lastName ?? ''}`.trim()
          : customerDisplayName(row);
      const reasons = kept.get(id)!;
      result.kept.push({
        type,
        documentId: row.documentId,
        name,
        reasons,
        reason: reasons.join('; '),
        ...(fieldsOf ? { fields: fieldsOf.get(id) ?? [] } : {}),
      });
    }
  };

  return {
    async undo(documentId: string) {
      const importJobs = getService(strapi, 'import-jobs');
      const staging = getService(strapi, 'import-rows');
      const job = await importJobs.load(documentId);
      if (job.stage !== 'done')
        throw conflict(`only a finished import can be undone (this one is ${job.stage})`);
      // The undo's changes are the import's, on behalf of whoever undoes it.
      const writer = importWriter(strapi, job, currentActor(strapi));
      await historyTransaction(strapi, writer, async () => {
        const now = new Date();
        if (!(await importJobs.changeJob(job, { stage: 'undone', undoneAt: now }, ['done']))) {
          throw conflict('the import has just been undone or changed; load it again');
        }
        const result: UndoResult = {
          at: now.toISOString(),
          removed: { contacts: 0, customers: 0 },
          deleted: 0,
          restored: 0,
          kept: [],
          keptCount: 0,
        };
        // The job's updates first, latest first: a record it created and then updated is back
        // as created before it goes.
        const updated: UpdatedRow[] = [];
        for (let after = 0; ;) {
          const rows = await staging.imported(job.id, after, CHUNK);
          if (rows.length === 0) break;
          after = rows[rows.length - 1].line;
          for (const row of rows)
            if (row.outcome === 'updated' && row.snapshot)
              updated.push({ ...row, snapshot: row.snapshot as UpdatedRow['snapshot'] });
        }
        const restoredUpdates = await strapi.db.transaction(({ trx }) =>
          restorer.restore(trx, job.object, updated)
        );
        result.restored = restoredUpdates.restored;
        await describeChanged(job.object, restoredUpdates.kept, result);
        await staging.updateMany(
          ['status', 'record_id', 'outcome', 'snapshot'],
          restoredUpdates.restoredRows.map((id) => [id, 'valid', null, null, null])
        );
        for (let after = 0; ;) {
          const imported = await staging.imported(job.id, after, CHUNK);
          if (imported.length === 0) break;
          after = imported[imported.length - 1].line;
          const rows = imported.filter((row) => row.outcome === 'created');
          if (rows.length === 0) continue;
          const ids = rows.map((row) => row.recordId);
          let kept: Map<number, string[]>;
          if (job.object === 'contacts') {
            await locks().lockRows(CONTACT_UID, ids);
            kept = await contactsToKeep(ids);
            const removable = ids.filter((id) => !kept.has(id));
            await historySession(strapi)?.watch(CONTACT_UID, removable);
            await removal().removeContacts(removable);
            result.removed.contacts += removable.length;
          } else {
            await locks().lock(ids);
            const made = new Set(
              rows.flatMap((row) =>
                Object.entries(row.related as RelatedIds).flatMap(([kind, points]) =>
                  (points ?? []).map((id) => `${kind}:${id}`)
                )
              )
            );
            kept = await customersToKeep(ids, made);
            const removable = ids.filter((id) => !kept.has(id));
            await watchCustomers(removable);
            await removal().removeCustomers(removable);
            result.removed.customers += removable.length;
          }
          await describe(job.object === 'contacts' ? 'contact' : 'customer', kept, result);
          const gone = rows.filter((row) => !kept.has(row.recordId));
          await staging.updateMany(
            ['status', 'record_id'],
            gone.map((row) => [row.id, 'valid', null])
          );
        }
        // The companies a contacts import created, once its removable contacts are gone.
        const created = Object.values(
          (job.decisions ?? {}) as Record<string, { createdId?: number }>
        )
          .map((decision) => decision.createdId)
          .filter((id): id is number => typeof id === 'number');
        for (let i = 0; i < created.length; i += CHUNK) {
          const found = (
            await strapi.db
              .query(CUSTOMER_UID)
              .findMany({ where: { id: { $in: created.slice(i, i + CHUNK) } }, select: ['id'] })
          ).map((row: { id: number }) => row.id);
          await locks().lock(found);
          const kept = await customersToKeep(found, new Set());
          const removable = found.filter((id: number) => !kept.has(id));
          await watchCustomers(removable);
          await removal().removeCustomers(removable);
          result.removed.customers += removable.length;
          await describe('customer', kept, result);
        }
        result.deleted = result.removed.contacts + result.removed.customers;
        await strapi.db
          .query(IMPORT_JOB_UID)
          .update({ where: { id: job.id }, data: { undo: result } });
      });
      await getService(strapi, 'import-events').emit(IMPORT_EVENTS.CRM_IMPORT_UNDONE, job.id);
      return importJobs.view(await importJobs.load(documentId));
    },
  };
};
