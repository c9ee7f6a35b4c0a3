import type { Knex } from 'knex';

import { sliceIsOver, yieldToEventLoop } from '../../utils/event-loop';
import { list, placeholders, quote } from './sql';
import type { BulkDialect } from './types';

/** What better-sqlite3 offers on a connection; knex hands the transaction's own. */
interface SqliteConnection {
  prepare(sql: string): { run(values: readonly unknown[]): { lastInsertRowid: number | bigint } };
}

const connectionOf = async (knex: Knex): Promise<SqliteConnection> => {
  if (!knex.isTransaction) throw new Error('bulk writes run inside a transaction');
  return (knex.client as { acquireConnection(): Promise<SqliteConnection> }).acquireConnection();
};

/** A row as better-sqlite3 binds it: undefined is not a value there, so it becomes null. */
const bindable = (row: readonly unknown[]): readonly unknown[] =>
  row.includes(undefined) ? row.map((value) => (value === undefined ? null : value)) : row;

/**
 * Runs `sql` once per row of `rows` (bound as an array, not spread); returns each row's rowid.
 * The driver is synchronous: the event loop gets a turn whenever a slice of time is over.
 */
const runEach = async (knex: Knex, sql: string, rows: readonly unknown[][]): Promise<number[]> => {
  const statement = (await connectionOf(knex)).prepare(sql);
  const ids = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    if (sliceIsOver()) await yieldToEventLoop();
    ids[i] = Number(statement.run(bindable(rows[i])).lastInsertRowid);
  }
  return ids;
};

/**
 * SQLite runs in-process, so a statement costs no round trip: one prepared statement, run once per
 * row on the transaction's own connection (what a hand-written bulk load does). It keeps booleans
 * as 0/1 and datetimes as milliseconds, as Strapi's writes do.
 */
export const sqliteBulk: BulkDialect = {
  stored(column, value) {
    if (value === undefined || value === null) return null;
    if (column.type === 'json') return JSON.stringify(value);
    if (value instanceof Date) return value.getTime();
    if (typeof value === 'boolean') return value ? 1 : 0;
    return value;
  },

  async insertRecords(knex, { table, given, stamped, values, now }) {
    const names = list([...given, ...stamped].map((column) => column.name));
    const times = stamped.map(() => now.getTime());
    const sql = `INSERT INTO ${quote(table)} (${names}) VALUES (${placeholders(given.length + stamped.length)})`;
    // concat, not spread: this runs for every row of an import, and spreading goes through an
    // iterator per row.
    return runEach(
      knex,
      sql,
      values.map((row) => row.concat(times))
    );
  },

  async insertRows(knex, table, columns, rows) {
    await runEach(
      knex,
      `INSERT INTO ${quote(table)} (${list(columns.map(([name]) => name))}) VALUES (${placeholders(columns.length)})`,
      rows
    );
  },

  async updateRows(knex, table, columns, rows) {
    const set = columns.map(([name]) => `${quote(name)} = ?`).join(', ');
    await runEach(
      knex,
      `UPDATE ${quote(table)} SET ${set} WHERE id = ?`,
      rows.map((row) => row.slice(1).concat([row[0]]))
    );
  },
};
