import type { Core } from '@strapi/strapi';

import { externalIdTaken } from '../domain';
import { createKeyLocks, valueLockKey } from '../repositories/key-locks';
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

  return {
    /** Refuses an external id that another record of the type (not `ownId`) already has. */
    async assertFree(uid: ExternalIdUid, externalId: string | null, ownId?: number): Promise<void> {
      if (externalId === null) return;
      await keyLocks.lock([valueLockKey(uid, 'externalId', externalId)]);
      const holder = await strapi.db.query(uid).findOne({
        where: { externalId, ...(ownId === undefined ? {} : { id: { $ne: ownId } }) },
        select: ['documentId'],
      });
      if (holder) throw externalIdTaken(externalId, KIND[uid], holder.documentId);
    },
  };
};
