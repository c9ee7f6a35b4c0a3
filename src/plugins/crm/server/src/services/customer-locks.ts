import type { Core } from '@strapi/strapi';

import { CUSTOMER_UID } from '../utils/uids';

/**
 * Row locks on customers: every write that checks a rule about a customer's contact points takes
 * its customer's lock first, inside the same transaction as the write, so concurrent writers of
 * one customer run one after another. SQLite needs nothing: its single connection already
 * serialises transactions.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async lock(customerIds: readonly number[]): Promise<void> {
    return this.lockRows(CUSTOMER_UID, customerIds);
  },

  /** The same row locks on another CRM table (e.g. a contact being converted). */
  async lockRows(uid: string, rowIds: readonly number[]): Promise<void> {
    if (!strapi.db.inTransaction()) {
      throw new Error('customer locks are only meaningful inside a transaction');
    }
    const ids = [...new Set(rowIds)].sort((a, b) => a - b);
    if (ids.length === 0 || strapi.db.dialect.client === 'sqlite') return;
    // A fixed order (ascending id) keeps two writers of the same two customers from deadlocking.
    await strapi.db
      .queryBuilder(uid as typeof CUSTOMER_UID)
      .select(['id'])
      .where({ id: { $in: ids } })
      .orderBy({ id: 'asc' })
      .forUpdate()
      .execute();
  },
});
