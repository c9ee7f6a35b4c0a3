import type { Core } from '@strapi/strapi';

type Reads<T extends readonly unknown[]> = { [K in keyof T]: () => Promise<T[K]> };

/**
 * Runs independent reads at once on the pool, and one after another inside a transaction: a
 * transaction has one connection, and node-pg queues a second statement sent to a busy connection
 * only with a deprecation warning (pg 9 refuses it).
 */
export const readTogether = async <T extends readonly unknown[]>(
  oneConnection: boolean,
  reads: Reads<T>
): Promise<T> => {
  if (!oneConnection) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
};

/** Like `readTogether`, for reads made through Strapi, which join its current transaction. */
export const readTogetherIn = <T extends readonly unknown[]>(
  strapi: Core.Strapi,
  reads: Reads<T>
): Promise<T> => readTogether(strapi.db.inTransaction(), reads);

/** Maps each item to a read, at once on the pool and one by one inside a transaction. */
export const readEachIn = async <Item, Result>(
  strapi: Core.Strapi,
  items: readonly Item[],
  read: (item: Item, index: number) => Promise<Result>
): Promise<Result[]> => {
  if (!strapi.db.inTransaction()) return Promise.all(items.map(read));
  const results: Result[] = [];
  for (let i = 0; i < items.length; i += 1) results.push(await read(items[i], i));
  return results;
};
