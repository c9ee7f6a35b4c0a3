import { list, quote } from './sql';
import type { BulkDialect } from './types';

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/**
 * A Date as node-pg sends a bound one: local wall time with its offset. Strapi's datetime columns
 * have no time zone, so PostgreSQL keeps the wall time; rows written in bulk then read back as
 * the same instants as rows Strapi wrote.
 */
export const localTimestamp = (date: Date): string => {
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  return (
    `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  );
};

/** `SELECT` expressions and `FROM` clause unpacking a JSON array of arrays. */
const fromJson = (types: readonly string[]) => ({
  columns: types.map((type, i) => `(value ->> ${i})::${type}`).join(', '),
  from: 'json_array_elements(?::json) AS j(value)',
});

/**
 * PostgreSQL gets one statement per batch, the rows travelling as one JSON parameter that the
 * server unpacks (`json_populate_recordset`, `json_array_elements`): one small statement to build
 * and send instead of thousands of bound parameters.
 */
export const postgresBulk: BulkDialect = {
  stored(_column, value) {
    if (value === undefined || value === null) return null;
    if (value instanceof Date) return localTimestamp(value);
    return value;
  },

  async insertRecords(knex, { table, given, stamped, values, documentIds, now }) {
    const rows = values.map((row) =>
      Object.fromEntries(given.map((column, c) => [column.name, row[c]]))
    );
    const names = list([...given, ...stamped].map((column) => column.name));
    const result = await knex.raw(
      `INSERT INTO ${quote(table)} (${names}) SELECT ${[...given.map((column) => `r.${quote(column.name)}`), ...stamped.map(() => '?')].join(', ')} ` +
        `FROM json_populate_recordset(NULL::${quote(table)}, ?::json) AS r RETURNING id, document_id`,
      [...stamped.map(() => now), JSON.stringify(rows)]
    );
    const idOf = new Map(
      (result.rows as { id: number | string; document_id: string }[]).map((row) => [
        row.document_id,
        Number(row.id),
      ])
    );
    return documentIds.map((documentId) => idOf.get(documentId)!);
  },

  async insertRows(knex, table, columns, rows) {
    const json = fromJson(columns.map(([, type]) => type));
    await knex.raw(
      `INSERT INTO ${quote(table)} (${list(columns.map(([name]) => name))}) SELECT ${json.columns} FROM ${json.from}`,
      [JSON.stringify(rows)]
    );
  },

  async updateRows(knex, table, columns, rows) {
    const json = fromJson(['bigint', ...columns.map(([, type]) => type)]);
    const names = columns.map(([name]) => quote(name));
    await knex.raw(
      `UPDATE ${quote(table)} AS t SET ${names.map((name) => `${name} = v.${name}`).join(', ')} ` +
        `FROM (SELECT ${json.columns} FROM ${json.from}) AS v(id, ${names.join(', ')}) WHERE t.id = v.id`,
      [JSON.stringify(rows)]
    );
  },
};
