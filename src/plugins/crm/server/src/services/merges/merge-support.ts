import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { DomainValidationError } from '../../domain';
import { MergeConflict } from '../../domain/merge';
import type { JournalOp, Row, RowJournal } from '../../repositories/row-journal';
import type { Actor } from '../../utils/actor';
import { documentIds } from '../../utils/document-id';
import { getService } from '../../utils/get-service';
import { errors } from '../../utils/strapi-utils';
import { CONTACT_UID, CUSTOMER_UID } from '../../utils/uids';

export const MERGE_UID = 'plugin::crm.merge' as const;
export const MERGE_REDIRECT_UID = 'plugin::crm.merge-redirect' as const;

/** What a merge takes: customers or contacts, and the name of one record of that type. */
export type MergeObject = 'customers' | 'contacts';
export const RECORD_NAME: Record<MergeObject, 'customer' | 'contact'> = {
  customers: 'customer',
  contacts: 'contact',
};

export interface MergeRequest {
  survivor: string;
  merged: string[];
  fields?: Record<string, string>;
  keep?: Partial<Record<'address' | 'phone' | 'email', string[]>>;
}

/** What a merge answers: the survivor as it is now, the merge's documentId (none for a dry run) and the counts. */
export interface MergeOutcome {
  survivor: Record<string, unknown>;
  merge: string | null;
  moved: Record<string, number>;
}

export interface MergeRow {
  id: number;
  documentId: string;
  object: MergeObject;
  survivor: string;
  merged: string[];
  fields: Record<string, string> | null;
  moved: Record<string, number> | null;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  mergedAt: string | Date;
  snapshot: { version: number; ops: JournalOp[] } | null;
  sealed: Record<string, Row> | null;
  undoneAt: string | Date | null;
  undoneBy: string | null;
  createdAt?: string | Date;
}

/** A dry run leaves by this error, which rolls its transaction back and carries its answer out. */
class DryRun extends Error {
  constructor(readonly outcome: unknown) {
    super('dry run');
  }
}

const SNAPSHOT_VERSION = 1;
/** Columns whose values never enter the visible snapshot (SSN ciphertexts): kept in the private `sealed`. */
const SEALED_COLUMNS = ['ssn_encrypted'];

/** Splits the ciphertexts off the journal: `ops` for the visible snapshot, `sealed` by op index. */
export const sealJournal = (ops: readonly JournalOp[]) => {
  const sealed: Record<string, Row> = {};
  const visible = ops.map((op, index) => {
    const take = (row: Row, part: string) => {
      const hidden = Object.fromEntries(
        Object.entries(row).filter(([column]) => SEALED_COLUMNS.includes(column))
      );
      if (Object.keys(hidden).length === 0) return row;
      sealed[`${index}.${part}`] = hidden;
      return Object.fromEntries(
        Object.entries(row).filter(([column]) => !SEALED_COLUMNS.includes(column))
      );
    };
    if (op.op === 'update')
      return { ...op, before: take(op.before, 'before'), after: take(op.after, 'after') };
    return { ...op, row: take(op.row, 'row') };
  });
  return { ops: visible as JournalOp[], sealed };
};

/** The journal with its ciphertexts back in place. */
export const unsealJournal = (ops: readonly JournalOp[], sealed: Record<string, Row> | null) =>
  ops.map((op, index) => {
    const put = (row: Row, part: string) => ({ ...row, ...(sealed?.[`${index}.${part}`] ?? {}) });
    if (op.op === 'update')
      return { ...op, before: put(op.before, 'before'), after: put(op.after, 'after') };
    return { ...op, row: put(op.row, 'row') };
  }) as JournalOp[];

const isDeadlock = (error: unknown) =>
  (error as { code?: string } | null)?.code === '40P01' ||
  (error as { code?: string } | null)?.code === '40001';

/** What a merge stores of itself. */
export interface StoredMerge {
  documentId: string;
  object: MergeObject;
  survivor: string;
  merged: string[];
  fields: Record<string, string>;
  moved: Record<string, number>;
  actor: Actor;
  ops: readonly JournalOp[];
}

