import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Runs hand-written queries with the current transaction's knex, or the pool's when there is none.
 * Inside a transaction any other connection would wait for it (on SQLite, for ever: one connection).
 */
export const withKnex = async <T>(
  strapi: Core.Strapi,
  work: (knex: Knex) => Promise<T>
): Promise<T> =>
  strapi.db.inTransaction()
    ? await strapi.db.transaction(({ trx }) => work(trx))
    : work(strapi.db.connection);
