import type { Core } from '@strapi/strapi';

import type { CrmPluginConfig } from '../config';
import {
  ERASED_PERSON_REASON,
  erasureHash,
  erasureListValue,
  type ErasureKind,
  type IdentityValues,
  type ListedCandidate,
} from '../domain';
import { ConflictError } from '../utils/errors';
import { getService } from '../utils/get-service';
import { ERASURE_UID } from '../utils/uids';

const HASHES_PER_QUERY = 500;

/**
 * A write that would bring an erased person back. A 409 on the CRM's routes (their error
 * boundary) and, through its status, on Strapi's own (the content manager).
 */
export class ErasedPersonConflict extends ConflictError {
  readonly status = 409;
  readonly expose = true;
  constructor(readonly field: string) {
    super(`${field}: ${ERASED_PERSON_REASON}`, {
      errors: [
        {
          path: field
            .split(/[.[\]]+/)
            .filter(Boolean)
            .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
          message: `${field}: ${ERASED_PERSON_REASON}`,
          name: 'ConflictError',
          rule: 'erasure.listed',
        },
      ],
    });
  }
}

export interface ErasureListEntry {
  id: number;
  documentId: string;
  kind: ErasureKind;
  erasedAt: string;
  recordDocumentId: string | null;
}

/**
 * The erasure list: keyed hashes (HMAC-SHA256 with CRM_ERASURE_KEY) of erased people's e-mails and
 * phone numbers, never the values. Every gate asks `assertNotErased` before storing an e-mail or a
 * phone, the import asks `listedAmong` for a batch at once. Written below the document service
 * (which refuses writes of this type) by erasures only.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const key = () => (strapi.config.get('plugin::crm') as CrmPluginConfig).erasureKey ?? '';
  const defaultCountry = () => getService(strapi, 'settings').get().defaultCountry;

  const isEmpty = async () => (await strapi.db.query(ERASURE_UID).count({})) === 0;

  /** Which of these hashes are listed, by kind. */
  const listedHashes = async (
    hashes: readonly { kind: ErasureKind; hash: string }[]
  ): Promise<Set<string>> => {
    const found = new Set<string>();
    const distinct = [...new Set(hashes.map((item) => item.hash))];
    for (let i = 0; i < distinct.length; i += HASHES_PER_QUERY) {
      const rows = (await strapi.db.query(ERASURE_UID).findMany({
        where: { hash: { $in: distinct.slice(i, i + HASHES_PER_QUERY) } },
        select: ['kind', 'hash'],
      })) as { kind: ErasureKind; hash: string }[];
      for (const row of rows) found.add(`${row.kind}:${row.hash}`);
    }
    return found;
  };

  const hashed = (candidates: readonly ListedCandidate[], secret: string) =>
    candidates.flatMap((candidate) => {
      const value = erasureListValue(candidate.kind, candidate.value, defaultCountry());
      if (value === null) return [];
      const hash = erasureHash(secret, value);
      return [{ ...candidate, hash, listKey: `${candidate.kind}:${hash}` }];
    });

  return {
    /** Whether erasures can be made: the key is configured. */
    isConfigured: () => key() !== '',

    /**
     * Refuses (409, naming the field) a write whose e-mail or phone is on the list. Without a key
     * the list cannot be read, so only an empty list lets writes through.
     */
    async assertNotErased(candidates: readonly ListedCandidate[]): Promise<void> {
      const given = candidates.filter((candidate) => candidate.value != null);
      if (given.length === 0) return;
      // Most lists are empty: one count, no hashing.
      if (await isEmpty()) return;
      const secret = key();
      if (!secret)
        throw new Error('CRM_ERASURE_KEY is not set: the erasure list cannot be checked');
      const items = hashed(given, secret);
      if (items.length === 0) return;
      const listed = await listedHashes(items);
      const hit = items.find((item) => listed.has(item.listKey));
      if (hit) throw new ErasedPersonConflict(hit.field);
    },

    /** For each candidate list (an import row's values), the first field whose value is listed. */
    async listedAmong(rows: readonly ListedCandidate[][]): Promise<(string | null)[]> {
      if (rows.every((row) => row.length === 0) || (await isEmpty())) return rows.map(() => null);
      const secret = key();
      if (!secret)
        throw new Error('CRM_ERASURE_KEY is not set: the erasure list cannot be checked');
      const hashedRows = rows.map((row) => hashed(row, secret));
      const listed = await listedHashes(hashedRows.flat());
      return hashedRows.map((row) => row.find((item) => listed.has(item.listKey))?.field ?? null);
    },

    /** Lists a person's identifying values (those not listed yet); returns how many were added. */
    async add(values: IdentityValues, recordDocumentId: string, erasedAt: Date): Promise<number> {
      const secret = key();
      if (!secret) throw new Error('CRM_ERASURE_KEY is not set');
      const items = [
        ...values.emails.map((value) => ({ kind: 'email' as const, value })),
        ...values.phones.map((value) => ({ kind: 'phone' as const, value })),
      ].map((item) => ({ kind: item.kind, hash: erasureHash(secret, item.value) }));
      const listed = await listedHashes(items);
      const fresh = items.filter((item) => !listed.has(`${item.kind}:${item.hash}`));
      for (const item of fresh)
        await strapi.db
          .query(ERASURE_UID)
          .create({ data: { kind: item.kind, hash: item.hash, erasedAt, recordDocumentId } });
      return fresh.length;
    },

    /** The list, newest first: kinds and dates, never values (there are none to show). */
    async list(page: number, pageSize: number) {
      const rows = await strapi.db.query(ERASURE_UID).findMany({
        select: ['id', 'documentId', 'kind', 'erasedAt', 'recordDocumentId'],
        orderBy: [{ erasedAt: 'desc' }, { id: 'desc' }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      });
      const total = await strapi.db.query(ERASURE_UID).count({});
      return { entries: rows as ErasureListEntry[], total: Number(total) };
    },

    /** Takes an entry off the list (by id or documentId): its person may come back. */
    async remove(idOrDocumentId: string): Promise<ErasureListEntry | null> {
      const where = /^\d+$/.test(idOrDocumentId)
        ? { $or: [{ id: Number(idOrDocumentId) }, { documentId: idOrDocumentId }] }
        : { documentId: idOrDocumentId };
      const entry = (await strapi.db.query(ERASURE_UID).findOne({
        where,
        select: ['id', 'documentId', 'kind', 'erasedAt', 'recordDocumentId'],
      })) as ErasureListEntry | null;
      if (!entry) return null;
      await strapi.db.query(ERASURE_UID).delete({ where: { id: entry.id } });
      return entry;
    },
  };
};
