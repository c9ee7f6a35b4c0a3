import { Worker } from 'node:worker_threads';

import type { Core } from '@strapi/strapi';

import { sqliteWalFile } from '../utils/sqlite-wal-file';

/**
 * SQLite in write-ahead-log mode copies the log back into the database file at checkpoints. By
 * default the connection that commits runs one whenever the log has passed 1,000 pages, inside
 * that commit: on the app's only connection, on the main thread. A 2,000-row import batch then
 * held the event loop for 50–90 ms at its commit, and so did any large write.
 *
 * Here a thread of its own, with a connection of its own, runs the checkpoints instead, and the
 * app's connection runs none. They are PASSIVE: they copy what no reader still needs and never
 * wait for, nor block, the app's readers and writer. Should the thread fail, the app's connection
 * goes back to checkpointing itself. Nothing changes on PostgreSQL, on an in-memory database or
 * with the rollback journal (`DATABASE_SQLITE_WAL=false`).
 */

/** How often the thread checkpoints; a checkpoint with nothing to copy costs next to nothing. */
const INTERVAL_MS = 200;
/** SQLite's own default, given back to the app's connection when the thread is not running. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

// Plain JavaScript run by the thread (`eval`), so that it needs no build entry of its own.
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename, { fileMustExist: true });
const checkpoint = () => db.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  let thread: Worker | undefined;

  const autocheckpoint = (pages: number) =>
    strapi.db.connection.raw(`PRAGMA wal_autocheckpoint = ${Number(pages)}`);

  return {
    /** Starts the checkpoint thread when the app runs on an SQLite file in WAL mode. */
    async start(): Promise<void> {
      if (thread) return;
      const filename = await sqliteWalFile(strapi);
      if (!filename) return;
      // The driver the app's knex loads, found from the app's own dependencies.
      let driver: string;
      try {
        driver = require.resolve('better-sqlite3', { paths: [process.cwd(), __dirname] });
      } catch {
        strapi.log.warn('[crm] better-sqlite3 not found: SQLite checkpoints stay in the commits');
        return;
      }
      const started = new Worker(THREAD_SOURCE, {
        eval: true,
        workerData: { driver, filename, intervalMs: INTERVAL_MS },
      });
      started.unref();
      started.on('error', (error) =>
        strapi.log.warn(`[crm] the SQLite checkpoint thread failed: ${error.message}`)
      );
      started.on('exit', () => {
        if (thread !== started) return; // stopped on purpose
        thread = undefined;
        strapi.log.warn('[crm] the SQLite checkpoint thread ended: the app checkpoints again');
        void autocheckpoint(DEFAULT_AUTOCHECKPOINT_PAGES).catch(() => undefined);
      });
      thread = started;
      await autocheckpoint(0);
    },

    /** Stops the thread after a last checkpoint, and gives the checkpoints back to the app. */
    async stop(): Promise<void> {
      const stopping = thread;
      if (!stopping) return;
      thread = undefined;
      const exited = new Promise<void>((resolve) => stopping.once('exit', () => resolve()));
      stopping.postMessage('stop');
      await exited;
      await autocheckpoint(DEFAULT_AUTOCHECKPOINT_PAGES).catch(() => undefined);
    },

    /** Whether the thread runs the checkpoints (for tests and diagnostics). */
    running: () => thread !== undefined,
  };
};
