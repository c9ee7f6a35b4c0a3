import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { BLOCKING_KEYS_VERSION, crowdedAbove } from '../domain/duplicates';
import { CONTACT_UID, CUSTOMER_UID } from '../utils/uids';
import { withKnex } from '../utils/with-knex';
import { createBulkInsert, type TypedColumn } from './bulk-insert';
import { tableIndexes, type TableIndex } from './table-indexes';

export const MATCH_KEYS_TABLE = 'crm_match_keys';

/** Which records a key belongs to: customers and contacts are matched apart. */
export type MatchKind = 'customer' | 'contact';

/** Every record has this key, so the table tells which records are indexed. */
export const RECORD_MARKER = '#';
/** Held by record 0 of a kind: the version of the keys stored (see BLOCKING_KEYS_VERSION). */
const VERSION_KEY = `v:${BLOCKING_KEYS_VERSION}`;

const IDS_PER_STATEMENT = 500;
const COLUMNS: TypedColumn[] = [
  ['kind', 'text'],
  ['record_id', 'int'],
  ['match_key', 'text'],
];
const ROWS_PER_STATEMENT = 400;
/**
 * Candidates by key; and, covering, each record's keys (a scan reads a batch's keys by record
 * without visiting the table).
 */
const INDEXES: readonly TableIndex[] = [
  ['crm_match_keys_key_idx', '(match_key, kind, record_id)'],
  ['crm_match_keys_record_key_idx', '(kind, record_id, match_key)'],
];
export const MATCH_KEY_LENGTH = 120;

/**
 * The blocking keys of every customer and contact (e-mails, phones, ids, name codes…): the
 * duplicate matcher's candidates are the records sharing a key with the one checked, read through
 * the (key, kind) index instead of a scan. Plain knex, as the search index.
 */
