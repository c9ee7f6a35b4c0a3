import type { Core } from '@strapi/strapi';

import { externalIdTaken } from '../domain';
import { createKeyLocks } from '../repositories/key-locks';
import { CONTACT_UID, CUSTOMER_UID } from '../utils/uids';

type ExternalIdUid = typeof CONTACT_UID | typeof CUSTOMER_UID;

const KIND = { [CONTACT_UID]: 'contact', [CUSTOMER_UID]: 'customer' } as const;

/**
 * The uniqueness of external ids per record type. Each check takes the id's lock first, inside the
 * writer's transaction, so two writers of one id run one after the other and the second sees the
 * first's record; the unique index on the column is the last guard.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const keyLocks = createKeyLocks(strapi);
  const lockKey = (uid: ExternalIdUid, externalId: string) => `${uid}#externalId#${externalId}`;

  return {
    /** Refuses an external id that another record of the type (not `ownId`) already has. */
    async assertFree(uid: ExternalIdUid, externalId: string | null, ownId?: number): Promise<void> {
      if (externalId === null) return;
      await keyLocks.lock([lockKey(uid, externalId)]);
      const holder = await strapi.db.query(uid).findOne({
        where: { externalId, ...(ownId === undefined ? {} : { id: { $ne: ownId } }) },
        select: ['documentId'],
      });
      if (holder) throw externalIdTaken(externalId, KIND[uid], holder.documentId);
    },

    /** Locks these ids and tells which records hold them (for bulk writes such as an import). */
    async lockAndFind(
      uid: ExternalIdUid,
      externalIds: readonly string[]
    ): Promise<Map<string, { id: number; documentId: string }>> {
      const ids = [...new Set(externalIds)];
      await keyLocks.lock(ids.map((id) => lockKey(uid, id)));
      const holders = new Map<string, { id: number; documentId: string }>();
      // Chunks keep each statement under SQLite's limit of bound parameters.
      for (let start = 0; start < ids.length; start += 500) {
        const found = await strapi.db.query(uid).findMany({
          where: { externalId: { $in: ids.slice(start, start + 500) } },
          select: ['id', 'documentId', 'externalId'],
        });
        for (const record of found as { id: number; documentId: string; externalId: string }[])
          holders.set(record.externalId, { id: record.id, documentId: record.documentId });
      }
      return holders;
    },
  };
};
