import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { CROWDED_KEY_HOLDERS, crowdedAbove, DECISIVE_KEY_KINDS } from '../domain/duplicates';
import { MATCH_KEYS_TABLE, MATCH_KEY_LENGTH, RECORD_MARKER, type MatchKind } from './match-keys';

export const SCAN_KEYS_TABLE = 'crm_duplicate_scan_keys';

/** Key index rows counted per statement while counting holders: a few milliseconds each. */
const ROWS_PER_PAGE = 20_000;
const ROWS_PER_INSERT = 400;

export interface CandidatePair {
  first: number;
  second: number;
}

const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The candidate pairs of a duplicate scan, found in the database from the match keys: two records
 * are candidates when the keys they share are worth comparing (a decisive key, or keys of two
 * kinds; see sharedKeysWorthComparing), crowded keys left out. Before its first batch a scan writes
 * its crowded keys into its own rows of SCAN_KEYS_TABLE, paging
 * through the key index in order, so that no statement runs long (SQLite's driver blocks the
 * event loop while one runs).
 */
export const createScanCandidates = (strapi: Core.Strapi) => {
  const pool = () => strapi.db.connection;

  /**
   * Runs a batch's statement; on PostgreSQL without JIT compilation, which costs more than the
   * statement itself (tens of milliseconds, thousands of times a scan).
   */
  const withoutJit = (sql: string, bindings: readonly unknown[]) =>
    strapi.db.dialect.client === 'sqlite'
      ? pool().raw(sql, bindings as Knex.RawBinding[])
      : pool().transaction(async (trx) => {
          await trx.raw('SET LOCAL jit = off');
          return trx.raw(sql, bindings as Knex.RawBinding[]);
        });

  return {
    async ensure(): Promise<void> {
      const knex = pool();
      if (!(await knex.schema.hasTable(SCAN_KEYS_TABLE)))
        await knex.schema.createTable(SCAN_KEYS_TABLE, (table) => {
          table.integer('scan_id').notNullable();
          table.string('match_key', MATCH_KEY_LENGTH).notNullable();
          table.integer('holders').notNullable();
          table.primary(['scan_id', 'match_key']);
        });
    },

    /** Counts the holders of the keys of a kind; keeps the crowded ones. */
    async countKeys(
      scanId: number,
      kind: MatchKind,
      { pageRows = ROWS_PER_PAGE }: { pageRows?: number } = {}
    ): Promise<number> {
      const knex = pool();
      await knex(SCAN_KEYS_TABLE).where('scan_id', scanId).delete();
      let kept = 0;
      // Every key but the record marker starts with a letter, above the marker.
      let after = RECORD_MARKER;
      // Walked in key order through the key index. SQLite without statistics (a rebuild drops and
      // builds the index again) would take the (kind, …) index and sort the whole kind per page.
      const keyOrdered = (): Knex.QueryBuilder =>
        strapi.db.dialect.client === 'sqlite'
          ? knex.from(knex.raw(`${MATCH_KEYS_TABLE} INDEXED BY crm_match_keys_key_idx`))
          : knex.from(MATCH_KEYS_TABLE);
      for (;;) {
        // The key `pageRows` rows from here bounds the page; every holder of a key is in
        // the page that holds it, and only crowded keys travel.
        const [upTo] = (await keyOrdered()
          .where('kind', kind)
          .andWhere('match_key', '>', after)
          .orderBy('match_key')
          .offset(pageRows - 1)
          .limit(1)
          .pluck('match_key')) as string[];
        const page = keyOrdered()
          .select('match_key')
          .count({ holders: '*' })
          .where('kind', kind)
          .andWhere('match_key', '>', after);
        if (upTo !== undefined) page.andWhere('match_key', '<=', upTo);
        const counted = (await page
          .groupBy('match_key')
          .havingRaw('COUNT(*) > ?', [CROWDED_KEY_HOLDERS])) as {
          match_key: string;
          holders: number | string;
        }[];
        const crowded = counted
          .map((row) => ({ key: String(row.match_key), holders: Number(row.holders) }))
          .filter(({ key, holders }) => holders > crowdedAbove(key))
          .map(({ key, holders }) => ({ scan_id: scanId, match_key: key, holders }));
        for (let i = 0; i < crowded.length; i += ROWS_PER_INSERT)
          await knex(SCAN_KEYS_TABLE).insert(crowded.slice(i, i + ROWS_PER_INSERT));
        kept += crowded.length;
        if (upTo === undefined) break;
        after = upTo;
        await nextTick();
      }
      // Planned on a table it believes empty, PostgreSQL would compare every key of a batch with
      // every crowded key instead of looking each up.
      if (strapi.db.dialect.client !== 'sqlite') await knex.raw(`ANALYZE ${SCAN_KEYS_TABLE}`);
      return kept;
    },

    /**
     * The candidate pairs whose lower id is in [fromId, toId], each once, with the higher id
     * second. The batch's own keys are read first (materialised), then joined to their holders
     * through the key index; keys of two kinds are told by their least and greatest kind differing
     * (cheaper than counting distinct kinds).
     */
    async pairs(
      scanId: number,
      kind: MatchKind,
      fromId: number,
      toId: number
    ): Promise<CandidatePair[]> {
      const decisive = DECISIVE_KEY_KINDS.map(() => 'a.match_key LIKE ?').join(' OR ');
      const kindOfKey =
        strapi.db.dialect.client === 'sqlite'
          ? "substr(a.match_key, 1, instr(a.match_key, ':') - 1)"
          : "split_part(a.match_key, ':', 1)";
      const result = await withoutJit(
        `WITH batch AS MATERIALIZED (
           SELECT a.record_id, a.match_key, ${kindOfKey} AS key_kind,
                  CASE WHEN ${decisive} THEN 1 ELSE 0 END AS decisive
           FROM ${MATCH_KEYS_TABLE} a
           WHERE a.kind = ? AND a.record_id >= ? AND a.record_id <= ? AND a.match_key <> ?
             AND NOT EXISTS (
               SELECT 1 FROM ${SCAN_KEYS_TABLE} c WHERE c.scan_id = ? AND c.match_key = a.match_key
             )
         )
         SELECT batch.record_id AS first_id, b.record_id AS second_id
         FROM batch
         JOIN ${MATCH_KEYS_TABLE} b
           ON b.match_key = batch.match_key AND b.kind = ? AND b.record_id > batch.record_id
         GROUP BY batch.record_id, b.record_id
         HAVING MAX(batch.decisive) = 1 OR MIN(batch.key_kind) <> MAX(batch.key_kind)
         ORDER BY batch.record_id, b.record_id`,
        [
          ...DECISIVE_KEY_KINDS.map((kindOfKey) => `${kindOfKey}:%`),
          kind,
          fromId,
          toId,
          RECORD_MARKER,
          scanId,
          kind,
        ]
      );
      return rowsOf<{ first_id: number | string; second_id: number | string }>(result).map(
        (row) => ({ first: Number(row.first_id), second: Number(row.second_id) })
      );
    },

    /** Drops a scan's key counts (when it ends). */
    forget: (scanId: number) => pool()(SCAN_KEYS_TABLE).where('scan_id', scanId).delete(),
  };
};
