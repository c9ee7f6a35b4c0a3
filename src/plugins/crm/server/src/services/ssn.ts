import type { Core } from '@strapi/strapi';

import type { CrmPluginConfig } from '../config';
import { formatSsn, isMaskedSsn, maskSsn, normalizeSsn, revealExpiry } from '../domain';
import { createSsnCiphertexts } from '../repositories/ssn-ciphertexts';
import { createFieldCipher, type FieldCipher } from '../security/field-cipher';
import type { Actor } from '../utils/actor';
import { getService } from '../utils/get-service';
import { errors } from '../utils/strapi-utils';
import { AUDIT_LOG_UID, CUSTOMER_UID } from '../utils/uids';

export type { Actor };

const ROTATION_BATCH = 500;

/** The audit log's text columns hold 255 characters (PostgreSQL varchar). */
const AUDIT_TEXT_LENGTH = 255;
/** The id a reveal was asked for is recorded as sent, cut to fit when a client sends a longer one. */
const fitAuditText = (value: string | null | undefined) =>
  value === null || value === undefined
    ? null
    : value.length > AUDIT_TEXT_LENGTH
      ? `${value.slice(0, AUDIT_TEXT_LENGTH - 1)}…`
      : value;

/**
 * The SSN is kept as a ciphertext (private, never in an API response) next to its mask, which is
 * what the `ssn` attribute holds. Every read path — REST, populate, the content manager, search —
 * therefore shows `***-**-1234` without having to remember to mask; only `reveal` decrypts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cached: { keys: string; cipher: FieldCipher } | undefined;
  const cipher = (): FieldCipher => {
    const keys = (strapi.config.get('plugin::crm') as CrmPluginConfig).encryptionKeys;
    const id = keys.join(',');
    if (cached?.keys !== id) cached = { keys: id, cipher: createFieldCipher(keys) };
    return cached.cipher;
  };

  const ciphertexts = createSsnCiphertexts(strapi);

  return {
    cipher,

    /**
     * Turns a written `ssn` into its mask and ciphertext, in place. The mask the client last read
     * counts as "unchanged" (a form sends back what it showed); null or '' removes the number.
     */
    protectInput(data: Record<string, unknown>, current?: { ssn?: unknown } | null): void {
      delete data.ssnEncrypted;
      delete data.ssnHash;
      if (!('ssn' in data)) return;
      const value = data.ssn;
      if (value === undefined) return;
      if (value === null || value === '') {
        data.ssn = null;
        data.ssnEncrypted = null;
        data.ssnHash = null;
        return;
      }
      if (isMaskedSsn(value) && current && value === current.ssn) {
        delete data.ssn;
        return;
      }
      const digits = normalizeSsn(value);
      data.ssn = maskSsn(digits);
      data.ssnEncrypted = cipher().encrypt(digits);
      data.ssnHash = cipher().hash(digits);
    },

    /** Writes one audit row; the number itself is never part of it. */
    async audit(entry: {
      action: string;
      outcome: 'allowed' | 'refused';
      reason?: string;
      customer?: { documentId: string; customerNumber?: string | null };
      actor: Actor;
    }) {
      await strapi.db.query(AUDIT_LOG_UID).create({
        data: {
          action: entry.action,
          outcome: entry.outcome,
          reason: fitAuditText(entry.reason),
          customerDocumentId: fitAuditText(entry.customer?.documentId),
          customerNumber: entry.customer?.customerNumber ?? null,
          actorType: entry.actor.type,
          actorId: fitAuditText(entry.actor.id),
          actorName: fitAuditText(entry.actor.name),
        },
      });
    },

    /** Reveals a customer's SSN to an actor the caller has judged; audits the attempt either way. */
    async reveal(customerDocumentId: string, actor: Actor, allowed: boolean) {
      const customer = await strapi.db.query(CUSTOMER_UID).findOne({
        where: { documentId: customerDocumentId },
        select: ['id', 'documentId', 'customerNumber', 'ssnEncrypted'],
      });
      const target = {
        documentId: customerDocumentId,
        customerNumber: customer?.customerNumber ?? null,
      };
      if (!allowed) {
        await this.audit({
          action: 'ssn.reveal',
          outcome: 'refused',
          reason: 'not permitted',
          customer: target,
          actor,
        });
        throw new errors.ForbiddenError(
          'revealing a social security number needs the SSN reveal permission'
        );
      }
      if (!customer) {
        await this.audit({
          action: 'ssn.reveal',
          outcome: 'refused',
          reason: 'customer not found',
          customer: target,
          actor,
        });
        throw new errors.NotFoundError('customer not found');
      }
      await this.audit({ action: 'ssn.reveal', outcome: 'allowed', customer: target, actor });
      const expiresAt = revealExpiry(
        new Date(),
        getService(strapi, 'settings').get().ssnRevealSeconds
      ).toISOString();
      const ssn = customer.ssnEncrypted ? formatSsn(cipher().decrypt(customer.ssnEncrypted)) : null;
      return { documentId: customer.documentId, ssn, expiresAt };
    },

    /** Gives the SSNs stored without their keyed hash (before hashes were kept) theirs. */
    async hashUnhashed(): Promise<number> {
      const current = cipher();
      let hashed = 0;
      for (;;) {
        const rows = await ciphertexts.unhashed(ROTATION_BATCH);
        if (rows.length === 0) return hashed;
        await ciphertexts.replace(
          rows.map((row) => ({
            row,
            fresh: row.ssn_encrypted,
            hash: current.hash(current.decrypt(row.ssn_encrypted)),
          }))
        );
        hashed += rows.length;
      }
    },

    /** Re-encrypts every SSN not made with the current key (and hashes it anew); returns how many were rewritten. */
    async rotateKeys(onProgress?: (done: number) => void): Promise<number> {
      const current = cipher();
      let lastId = 0;
      let rewritten = 0;
      for (;;) {
        const rows = await ciphertexts.after(lastId, ROTATION_BATCH);
        if (rows.length === 0) return rewritten;
        lastId = rows[rows.length - 1].id;
        const stale = rows.filter((row) => current.needsRotation(row.ssn_encrypted));
        await ciphertexts.replace(
          stale.map((row) => {
            const digits = current.decrypt(row.ssn_encrypted);
            return { row, fresh: current.encrypt(digits), hash: current.hash(digits) };
          })
        );
        rewritten += stale.length;
        onProgress?.(rewritten);
      }
    },
  };
};