export const createMatchKeys = (strapi: Core.Strapi) => {
  const pool = () => strapi.db.connection;
  const bulk = createBulkInsert(strapi);
  const tableOf = (kind: MatchKind) =>
    strapi.db.metadata.get(kind === 'customer' ? CUSTOMER_UID : CONTACT_UID).tableName;

  const deleteRows = async (knex: Knex, kind: MatchKind, ids: readonly number[]) => {
    for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT)
      await knex(MATCH_KEYS_TABLE)
        .where('kind', kind)
        .whereIn('record_id', ids.slice(i, i + IDS_PER_STATEMENT))
        .delete();
  };

  const indexes = tableIndexes(pool, MATCH_KEYS_TABLE, INDEXES);
  const createIndexes = indexes.create;

  return {
    async ensure(): Promise<void> {
      const knex = pool();
      if (!(await knex.schema.hasTable(MATCH_KEYS_TABLE)))
        await knex.schema.createTable(MATCH_KEYS_TABLE, (table) => {
          table.string('kind', 8).notNullable();
          table.integer('record_id').notNullable();
          table.string('match_key', MATCH_KEY_LENGTH).notNullable();
        });
      await createIndexes();
      await knex.raw('DROP INDEX IF EXISTS crm_match_keys_record_idx');
    },

    /**
     * Runs a bulk rewrite of the table with its indexes dropped, then builds them again, each in
     * one sorted pass: far quicker than keeping them up to date row by row (a rebuild of a million
     * records). Lookups meanwhile read the table whole, so only start-up does this. A crash
     * leaves them to the next start's `ensure`.
     */
    withoutIndexes<T>(work: () => Promise<T>): Promise<T> {
      return indexes.without(work);
    },

    /** Replaces the keys of these records (a record without keys in `keys` loses its own). */
    async replace(
      knex: Knex,
      kind: MatchKind,
      ids: readonly number[],
      keys: ReadonlyMap<number, readonly string[]>
    ): Promise<void> {
      await deleteRows(knex, kind, ids);
      await this.add(knex, kind, keys);
    },

    /** Writes the keys of records that have none yet (a rebuild after `clear`). */
    async add(
      knex: Knex,
      kind: MatchKind,
      keys: ReadonlyMap<number, readonly string[]>
    ): Promise<void> {
      const rows = [...keys].flatMap(([id, list]) =>
        [RECORD_MARKER, ...new Set(list)].map((key) => [kind, id, key.slice(0, MATCH_KEY_LENGTH)])
      );
      // In a transaction (an import's batch, a rebuild) by the bulk path: a prepared statement
      // per row on SQLite, one statement per batch on PostgreSQL.
      if (knex.isTransaction) {
        await bulk.rows(knex, MATCH_KEYS_TABLE, COLUMNS, rows);
        return;
      }
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
        await knex(MATCH_KEYS_TABLE).insert(
          rows
            .slice(i, i + ROWS_PER_STATEMENT)
            .map(([rowKind, id, key]) => ({ kind: rowKind, record_id: id, match_key: key }))
        );
    },

    /**
     * Refreshes PostgreSQL's statistics of the table after it changed wholesale (a rebuild, before
     * a scan): planned on a table it believes empty, the key lookups would read it whole. A
     * sample, quick at any size (vacuuming is autovacuum's, in the background). SQLite plans by
     * its indexes alone.
     */
    async analyze(): Promise<void> {
      if (strapi.db.dialect.client !== 'sqlite') await pool().raw(`ANALYZE ${MATCH_KEYS_TABLE}`);
    },

    remove: (kind: MatchKind, ids: readonly number[]) =>
      withKnex(strapi, (knex) => deleteRows(knex, kind, ids)),

    /**
     * The records sharing a key with `keys`, with the keys they share; a crowded key (held by
     * more records than `crowdedAbove` says) is left out, as a scan leaves it out.
     */
    async candidates(kind: MatchKind, keys: readonly string[]): Promise<Map<number, string[]>> {
      const shared = new Map<number, string[]>();
      await withKnex(strapi, async (knex) => {
        for (const key of keys) {
          const ids = await knex(MATCH_KEYS_TABLE)
            .where({ match_key: key.slice(0, MATCH_KEY_LENGTH), kind })
            .limit(crowdedAbove(key) + 1)
            .pluck('record_id');
          if (ids.length > crowdedAbove(key)) continue;
          for (const id of ids.map(Number)) shared.set(id, [...(shared.get(id) ?? []), key]);
        }
      });
      return shared;
    },

    /**
     * Whether the records of a kind and their indexed ones are the same (count and highest id),
     * with keys of the current version.
     */
    async inStep(kind: MatchKind): Promise<boolean> {
      const [records, indexed, version] = await Promise.all([
        pool()(tableOf(kind)).count({ n: '*' }).max({ top: 'id' }).first(),
        pool()(MATCH_KEYS_TABLE)
          .where({ match_key: RECORD_MARKER, kind })
          .count({ n: '*' })
          .max({ top: 'record_id' })
          .first(),
        pool()(MATCH_KEYS_TABLE).where({ kind, record_id: 0, match_key: VERSION_KEY }).first(),
      ]);
      return (
        version !== undefined &&
        Number(records?.n ?? 0) === Number(indexed?.n ?? 0) &&
        Number(records?.top ?? 0) === Number(indexed?.top ?? 0)
      );
    },

    /** Records that the keys of a kind are all of the current version (after a rebuild). */
    async markVersion(kind: MatchKind): Promise<void> {
      await pool()(MATCH_KEYS_TABLE).where({ kind, record_id: 0 }).delete();
      await pool()(MATCH_KEYS_TABLE).insert({ kind, record_id: 0, match_key: VERSION_KEY });
    },

    clear: (kind: MatchKind) => pool()(MATCH_KEYS_TABLE).where('kind', kind).delete(),

    /** How many records of a kind there are. */
    async count(kind: MatchKind): Promise<number> {
      return Number((await pool()(tableOf(kind)).count({ n: '*' }).first())?.n ?? 0);
    },

    /** Up to `limit` record ids above `after`, in order. */
    async idsAfter(kind: MatchKind, after: number, limit: number): Promise<number[]> {
      return (
        await pool()(tableOf(kind)).where('id', '>', after).orderBy('id').limit(limit).pluck('id')
      ).map(Number);
    },

    inOwnTransaction: <T>(work: (knex: Knex) => Promise<T>) => pool().transaction(work),
  };
};
