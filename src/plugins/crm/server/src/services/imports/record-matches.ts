import type { Core } from '@strapi/strapi';

import type { ImportMatchKey, ImportObject } from '../../domain';
import { createKeyLocks, valueLockKey } from '../../repositories/key-locks';
import { CONTACT_POINT_UIDS, CONTACT_UID, CUSTOMER_UID } from '../../utils/uids';

/** Values per statement: under SQLite's limit of bound parameters, with room for an OR. */
const CHUNK = 400;

type Holder = { id: number; values: string[] };

/** E-mails compare without case; every other key as stored. */
const comparable = (key: ImportMatchKey, value: string) =>
  key === 'email' ? value.toLowerCase() : value;

/**
 * The records an import's key values find, read through the query engine in chunks, with each
 * value locked first (inside the batch's transaction): a concurrent import of the same keys waits
 * for this batch to commit, then finds its records instead of making them twice.
 */
export const createRecordMatches = (strapi: Core.Strapi) => {
  const keyLocks = createKeyLocks(strapi);

  /** Ids of the records holding each value, by the record's own columns or its contact points. */
  const holdersOf = async (
    object: ImportObject,
    key: ImportMatchKey,
    values: string[]
  ): Promise<Holder[]> => {
    if (object === 'contacts') {
      const columns: string[] =
        key === 'email'
          ? ['email', 'email2']
          : key === 'externalId'
            ? ['externalId']
            : ['mobilePhone'];
      const found = (await strapi.db.query(CONTACT_UID).findMany({
        where: { $or: columns.map((column) => ({ [column]: { $in: values } })) },
        select: ['id', ...columns],
      })) as Record<string, unknown>[];
      return found.map((record) => ({
        id: record.id as number,
        values: columns.map((column) => comparable(key, String(record[column] ?? ''))),
      }));
    }
    if (key === 'email' || key === 'phone') {
      const uid = key === 'email' ? CONTACT_POINT_UIDS.email : CONTACT_POINT_UIDS.phone;
      const column = key === 'email' ? 'address' : 'number';
      const points = (await strapi.db.query(uid).findMany({
        where: { [column]: { $in: values } },
        select: [column],
        populate: { customer: { select: ['id'] } },
      })) as ({ customer?: { id: number } | null } & Record<string, unknown>)[];
      return points
        .filter((point) => point.customer)
        .map((point) => ({
          id: point.customer!.id,
          values: [comparable(key, String(point[column]))],
        }));
    }
    const column = key === 'customerNumber' ? 'customerNumber' : 'externalId';
    const found = (await strapi.db.query(CUSTOMER_UID).findMany({
      where: { [column]: { $in: values } },
      select: ['id', column],
    })) as Record<string, unknown>[];
    return found.map((record) => ({ id: record.id as number, values: [String(record[column])] }));
  };

  return {
    /**
     * Locks the values (unless told not to: a preview writes nothing) and finds who holds them: a
     * lookup of the records each (key, value) finds. E-mails compare without case; every other
     * key as stored.
     */
    async lockAndFind(
      object: ImportObject,
      wanted: Map<ImportMatchKey, Set<string>>,
      { lock = true }: { lock?: boolean } = {}
    ): Promise<(key: ImportMatchKey, value: string) => readonly number[]> {
      const uid = object === 'contacts' ? CONTACT_UID : CUSTOMER_UID;
      if (lock)
        await keyLocks.lock(
          [...wanted].flatMap(([key, values]) =>
            [...values].map((value) => valueLockKey(uid, key, value))
          )
        );
      const found = new Map<string, number[]>();
      for (const [key, values] of wanted) {
        const list = [...values];
        for (let start = 0; start < list.length; start += CHUNK) {
          const chunk = list.slice(start, start + CHUNK);
          const asked = new Set(chunk.map((value) => comparable(key, value)));
          for (const holder of await holdersOf(object, key, chunk))
            for (const value of holder.values) {
              if (!asked.has(value)) continue;
              const ids = found.get(`${key}\u0000${value}`) ?? [];
              if (!ids.includes(holder.id)) ids.push(holder.id);
              found.set(`${key}\u0000${value}`, ids);
            }
        }
      }
      return (key, value) => found.get(`${key}\u0000${comparable(key, value)}`) ?? [];
    },

    /** The documentIds of records, to name them in a row's reason. */
    async documentIds(object: ImportObject, ids: readonly number[]): Promise<Map<number, string>> {
      const uid = object === 'contacts' ? CONTACT_UID : CUSTOMER_UID;
      const named = new Map<number, string>();
      const list = [...new Set(ids)];
      for (let start = 0; start < list.length; start += CHUNK) {
        const found = (await strapi.db.query(uid).findMany({
          where: { id: { $in: list.slice(start, start + CHUNK) } },
          select: ['id', 'documentId'],
        })) as { id: number; documentId: string }[];
        for (const record of found) named.set(record.id, record.documentId);
      }
      return named;
    },
  };
};
