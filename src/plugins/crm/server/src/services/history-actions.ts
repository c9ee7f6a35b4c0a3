import type { Core, UID } from '@strapi/strapi';

import type { HistoryEntry } from '../../../contracts';
import { planRevert, revertFieldShapes, type RevertAttribute } from '../domain/history/revert';
import { conflict, notFound } from '../utils/errors';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import { CONTACT_UID, CUSTOMER_UID } from '../utils/uids';
import { withKnex } from '../utils/with-knex';
import type { HistoryListQuery } from '../validation/history';
import { HISTORY_KIND_OF_UID } from './history';

const TABLE = 'crm_history_entries';

export interface HistoryPage {
  entries: HistoryEntry[];
  pagination: { page: number; pageSize: number; pageCount: number; total: number };
}

export interface RevertOutcome {
  /** The entry the revert wrote; null when it changed nothing the history records. */
  entry: HistoryEntry | null;
  record: { uid: string; documentId: string };
}

/**
 * Reading a customer's or contact's history, and reverting one entry through the document
 * service, so the rules, locks and the history itself apply to the revert as to any write.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const history = () => getService(strapi, 'history');

  const rowIdOf = async (uid: string, documentId: string): Promise<number | null> => {
    const row = (await strapi.db
      .query(uid as UID.ContentType)
      .findOne({ where: { documentId }, select: ['id'] })) as { id: number } | null;
    return row?.id ?? null;
  };

  /**
   * Row locks taken before the record is compared with the entry, in the order the gates take
   * them (the customers first), so a concurrent write cannot change it between check and write.
   */
  const lockFor = async (uid: string, rowId: number | null, subjects: (string | null)[]) => {
    const locks = getService(strapi, 'customer-locks');
    const customerIds: number[] = [];
    for (const documentId of subjects) {
      if (!documentId) continue;
      const id = await rowIdOf(CUSTOMER_UID, documentId);
      if (id) customerIds.push(id);
    }
    await locks.lock(customerIds);
    if (rowId && uid !== CUSTOMER_UID) await locks.lockRows(uid, [rowId]);
  };

  /** The newest entry about a record written after entry `afterId`, on the current transaction. */
  const entryWrittenFor = async (
    recordDocumentId: string,
    afterId: number
  ): Promise<HistoryEntry | null> => {
    const row = await withKnex(
      strapi,
      (knex) =>
        knex(TABLE)
          .select('document_id')
          .where('record_document_id', recordDocumentId)
          .where('id', '>', afterId)
          .orderBy('id', 'desc')
          .first() as Promise<{ document_id: string } | undefined>
    );
    if (!row) return null;
    const found = await history().repository.findOne(row.document_id);
    if (!found) return null;
    const { id: _id, ...entry } = found;
    return entry;
  };

  return {
    /** One page of the history of a customer (its contact points and links included) or a contact. */
    async list(
      subject: 'customer' | 'contact',
      documentId: string,
      query: HistoryListQuery
    ): Promise<HistoryPage> {
      const uid = subject === 'customer' ? CUSTOMER_UID : CONTACT_UID;
      if (!(await rowIdOf(uid, documentId))) throw notFound(subject);
      const { page, pageSize, field, actor, from, to } = query;
      const { entries, total } = await history().repository.list(
        { subjectDocumentId: documentId, field, actor, from, to },
        { page, pageSize }
      );
      return {
        entries,
        pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total },
      };
    },

    /**
     * Applies an entry's "before" values (see `planRevert`) in one transaction: an update is
     * written back, a create deleted, a deleted contact point or link created again.
     */
    async revert(entryDocumentId: string): Promise<RevertOutcome> {
      const entry = await history().repository.findOne(entryDocumentId);
      if (!entry) throw notFound('history entry');
      const uid = entry.record.uid;
      const kind = HISTORY_KIND_OF_UID[uid];
      if (!kind) throw new errors.ValidationError(`${uid} records cannot be reverted`);
      const attributes = strapi.getModel(uid as UID.ContentType).attributes as unknown as Record<
        string,
        RevertAttribute
      >;
      const subjects = await withKnex(
        strapi,
        (knex) =>
          knex(TABLE)
            .select('subject_document_id', 'other_subject_document_id')
            .where('id', entry.id)
            .first() as Promise<{
            subject_document_id: string | null;
            other_subject_document_id: string | null;
          }>
      );

      return strapi.db.transaction(async () => {
        const documents = strapi.documents(uid as UID.ContentType);
        let rowId = await rowIdOf(uid, entry.record.documentId);
        await lockFor(uid, rowId, [
          subjects.subject_document_id,
          subjects.other_subject_document_id,
        ]);
        rowId = await rowIdOf(uid, entry.record.documentId);
        const current = rowId
          ? ((await history().states.load(kind, uid, [rowId])).get(rowId)?.snapshot ?? null)
          : null;
        const plan = planRevert(entry, kind, current, revertFieldShapes(attributes));
        if (!plan.ok) {
          if (plan.status === 409)
            throw conflict(plan.message, { entry: entry.documentId, fields: plan.fields });
          throw new errors.ValidationError(plan.message, {
            errors: plan.fields.map((field) => ({
              path: [field],
              message: plan.message,
              name: 'ValidationError',
            })),
          });
        }
        let documentId = entry.record.documentId;
        switch (plan.operation) {
          case 'update':
            await documents.update({ documentId, data: plan.data as never });
            break;
          case 'delete':
            await documents.delete({ documentId });
            break;
          case 'create':
            documentId = (await documents.create({ data: plan.data as never })).documentId;
            break;
        }
        return { entry: await entryWrittenFor(documentId, entry.id), record: { uid, documentId } };
      });
    },
  };
};
