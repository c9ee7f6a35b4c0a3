import type { Core } from '@strapi/strapi';

import { CONTACT_POINT_KINDS } from '../domain';
import { getService } from '../utils/get-service';
import {
  ACTIVITY_UID,
  CONNECTION_UID,
  CONTACT_POINT_UIDS,
  CONTACT_UID,
  CUSTOMER_UID,
  RELATIONSHIP_UID,
} from '../utils/uids';

// SQLite accepts at most 32766 bound values per statement; stay far below it.
const CHUNK = 500;
const chunks = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK)
  );

/**
 * What deleting customers and contacts means, in one place for a REST or content-manager delete
 * (one record, through the document service) and for an import's undo (many at once): a customer
 * goes with its contact points, connections and relationships, its search row, and the businesses
 * it was the primary contact of promote another; a contact goes with its activity feed. Link-table
 * rows go with the rows by their foreign keys. Runs inside the caller's transaction.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const network = () => getService(strapi, 'network-repository');

  const deleteRows = async (uid: string, ids: readonly number[]) => {
    for (const chunk of chunks([...new Set(ids)]))
      await strapi.db.query(uid).deleteMany({ where: { id: { $in: chunk } } });
  };

  return {
    /**
     * Everything that hangs on the customers, removed before the customers themselves; returns the
     * customers they were connected to, whose primary contact may have to change afterwards.
     */
    async detachCustomers(customerIds: readonly number[]): Promise<number[]> {
      if (customerIds.length === 0) return [];
      const removing = new Set(customerIds);
      const connections = await network().connectionsOf(customerIds);
      const others = [
        ...new Set(
          connections
            .flatMap((row) => [row.customerId, row.connectedId])
            .filter((id) => !removing.has(id))
        ),
      ];
      await getService(strapi, 'customer-locks').lock([...customerIds, ...others]);
      for (const kind of CONTACT_POINT_KINDS) {
        await deleteRows(
          CONTACT_POINT_UIDS[kind],
          await network().ownersLinkedTo(CONTACT_POINT_UIDS[kind], 'customer', customerIds)
        );
      }
      await deleteRows(
        CONNECTION_UID,
        connections.map((row) => row.id)
      );
      await deleteRows(
        RELATIONSHIP_UID,
        (await network().relationshipsOf(customerIds)).map((row) => row.id)
      );
      await getService(strapi, 'display-names').detachCompanies(customerIds);
      return others;
    },

    /** After the customers' rows are gone: their search rows, and their connections' primary contacts. */
    async afterCustomersDeleted(
      customerIds: readonly number[],
      others: readonly number[]
    ): Promise<void> {
      await getService(strapi, 'search-index').remove(customerIds);
      for (const other of others)
        await getService(strapi, 'connection-gate').settlePrimaryContact(other);
    },

    /** Removes customers and what hangs on them (an undo; a single delete goes through the gate). */
    async removeCustomers(customerIds: readonly number[]): Promise<void> {
      const others = await this.detachCustomers(customerIds);
      await deleteRows(CUSTOMER_UID, customerIds);
      await this.afterCustomersDeleted(customerIds, others);
    },

    /** A contact's activity feed goes with it. */
    async detachContacts(contactIds: readonly number[]): Promise<void> {
      if (contactIds.length === 0) return;
      await getService(strapi, 'duplicates').remove('contact', contactIds);
      await deleteRows(
        ACTIVITY_UID,
        await network().ownersLinkedTo(ACTIVITY_UID, 'contact', contactIds)
      );
    },

    async removeContacts(contactIds: readonly number[]): Promise<void> {
      await this.detachContacts(contactIds);
      await deleteRows(CONTACT_UID, contactIds);
    },
  };
};
