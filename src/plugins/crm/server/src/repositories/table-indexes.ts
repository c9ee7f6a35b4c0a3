import type { Knex } from 'knex';

/** An index of a plain table: its name and its column list, e.g. `(kind, record_id)`. */
export type TableIndex = readonly [name: string, columns: string];

/**
 * The indexes of a table the plugin keeps with plain knex (key tables): created when missing, or
 * dropped for a bulk rewrite and built again after it in one sorted pass each, far quicker than
 * keeping them up to date row by row.
 */
export const tableIndexes = (knex: () => Knex, table: string, indexes: readonly TableIndex[]) => {
  const create = async () => {
    for (const [name, columns] of indexes)
      await knex().raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${table} ${columns}`);
  };
  return {
    create,
    async without<T>(work: () => Promise<T>): Promise<T> {
      for (const [name] of indexes) await knex().raw(`DROP INDEX IF EXISTS ${name}`);
      try {
        return await work();
      } finally {
        await create();
      }
    },
  };
};
