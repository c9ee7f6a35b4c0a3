import { AsyncLocalStorage } from 'node:async_hooks';

import type { Core } from '@strapi/strapi';

import { sqliteWalFile } from '../utils/sqlite-wal-file';

/**
 * SQLite has one connection in Strapi's pool, and a transaction keeps it until its commit: a
 * request's read that arrived during an import batch (or a merge, or a bulk change) waited for the
 * whole transaction, although the transaction gives the event loop turns (see
 * `utils/sqlite-transaction-turns.ts`). In write-ahead-log mode readers never wait for the writer.
 * So here, while a transaction has the app's connection, reads run at once on a read-only
 * connection of their own, on what was last committed: what they would have read had they come
 * just before that transaction began. Two kinds of reads go there:
 * - a statement outside any transaction that only reads (a query builder's select, or a raw
 *   statement that SQLite finds read-only; one that writes is sent to the app's connection);
 * - the transaction the document service opens around a read of a CRM type (`readOnly`), when no
 *   other such transaction has the read-only connection.
 *
 * Reads that find the connection free, every write, and every other transaction run on the app's
 * connection as before. Nothing changes on PostgreSQL (a pool of connections), on an in-memory
 * database or with the rollback journal (`DATABASE_SQLITE_WAL=false`), where a reader would wait
 * for the writer.
 */

interface SqliteStatement {
  readonly: boolean;
}

interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  close(): void;
}

interface Pool {
  numUsed(): number;
  numFree(): number;
}

interface Runner {
  connection?: unknown;
  builder: { _method?: string; _connection?: unknown; sql?: unknown };
  run(): Promise<unknown>;
}

interface KnexClient {
  driver: new (
    filename: string,
    options: { readonly: boolean; fileMustExist: boolean; timeout: number }
  ) => SqliteDatabase;
  pool?: Pool;
  runner(builder: unknown): Runner;
  _query(connection: unknown, statement: { sql: string }): Promise<unknown>;
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

/** The query builder methods that only read; raw statements are judged when prepared. */
const READ_METHODS = new Set(['select', 'first', 'pluck']);

const isBusy = (error: unknown) =>
  /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown })?.code ?? ''));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Set for the document service's reads of CRM types (`readOnly`). */
  const readOnlyWork = new AsyncLocalStorage<true>();
  let reader: SqliteDatabase | undefined;
  let restore: (() => void) | undefined;
  let readsBeside = 0;

  return {
    /** Opens the read-only connection when the app runs on an SQLite file in WAL mode. */
    async start(): Promise<void> {
      if (reader) return;
      const filename = await sqliteWalFile(strapi);
      const client = strapi.db.connection.client as unknown as KnexClient;
      if (!filename || !client.pool) return;
      const pool = client.pool;
      // timeout 0: a read that would wait (rare in WAL mode) goes to the app's connection instead.
      const opened = new client.driver(filename, {
        readonly: true,
        fileMustExist: true,
        timeout: 0,
      });
      reader = opened;

      const makeRunner = client.runner;
      const runQuery = client._query;
      const acquire = client.acquireConnection;
      const release = client.releaseConnection;
      /** Lent to a read-only transaction: one at a time, as a connection has one transaction. */
      let lent = false;
      const takenByTransaction = () => pool.numUsed() > 0 && pool.numFree() === 0;
      const isRead = (builder: Runner['builder']) =>
        READ_METHODS.has(builder._method ?? '') ||
        (builder._method === undefined && typeof builder.sql === 'string');

      // Instance methods: a transaction's client is made from the driver's prototype, so nothing
      // here reaches the statements of a transaction.
      client.runner = function (this: KnexClient, builder) {
        const runner = makeRunner.call(this, builder);
        const run = runner.run;
        // Only `run` (not a stream): a runner that has a connection neither acquires nor releases one.
        runner.run = function (this: Runner) {
          if (!this.builder._connection && isRead(this.builder) && takenByTransaction()) {
            this.connection = opened;
            readsBeside += 1;
          }
          return run.call(this);
        };
        return runner;
      };
      client._query = async function (this: KnexClient, connection, statement) {
        if (connection !== opened) return runQuery.call(this, connection, statement);
        try {
          if (opened.prepare(statement.sql).readonly)
            return await runQuery.call(this, opened, statement);
        } catch (error) {
          if (!isBusy(error)) throw error;
        }
        // It writes, or the reader could not read now: the app's connection, in its turn.
        const main = await acquire.call(this);
        try {
          return await runQuery.call(this, main, statement);
        } finally {
          await release.call(this, main);
        }
      };
      client.acquireConnection = function (this: KnexClient) {
        if (readOnlyWork.getStore() && !lent && takenByTransaction()) {
          lent = true;
          readsBeside += 1;
          return Promise.resolve(opened);
        }
        return acquire.call(this);
      };
      client.releaseConnection = function (this: KnexClient, connection) {
        if (connection !== opened) return release.call(this, connection);
        lent = false;
        return Promise.resolve();
      };
      restore = () => {
        client.runner = makeRunner;
        client._query = runQuery;
        client.acquireConnection = acquire;
        client.releaseConnection = release;
      };
    },

    /** Puts the app's connection back in charge of every read, and closes the read-only one. */
    async stop(): Promise<void> {
      restore?.();
      restore = undefined;
      reader?.close();
      reader = undefined;
    },

    /**
     * Runs a read of the document service so that the transaction it opens may take the read-only
     * connection; nothing in `work` may write.
     */
    readOnly<T>(work: () => T): T {
      return reader ? readOnlyWork.run(true, work) : work();
    },

    /** Whether reads may run beside a transaction; how many have since the start. */
    status(): { running: boolean; readsBeside: number } {
      return { running: reader !== undefined, readsBeside };
    },
  };
};