/** Shared by the customer and contact merges and the undo. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const mergeTable = () => strapi.db.metadata.get(MERGE_REDIRECT_UID).tableName;

  return {
    /**
     * Runs `work` in one transaction; a dry run runs it all and rolls it back, answering what it
     * would have answered. A deadlock with another writer is a 409 (try again), not a 500. With a
     * merge and its actor, `work`'s changes are recorded in the history as the merge's.
     */
    async transact<T>(
      work: (knex: Knex) => Promise<T>,
      options: { dryRun?: boolean; merge?: string; actor?: Actor } = {}
    ): Promise<T> {
      const { dryRun = false, merge, actor } = options;
      try {
        return await strapi.db.transaction(async ({ trx }) => {
          const result =
            merge && actor
              ? await this.withHistory(merge, actor, () => work(trx))
              : await work(trx);
          if (dryRun) throw new DryRun(result);
          return result;
        });
      } catch (error) {
        if (error instanceof DryRun) return error.outcome as T;
        if (isDeadlock(error))
          throw new MergeConflict(
            'merge.busy',
            'another write of these records ran at the same moment; send the request again'
          );
        throw error;
      }
    },

    /**
     * Runs `work` (inside the merge's transaction) with every change it makes recorded as written
     * by "merge <id>" on behalf of `actor`, in one history session flushed when `work` is done.
     * The journal of a merge shows that session every row before it changes it.
     */
    withHistory<T>(merge: string, actor: Actor, work: () => Promise<T>): Promise<T> {
      const history = getService(strapi, 'history');
      const writer = {
        ...history.onBehalfOf('merge', merge, `merge ${merge}`, actor),
        documentId: merge,
      };
      return history.actingAs(writer, () => history.inSession(() => work()));
    },

    /** The history session of the merge or undo under way. */
    historySession: () => getService(strapi, 'history').currentSession(),

    /**
     * One merge or undo at a time, and none while a hierarchy link is written: merges touch the
     * hierarchy, and two merges of overlapping records must see each other's result.
     */
    async lockMerges(): Promise<void> {
      await getService(strapi, 'customer-numbers').lockSequence(
        getService(strapi, 'relationship-gate').HIERARCHY_LOCK
      );
    },

    /** Where a merged record's documentId leads: the survivor and the merge, or null. */
    async redirectOf(
      object: MergeObject,
      documentId: string
    ): Promise<{ survivor: string; merge: string } | null> {
      const row = (await strapi.db.query(MERGE_REDIRECT_UID).findOne({
        where: { object, mergedDocumentId: documentId },
        select: ['survivor', 'mergeDocumentId'],
      })) as { survivor: string; mergeDocumentId: string } | null;
      return row ? { survivor: row.survivor, merge: row.mergeDocumentId } : null;
    },

    /**
     * Records that `merged` are now `survivor`: new redirects for them, and the redirects that led
     * to one of them (merged into it earlier) now lead to the survivor. Journaled, so an undo puts
     * them back.
     */
    async writeRedirects(
      journal: RowJournal,
      knex: Knex,
      object: MergeObject,
      survivor: string,
      merged: readonly string[],
      merge: string
    ): Promise<void> {
      const table = mergeTable();
      const earlier = (await knex(table)
        .where({ object })
        .whereIn('survivor', merged as string[])
        .orderBy('id')) as Row[];
      for (const row of earlier)
        await journal.update(
          table,
          Number(row.id),
          { survivor },
          `the redirect of ${String(row.merged_document_id)}`
        );
      const ids = documentIds(merged.length);
      for (const [index, documentId] of merged.entries()) {
        const created = (await strapi.db.query(MERGE_REDIRECT_UID).create({
          data: {
            documentId: ids[index],
            object,
            mergedDocumentId: documentId,
            survivor,
            mergeDocumentId: merge,
          },
        })) as { id: number };
        await journal.recordInsert(table, created.id, `the redirect of ${documentId}`);
      }
    },

    newMergeId: () => documentIds(1)[0],

    /** Stores the merge (its journal with the ciphertexts sealed apart). */
    async storeMerge(entry: StoredMerge): Promise<void> {
      const { ops, sealed } = sealJournal(entry.ops);
      await strapi.db.query(MERGE_UID).create({
        data: {
          documentId: entry.documentId,
          object: entry.object,
          survivor: entry.survivor,
          merged: entry.merged,
          fields: entry.fields,
          moved: entry.moved,
          actorType: entry.actor.type,
          actorId: entry.actor.id,
          actorName: entry.actor.name,
          mergedAt: new Date(),
          snapshot: { version: SNAPSHOT_VERSION, ops },
          sealed,
        },
      });
    },

    async findMerge(documentId: string): Promise<MergeRow | null> {
      return (await strapi.db
        .query(MERGE_UID)
        .findOne({ where: { documentId } })) as MergeRow | null;
    },

    /** The merge as its routes answer it: who, when, what; never the snapshot. */
    view(row: MergeRow) {
      const iso = (value: string | Date | null | undefined) =>
        value === null || value === undefined ? null : new Date(value).toISOString();
      return {
        documentId: row.documentId,
        object: row.object,
        survivor: row.survivor,
        merged: row.merged,
        fields: row.fields ?? {},
        moved: row.moved ?? {},
        actor: { type: row.actorType, id: row.actorId, name: row.actorName },
        mergedAt: iso(row.mergedAt)!,
        undoneAt: iso(row.undoneAt),
        undoneBy: row.undoneBy ?? null,
      };
    },

    /**
     * Ends a merge in its transaction: the merged documentIds lead to the survivor, the merge is
     * stored with its journal (the redirects' rows included) and audited. Its documentId back.
     */
    async record(
      entry: Omit<StoredMerge, 'documentId' | 'ops'> & {
        /** The merge's documentId, when it was chosen before (its history names it). */
        merge?: string;
        journal: RowJournal;
        knex: Knex;
        customer?: { documentId: string; customerNumber?: string | null };
        reason: (merge: string) => string;
      }
    ): Promise<string> {
      const merge = entry.merge ?? this.newMergeId();
      const { journal, knex, object, survivor, merged, actor } = entry;
      await this.writeRedirects(journal, knex, object, survivor, merged, merge);
      await this.storeMerge({
        documentId: merge,
        object,
        survivor,
        merged,
        fields: entry.fields,
        moved: entry.moved,
        actor,
        ops: journal.ops,
      });
      await this.audit({
        action: 'merge',
        actor,
        ...(entry.customer ? { customer: entry.customer } : {}),
        reason: entry.reason(merge),
      });
      return merge;
    },

    /** One row of the CRM audit log. */
    async audit(entry: {
      action: string;
      actor: Actor;
      reason: string;
      customer?: { documentId: string; customerNumber?: string | null };
    }): Promise<void> {
      await getService(strapi, 'ssn').audit({ ...entry, outcome: 'allowed' });
    },

    /** A record the request names that is not there: merged into another (409), or unknown (404). */
    async missing(
      object: MergeObject,
      documentIds: readonly string[],
      otherUid?: typeof CUSTOMER_UID | typeof CONTACT_UID
    ): Promise<never> {
      const name = RECORD_NAME[object];
      // One after the other: the transaction's one connection runs one query at a time.
      const redirects: {
        documentId: string;
        redirect: { survivor: string; merge: string } | null;
      }[] = [];
      for (const documentId of documentIds)
        redirects.push({ documentId, redirect: await this.redirectOf(object, documentId) });
      const merged = redirects.filter((entry) => entry.redirect);
      if (merged.length > 0) {
        throw new MergeConflict(
          'merge.merged',
          merged
            .map(
              ({ documentId, redirect }) =>
                `${name} ${documentId} was merged into ${redirect!.survivor} (merge ${redirect!.merge})`
            )
            .join('; '),
          {
            mergedInto: Object.fromEntries(
              merged.map(({ documentId, redirect }) => [documentId, redirect!.survivor])
            ),
          }
        );
      }
      if (otherUid) {
        const otherName = otherUid === CONTACT_UID ? 'contact' : 'customer';
        const others = (await strapi.db.query(otherUid).findMany({
          where: { documentId: { $in: documentIds } },
          select: ['documentId'],
        })) as { documentId: string }[];
        if (others.length > 0)
          throw new DomainValidationError({
            path: ['merged'],
            rule: 'merge.object',
            message: `${others.map((row) => row.documentId).join(', ')} ${others.length > 1 ? 'are' : 'is'} ${otherName === 'contact' ? 'a contact' : 'a customer'}, not ${name === 'contact' ? 'a contact' : 'a customer'}: a customer and a contact never merge (${otherName}s merge through POST /${otherName}s/merge)`,
          });
      }
      throw new errors.NotFoundError(
        `${documentIds.map((documentId) => `${name} ${documentId}`).join(', ')} not found`,
        { documentIds }
      );
    },
  };
};
