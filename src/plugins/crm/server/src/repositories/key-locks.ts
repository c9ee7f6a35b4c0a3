import type { Core } from '@strapi/strapi';

/**
 * Locks on values rather than rows: "no other contact has this external id" depends on a row that
 * does not exist yet, so there is no row to lock. On PostgreSQL each key takes a transaction-level
 * advisory lock (by a 64-bit hash of the key; a collision only makes two writers wait for each
 * other), held until the surrounding transaction ends. SQLite needs none: its one connection runs
 * one transaction at a time.
 */
/**
 * The lock key of a value of a record type's field: every writer that depends on who holds the
 * value (a REST write checking uniqueness, an import matching rows) names it the same way.
 */
export const valueLockKey = (uid: string, field: string, value: string): string =>
  `${uid}#${field}#${value}`;

export const createKeyLocks = (strapi: Core.Strapi) => ({
  async lock(keys: readonly string[]): Promise<void> {
    if (!strapi.db.inTransaction())
      throw new Error('key locks are only meaningful inside a transaction');
    if (keys.length === 0 || strapi.db.dialect.client === 'sqlite') return;
    // One order for every writer, so that two writers of the same keys cannot deadlock.
    const sorted = [...new Set(keys)].sort();
    await strapi.db.transaction(({ trx }) =>
      trx.raw(
        'SELECT pg_advisory_xact_lock(hashtextextended(key, 0)) FROM unnest(?::text[]) AS key',
        [sorted]
      )
    );
  },
});
