import type { Core } from '@strapi/strapi';

interface SqliteClient {
  config?: { connection?: { filename?: string } };
}

/**
 * The app's SQLite database file when the app runs on one in write-ahead-log mode; undefined on
 * another database, in memory, or with the rollback journal. What lets a second connection (the
 * checkpoint thread, the read-only connection) work beside the app's without waiting for it.
 */
export const sqliteWalFile = async (strapi: Core.Strapi): Promise<string | undefined> => {
  if (strapi.db.dialect.client !== 'sqlite') return undefined;
  const filename = (strapi.db.connection.client as SqliteClient).config?.connection?.filename;
  if (!filename || filename === ':memory:' || filename.startsWith('file::memory:'))
    return undefined;
  const [mode] = (await strapi.db.connection.raw('PRAGMA journal_mode')) as {
    journal_mode?: string;
  }[];
  return mode?.journal_mode === 'wal' ? filename : undefined;
};
