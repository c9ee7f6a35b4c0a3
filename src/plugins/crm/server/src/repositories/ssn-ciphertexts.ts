import type { Core } from '@strapi/strapi';

import { CUSTOMER_UID } from '../utils/uids';

export interface StoredCiphertext {
  id: number;
  ssn_encrypted: string;
}

/** The encrypted SSNs as stored, read and replaced in bulk (a key rotation touches every customer). */
export const createSsnCiphertexts = (strapi: Core.Strapi) => {
  const table = () => strapi.db.metadata.get(CUSTOMER_UID).tableName;

  return {
    /** Up to `limit` customers with an SSN and an id above `afterId`, in id order. */
    async after(afterId: number, limit: number): Promise<StoredCiphertext[]> {
      return strapi.db
        .connection(table())
        .select('id', 'ssn_encrypted')
        .whereNotNull('ssn_encrypted')
        .andWhere('id', '>', afterId)
        .orderBy('id')
        .limit(limit);
    },

    /** Up to `limit` customers whose SSN has no keyed hash yet. */
    async unhashed(limit: number): Promise<StoredCiphertext[]> {
      return strapi.db
        .connection(table())
        .select('id', 'ssn_encrypted')
        .whereNotNull('ssn_encrypted')
        .whereNull('ssn_hash')
        .orderBy('id')
        .limit(limit);
    },

    /**
     * Replaces each ciphertext and keyed hash by fresh ones in one transaction, unless the
     * customer's SSN was changed meanwhile (the row no longer holds the ciphertext that was read).
     */
    async replace(
      changes: { row: StoredCiphertext; fresh: string; hash: string }[]
    ): Promise<void> {
      await strapi.db.transaction(async ({ trx }) => {
        for (const { row, fresh, hash } of changes) {
          await trx(table())
            .where({ id: row.id, ssn_encrypted: row.ssn_encrypted })
            .update({ ssn_encrypted: fresh, ssn_hash: hash });
        }
      });
    },
  };
};
