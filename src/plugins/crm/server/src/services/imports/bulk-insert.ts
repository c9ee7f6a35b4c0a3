import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { documentIds } from '../../utils/document-id';

// node-pg's own conversion of a bound Date, so bulk rows hold what Strapi's writes would. Loaded
// on first use: pg is an optional peer dependency, absent from an app that runs on SQLite only.
let pgPrepareValue: ((value: unknown) => unknown) | undefined;
const prepareValue = (value: unknown) => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  pgPrepareValue ??= (require('pg/lib/utils') as { prepareValue: (value: unknown) => unknown }).prepareValue;
  return pgPrepareValue(value);
};

type Attribute = { type: string; columnName?: string; default?: unknown };
export type Relation = { table: string; owner: string; target: string; order?: string };
/** A column written in bulk, with its PostgreSQL type (for the casts out of JSON). */
export type TypedColumn = [name: string, type: string];

/** What better-sqlite3 offers on a connection; knex hands the transaction's own. */
interface SqliteConnection {
  prepare(sql: string): { run(...values: unknown[]): { lastInsertRowid: number | bigint } };
}

export interface Column {
  name: string;
  attribute: string;
  type: string;
  default?: unknown;
}

const TIMESTAMPS = new Set(['createdAt', 'updatedAt', 'publishedAt']);
const SCALAR = new Set([
  'string', 'text', 'richtext', 'email', 'password', 'uid', 'enumeration', 'integer', 'biginteger', 'float',
  'decimal', 'boolean', 'date', 'time', 'datetime', 'timestamp', 'json',
]);

const snakeCase = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([a-zA-Z])([0-9])/g, '$1_$2').toLowerCase();
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const list = (names: readonly string[]) => names.map(quote).join(', ');
const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

/**
 * Writes of thousands of rows, each dialect by its fastest plain path:
 * - SQLite runs in-process, so a statement costs no round trip: one prepared statement, run once
 *   per row on the transaction's own connection (what a hand-written bulk load does);
 * - PostgreSQL gets one statement per batch, the rows travelling as one JSON parameter that the
 *   server unpacks (`json_populate_recordset`, `json_array_elements`): one small statement to
 *   build and send instead of thousands of bound parameters.
 * Every write joins the caller's transaction (`knex` must be one). Records get what Strapi's own
 * creates give them (document id, defaults, timestamps, published at once as the content types
 * have no drafts); the caller has applied the domain rules already.
 */
