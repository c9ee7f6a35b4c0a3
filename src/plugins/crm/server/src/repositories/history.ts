import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import type {
  HistoryAction,
  HistoryActor,
  HistoryActorRef,
  HistoryChange,
  HistoryEntry,
} from '../../../contracts';
import {
  changedFieldsText,
  historyChangesOf,
  storedHistoryChanges,
  type StoredHistoryChanges,
} from '../domain';
import { HISTORY_ENTRY_UID } from '../utils/uids';
import { withKnex } from '../utils/with-knex';
import { createBulkInsert } from './bulk-insert';

/** An entry about to be written; `subject` is the customer or contact whose history shows it. */
export interface NewHistoryEntry {
  at?: Date;
  action: HistoryAction;
  record: { uid: string; documentId: string; label: string | null };
  subjectDocumentId: string | null;
  /** The second customer of a connection or relationship. */
  otherSubjectDocumentId?: string | null;
  actor: HistoryActor & { documentId?: string | null };
  /** Where the values came from (see `HistoryEntry.origin`). */
  origin?: string | null;
  changes: HistoryChange[];
}

export interface HistoryFilters {
  subjectDocumentId: string;
  field?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

interface EntryRow {
  id: number;
  document_id: string;
  at: Date | string | number;
  action: HistoryAction;
  record_uid: string;
  record_document_id: string;
  record_label: string | null;
  actor_type: HistoryActor['type'];
  actor_id: string | null;
  actor_name: string | null;
  on_behalf_of: string | HistoryActorRef | null;
  origin?: string | null;
  changes: string | StoredHistoryChanges;
}

const TABLE = 'crm_history_entries';
/** Text columns hold 255 characters on PostgreSQL. */
const fit = (value: string | null | undefined) =>
  value == null ? null : value.length > 255 ? `${value.slice(0, 254)}…` : value;
const parsed = <T>(value: string | T): T =>
  typeof value === 'string' ? (JSON.parse(value) as T) : value;

/** Strapi stores datetimes as epoch milliseconds on SQLite and as timestamps on PostgreSQL. */
const isoOf = (value: Date | string | number) => new Date(value).toISOString();

const toEntry = (row: EntryRow): HistoryEntry => {
  const onBehalfOf = row.on_behalf_of ? parsed<HistoryActorRef>(row.on_behalf_of) : null;
  return {
    documentId: row.document_id,
    at: isoOf(row.at),
    action: row.action,
    record: { uid: row.record_uid, documentId: row.record_document_id, label: row.record_label },
    actor: {
      type: row.actor_type,
      id: row.actor_id,
      name: row.actor_name,
      ...(onBehalfOf ? { onBehalfOf } : {}),
    },
    ...(row.origin ? { origin: row.origin } : {}),
    changes: historyChangesOf(parsed<StoredHistoryChanges>(row.changes)),
  };
};

/**
 * The change history's table: entries are written in bulk on the caller's transaction (one
 * statement for a batch of any size), and read newest first by the customer or contact they
 * belong to.
 */
export const createHistoryRepository = (strapi: Core.Strapi) => {
  const bulk = createBulkInsert(strapi);

  const rowOf = (entry: NewHistoryEntry, now: Date) => ({
    at: entry.at ?? now,
    action: entry.action,
    recordUid: entry.record.uid,
    recordDocumentId: entry.record.documentId,
    recordLabel: fit(entry.record.label),
    subjectDocumentId: entry.subjectDocumentId,
    otherSubjectDocumentId: entry.otherSubjectDocumentId ?? null,
    actorType: entry.actor.type,
    actorId: entry.actor.id,
    actorDocumentId: entry.actor.documentId ?? null,
    actorName: fit(entry.actor.name),
    onBehalfOf: entry.actor.onBehalfOf ?? null,
    origin: fit(entry.origin ?? null),
    changedFields: changedFieldsText(entry.changes),
    changes: storedHistoryChanges(entry.changes),
  });

  const filtered = (knex: Knex, filters: HistoryFilters) => {
    const query = knex(TABLE).where((where) =>
      where
        .where('subject_document_id', filters.subjectDocumentId)
        .orWhere('other_subject_document_id', filters.subjectDocumentId)
    );
    if (filters.field) query.where('changed_fields', 'like', `%,${filters.field},%`);
    if (filters.actor)
      query.where((where) =>
        where.where('actor_id', filters.actor!).orWhere('actor_document_id', filters.actor!)
      );
    // Stored as the dialect stores datetimes, so the bounds are compared the same way.
    const stored = (date: Date) => (strapi.db.dialect.client === 'sqlite' ? date.getTime() : date);
    if (filters.from) query.where('at', '>=', stored(filters.from));
    if (filters.to) query.where('at', '<=', stored(filters.to));
    return query;
  };

  return {
    /** Writes entries on `knex` (the write's own transaction); entries without changes are skipped. */
    async insert(knex: Knex, entries: readonly NewHistoryEntry[]): Promise<void> {
      const now = new Date();
      const rows = entries.filter((entry) => entry.changes.length > 0).map((e) => rowOf(e, now));
      if (rows.length) await bulk.records(knex, HISTORY_ENTRY_UID, rows);
    },

    /** Entries on the current transaction (or the pool outside one). */
    async record(entries: readonly NewHistoryEntry[]): Promise<void> {
      if (entries.some((entry) => entry.changes.length > 0))
        await withKnex(strapi, (knex) => this.insert(knex, entries));
    },

    /** One page of a customer's or contact's history, newest first, with the total. */
    async list(
      filters: HistoryFilters,
      paging: { page: number; pageSize: number }
    ): Promise<{ entries: HistoryEntry[]; total: number }> {
      return withKnex(strapi, async (knex) => {
        const [{ total }] = (await filtered(knex, filters).count({ total: '*' })) as {
          total: number | string;
        }[];
        const rows = (await filtered(knex, filters)
          .select('*')
          .orderBy('id', 'desc')
          .limit(paging.pageSize)
          .offset((paging.page - 1) * paging.pageSize)) as EntryRow[];
        return { entries: rows.map(toEntry), total: Number(total) };
      });
    },

    async findOne(documentId: string): Promise<(HistoryEntry & { id: number }) | null> {
      return withKnex(strapi, async (knex) => {
        const row = (await knex(TABLE).where('document_id', documentId).first()) as
          EntryRow | undefined;
        return row ? { ...toEntry(row), id: row.id } : null;
      });
    },

    /** The newest entry that changed `field` of a record, to tell whether a revert still applies. */
    async latestChangeOf(recordDocumentId: string, field: string): Promise<HistoryEntry | null> {
      return withKnex(strapi, async (knex) => {
        const row = (await knex(TABLE)
          .where('record_document_id', recordDocumentId)
          .where('changed_fields', 'like', `%,${field},%`)
          .orderBy('id', 'desc')
          .first()) as EntryRow | undefined;
        return row ? toEntry(row) : null;
      });
    },
  };
};

export type HistoryRepository = ReturnType<typeof createHistoryRepository>;
