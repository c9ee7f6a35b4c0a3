import type { Core } from '@strapi/strapi';

import { formatCustomerNumber } from '../domain';
import { SEQUENCE_UID } from '../utils/uids';

const CUSTOMER_SEQUENCE = 'customer';

/**
 * Customer numbers come from a counter row that is only ever incremented, so a number is never
 * handed out twice, even after its customer is deleted. The increment takes the row's write lock
 * until the surrounding transaction ends, which serialises concurrent creates on PostgreSQL; a
 * rolled-back create gives its number back because nobody else could have seen it.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.metadata.get(SEQUENCE_UID).tableName;

  return {
    /**
     * Makes sure a counter row exists (the customer numbers, or a row used only as a lock); safe to
     * run on every start and on several nodes at once.
     */
    async ensureSequence(name: string = CUSTOMER_SEQUENCE): Promise<void> {
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

    /** Reserves `count` consecutive numbers inside the current transaction and returns them. */
    async reserve(count = 1): Promise<string[]> {
      return strapi.db.transaction(async ({ trx }) => {
        const updated = await trx(table()).where({ name: CUSTOMER_SEQUENCE }).increment('value', count);
        if (!updated) throw new Error('the customer number sequence is missing; restart Strapi to create it');
        const row = await trx(table()).where({ name: CUSTOMER_SEQUENCE }).first('value');
        const last = Number(row.value);
        return Array.from({ length: count }, (_, i) => formatCustomerNumber(last - count + 1 + i));
      });
    },

    async next(): Promise<string> {
      const [number] = await this.reserve(1);
      return number;
    },
  };
};
