import type { Core } from '@strapi/strapi';

import { SEQUENCE_UID } from '../utils/uids';

/**
 * Counter rows (`crm_sequences`): incremented only, each increment holding the row's write lock
 * until the surrounding transaction ends. A row can also serve as a lock of its own.
 */
export const createSequenceRepository = (strapi: Core.Strapi) => {
  const table = () => strapi.db.metadata.get(SEQUENCE_UID).tableName;

  return {
    /** Makes sure the row exists; safe to run on every start and on several nodes at once. */
    async ensure(name: string): Promise<void> {
      const existing = await strapi.db.query(SEQUENCE_UID).findOne({ where: { name } });
      if (existing) return;
      try {
        await strapi.db.query(SEQUENCE_UID).create({ data: { name, value: 0 } });
      } catch (error) {
        // Another node created it first: the unique index on `name` refused our copy.
        const again = await strapi.db.query(SEQUENCE_UID).findOne({ where: { name } });
        if (!again) throw error;
      }
    },

    /** Adds `count` to the counter in the current transaction; returns its new value, or null when the row is missing. */
    async increment(name: string, count: number): Promise<number | null> {
      return strapi.db.transaction(async ({ trx }) => {
        const updated = await trx(table()).where({ name }).increment('value', count);
        if (!updated) return null;
        const row = await trx(table()).where({ name }).first('value');
        return Number(row.value);
      });
    },

    /**
     * Takes the row's lock until the current transaction ends; false when the row is missing.
     * SQLite needs none: its one connection runs one transaction at a time.
     */
    async lock(name: string): Promise<boolean> {
      if (strapi.db.dialect.client === 'sqlite') return true;
      return strapi.db.transaction(async ({ trx }) =>
        Boolean(await trx(table()).where({ name }).forUpdate().first('id'))
      );
    },
  };
};
