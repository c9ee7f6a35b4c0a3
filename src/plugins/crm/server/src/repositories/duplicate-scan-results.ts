import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export const DUPLICATE_PAIRS_TABLE = 'crm_duplicate_pairs';
export const DUPLICATE_CLUSTERS_TABLE = 'crm_duplicate_clusters';

const ROWS_PER_STATEMENT = 400;

export interface ScanPair {
  first: number;
  second: number;
  score: number;
  reasons: string[];
}

export interface StoredCluster {
  position: number;
  score: number;
  size: number;
  /** Record ids, and the pairs that tie them. */
  members: { ids: number[]; pairs: ScanPair[] };
}

const parse = <T>(value: unknown): T =>
  (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * What a duplicate scan finds: the pairs scoring at or above its threshold, written with each
 * batch's progress (a resumed scan keeps them), then the clusters made of them, in the order a
 * reader pages them (best first). Plain knex tables: a scan of a million records is no content.
 */
export const createDuplicateScanResults = (strapi: Core.Strapi) => {
  const pool = () => strapi.db.connection;

  return {
    async ensure(): Promise<void> {
      const knex = pool();
      if (!(await knex.schema.hasTable(DUPLICATE_PAIRS_TABLE)))
        await knex.schema.createTable(DUPLICATE_PAIRS_TABLE, (table) => {
          table.integer('scan_id').notNullable();
          table.integer('first_id').notNullable();
          table.integer('second_id').notNullable();
          table.float('score').notNullable();
          table.text('reasons').notNullable();
          table.unique(['scan_id', 'first_id', 'second_id'], {
            indexName: 'crm_duplicate_pairs_scan_uq',
          });
        });
      if (!(await knex.schema.hasTable(DUPLICATE_CLUSTERS_TABLE)))
        await knex.schema.createTable(DUPLICATE_CLUSTERS_TABLE, (table) => {
          table.integer('scan_id').notNullable();
          table.integer('position').notNullable();
          table.float('score').notNullable();
          table.integer('size').notNullable();
          table.text('members').notNullable();
          table.unique(['scan_id', 'position'], { indexName: 'crm_duplicate_clusters_scan_uq' });
        });
    },

    /** Adds pairs (in the batch's transaction); a pair already written by a resumed batch is kept once. */
    async addPairs(knex: Knex, scanId: number, pairs: readonly ScanPair[]): Promise<void> {
      const rows = pairs.map((pair) => ({
        scan_id: scanId,
        first_id: pair.first,
        second_id: pair.second,
        score: pair.score,
        reasons: JSON.stringify(pair.reasons),
      }));
      for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
        await knex(DUPLICATE_PAIRS_TABLE)
          .insert(rows.slice(i, i + ROWS_PER_STATEMENT))
          .onConflict(['scan_id', 'first_id', 'second_id'])
          .ignore();
    },

    async pairs(scanId: number): Promise<ScanPair[]> {
      const rows = await pool()(DUPLICATE_PAIRS_TABLE).where('scan_id', scanId);
      return rows.map((row: Record<string, unknown>) => ({
        first: Number(row.first_id),
        second: Number(row.second_id),
        score: Number(row.score),
        reasons: parse<string[]>(row.reasons),
      }));
    },

    /** Replaces the scan's clusters (ordered as given) in one transaction. */
    async setClusters(scanId: number, clusters: readonly Omit<StoredCluster, 'position'>[]) {
      await pool().transaction(async (trx) => {
        await trx(DUPLICATE_CLUSTERS_TABLE).where('scan_id', scanId).delete();
        const rows = clusters.map((cluster, position) => ({
          scan_id: scanId,
          position,
          score: cluster.score,
          size: cluster.size,
          members: JSON.stringify(cluster.members),
        }));
        for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT)
          await trx(DUPLICATE_CLUSTERS_TABLE).insert(rows.slice(i, i + ROWS_PER_STATEMENT));
      });
    },

    async clusters(scanId: number, offset: number, limit: number): Promise<StoredCluster[]> {
      const rows = await pool()(DUPLICATE_CLUSTERS_TABLE)
        .where('scan_id', scanId)
        .orderBy('position')
        .offset(offset)
        .limit(limit);
      return rows.map((row: Record<string, unknown>) => ({
        position: Number(row.position),
        score: Number(row.score),
        size: Number(row.size),
        members: parse<StoredCluster['members']>(row.members),
      }));
    },
  };
};