export const createBulkInsert = (strapi: Core.Strapi) => {
  const isSqlite = () => strapi.db.dialect.client === 'sqlite';
  const columnsOf = new Map<string, Column[]>();

  const sqliteConnection = async (knex: Knex): Promise<SqliteConnection> => {
    if (!knex.isTransaction) throw new Error('bulk writes run inside a transaction');
    return (knex.client as unknown as { acquireConnection(): Promise<SqliteConnection> }).acquireConnection();
  };

  /** Runs `sql` once per row of `rows` (SQLite); returns each row's rowid. */
  const runEach = async (knex: Knex, sql: string, rows: readonly unknown[][]): Promise<number[]> => {
    const statement = (await sqliteConnection(knex)).prepare(sql);
    return rows.map((row) => Number(statement.run(...row.map((value) => (value === undefined ? null : value))).lastInsertRowid));
  };

  /** `SELECT` expressions and `FROM` clause unpacking a JSON array of arrays (PostgreSQL). */
  const fromJson = (types: readonly string[]) => ({
    columns: types.map((type, i) => `(value ->> ${i})::${type}`).join(', '),
    from: 'json_array_elements(?::json) AS j(value)',
  });

  const columns = (uid: string): Column[] => {
    if (!columnsOf.has(uid)) {
      const attributes = strapi.db.metadata.get(uid).attributes as Record<string, Attribute>;
      columnsOf.set(
        uid,
        Object.entries(attributes)
          .filter(([name, attribute]) => name !== 'id' && SCALAR.has(attribute.type))
          .map(([name, attribute]) => ({ name: attribute.columnName ?? snakeCase(name), attribute: name, type: attribute.type, default: attribute.default }))
      );
    }
    return columnsOf.get(uid)!;
  };

  /** A value as the column stores it: SQLite keeps booleans as 0/1 and datetimes as milliseconds. */
  const stored = (column: Column, value: unknown): unknown => {
    if (value === undefined || value === null) return null;
    if (column.type === 'json') return isSqlite() ? JSON.stringify(value) : value;
    if (value instanceof Date) return isSqlite() ? value.getTime() : prepareValue(value);
    if (typeof value === 'boolean' && isSqlite()) return value ? 1 : 0;
    return value;
  };

  return {
    /** Inserts records of a content type (attribute names as keys); returns their ids in order. */
    async records(knex: Knex, uid: string, records: Record<string, unknown>[]): Promise<number[]> {
      if (records.length === 0) return [];
      const all = columns(uid);
      const given = all.filter((column) => !TIMESTAMPS.has(column.attribute));
      const stamped = all.filter((column) => TIMESTAMPS.has(column.attribute));
      const table = quote(strapi.db.metadata.get(uid).tableName);
      const names = list([...given, ...stamped].map((column) => column.name));
      const ids = documentIds(records.length);
      const now = new Date();
      const valuesOf = (record: Record<string, unknown>, i: number) =>
        given.map((column) => {
          let value = column.attribute === 'documentId' ? ids[i] : record[column.attribute];
          if (value === undefined && column.default !== undefined) value = typeof column.default === 'function' ? column.default() : column.default;
          return stored(column, value);
        });

      if (isSqlite()) {
        const times = stamped.map(() => now.getTime());
        const sql = `INSERT INTO ${table} (${names}) VALUES (${placeholders(given.length + stamped.length)})`;
        return runEach(knex, sql, records.map((record, i) => [...valuesOf(record, i), ...times]));
      }
      const rows = records.map((record, i) => {
        const values = valuesOf(record, i);
        return Object.fromEntries(given.map((column, c) => [column.name, values[c]]));
      });
      const result = await knex.raw(
        `INSERT INTO ${table} (${names}) SELECT ${[...given.map((column) => `r.${quote(column.name)}`), ...stamped.map(() => '?')].join(', ')} ` +
          `FROM json_populate_recordset(NULL::${table}, ?::json) AS r RETURNING id, document_id`,
        [...stamped.map(() => now), JSON.stringify(rows)]
      );
      const idOf = new Map((result.rows as { id: number | string; document_id: string }[]).map((row) => [row.document_id, Number(row.id)]));
      return ids.map((documentId) => idOf.get(documentId)!);
    },

    /** Link-table rows `[owner id, target id]`, the order column (if any) at 1. */
    async links(knex: Knex, relation: Relation, pairs: [number, number][]): Promise<void> {
      const columns: TypedColumn[] = [[relation.owner, 'int'], [relation.target, 'int'], ...(relation.order ? [[relation.order, 'int'] as TypedColumn] : [])];
      await this.rows(knex, relation.table, columns, relation.order ? pairs.map((pair) => [...pair, 1]) : pairs);
    },

    /** Plain rows into a table, values in the order of `columns`. */
    async rows(knex: Knex, table: string, columns: readonly TypedColumn[], rows: readonly unknown[][]): Promise<void> {
      if (rows.length === 0) return;
      const names = list(columns.map(([name]) => name));
      if (isSqlite()) {
        await runEach(knex, `INSERT INTO ${quote(table)} (${names}) VALUES (${placeholders(columns.length)})`, rows);
        return;
      }
      const json = fromJson(columns.map(([, type]) => type));
      await knex.raw(`INSERT INTO ${quote(table)} (${names}) SELECT ${json.columns} FROM ${json.from}`, [JSON.stringify(rows)]);
    },

    /** Updates rows by id; each of `rows` is `[id, ...values of columns]`. */
    async update(knex: Knex, table: string, columns: readonly TypedColumn[], rows: readonly unknown[][]): Promise<void> {
      if (rows.length === 0) return;
      if (isSqlite()) {
        const set = columns.map(([name]) => `${quote(name)} = ?`).join(', ');
        await runEach(knex, `UPDATE ${quote(table)} SET ${set} WHERE id = ?`, rows.map(([id, ...values]) => [...values, id]));
        return;
      }
      const json = fromJson(['bigint', ...columns.map(([, type]) => type)]);
      const names = columns.map(([name]) => quote(name));
      await knex.raw(
        `UPDATE ${quote(table)} AS t SET ${names.map((name) => `${name} = v.${name}`).join(', ')} ` +
          `FROM (SELECT ${json.columns} FROM ${json.from}) AS v(id, ${names.join(', ')}) WHERE t.id = v.id`,
        [JSON.stringify(rows)]
      );
    },
  };
};

export type BulkInsert = ReturnType<typeof createBulkInsert>;
