import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { documentIds } from '../../utils/document-id';
import type { Link } from '../links';
import { postgresBulk } from './postgres';
import type { Column, TypedColumn } from './sql';
import { sqliteBulk } from './sqlite';

export type { TypedColumn } from './sql';

type Attribute = { type: string; columnName?: string; default?: unknown };

const TIMESTAMPS = new Set(['createdAt', 'updatedAt', 'publishedAt']);
const SCALAR = new Set([
  'string',
  'text',
  'richtext',
  'email',
  'password',
  'uid',
  'enumeration',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'boolean',
  'date',
  'time',
  'datetime',
  'timestamp',
  'json',
]);

/** The PostgreSQL type a scalar attribute's column is cast to when values travel as JSON text. */
const POSTGRES_TYPES: Record<string, string> = {
  integer: 'int',
  biginteger: 'bigint',
  float: 'double precision',
  decimal: 'numeric',
  boolean: 'boolean',
  date: 'date',
  time: 'time',
  datetime: 'timestamp',
  timestamp: 'timestamp',
  json: 'jsonb',
};

const snakeCase = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([a-zA-Z])([0-9])/g, '$1_$2')
    .toLowerCase();

/**
 * Writes of thousands of rows, each dialect by its fastest plain path (see `sqlite.ts` and
 * `postgres.ts`). Every write joins the caller's transaction (`knex` must be one). Records get
 * what Strapi's own creates give them (document id, defaults, timestamps, published at once as the
 * content types have no drafts); the caller has applied the domain rules already.
 */
export const createBulkInsert = (strapi: Core.Strapi) => {
  const dialect = () => (strapi.db.dialect.client === 'sqlite' ? sqliteBulk : postgresBulk);
  const columnsOf = new Map<string, Column[]>();

  const columns = (uid: string): Column[] => {
    if (!columnsOf.has(uid)) {
      const attributes = strapi.db.metadata.get(uid).attributes as Record<string, Attribute>;
      columnsOf.set(
        uid,
        Object.entries(attributes)
          .filter(([name, attribute]) => name !== 'id' && SCALAR.has(attribute.type))
          .map(([name, attribute]) => ({
            name: attribute.columnName ?? snakeCase(name),
            attribute: name,
            type: attribute.type,
            default: attribute.default,
          }))
      );
    }
    return columnsOf.get(uid)!;
  };

  return {
    /** Inserts records of a content type (attribute names as keys); returns their ids in order. */
    async records(knex: Knex, uid: string, records: Record<string, unknown>[]): Promise<number[]> {
      return (await this.create(knex, uid, records)).ids;
    },

    /** `records`, also answering the documentIds it gave them (in the same order). */
    async create(
      knex: Knex,
      uid: string,
      records: Record<string, unknown>[]
    ): Promise<{ ids: number[]; documentIds: string[] }> {
      if (records.length === 0) return { ids: [], documentIds: [] };
      const all = columns(uid);
      const given = all.filter((column) => !TIMESTAMPS.has(column.attribute));
      const stamped = all.filter((column) => TIMESTAMPS.has(column.attribute));
      const ids = documentIds(records.length);
      const { stored } = dialect();
      const values = records.map((record, i) =>
        given.map((column) => {
          let value = column.attribute === 'documentId' ? ids[i] : record[column.attribute];
          if (value === undefined && column.default !== undefined)
            value = typeof column.default === 'function' ? column.default() : column.default;
          return stored(column, value);
        })
      );
      const inserted = await dialect().insertRecords(knex, {
        table: strapi.db.metadata.get(uid).tableName,
        given,
        stamped,
        values,
        documentIds: ids,
        now: new Date(),
      });
      return { ids: inserted, documentIds: ids };
    },

    /** Link-table rows `[owner id, target id]`, the order column (if any) at 1. */
    async links(knex: Knex, relation: Link, pairs: [number, number][]): Promise<void> {
      const typed: TypedColumn[] = [
        [relation.owner, 'int'],
        [relation.target, 'int'],
        ...(relation.order ? [[relation.order, 'int'] as TypedColumn] : []),
      ];
      await this.rows(
        knex,
        relation.table,
        typed,
        relation.order ? pairs.map((pair) => [...pair, 1]) : pairs
      );
    },

    /** Plain rows into a table, values in the order of `columns`. */
    async rows(
      knex: Knex,
      table: string,
      typed: readonly TypedColumn[],
      rows: readonly unknown[][]
    ): Promise<void> {
      if (rows.length) await dialect().insertRows(knex, table, typed, rows);
    },

    /**
     * Updates records of a content type by id (attribute names as keys), with their `updatedAt`:
     * records changing the same attributes share one bulk statement.
     */
    async updateRecords(
      knex: Knex,
      uid: string,
      updates: readonly { id: number; data: Record<string, unknown> }[]
    ): Promise<void> {
      const byName = new Map(columns(uid).map((column) => [column.attribute, column]));
      const groups = new Map<string, { id: number; data: Record<string, unknown> }[]>();
      for (const update of updates) {
        const names = Object.keys(update.data).sort().join(',');
        const group = groups.get(names);
        if (group) group.push(update);
        else groups.set(names, [update]);
      }
      const table = strapi.db.metadata.get(uid).tableName;
      const now = new Date();
      for (const [names, group] of groups) {
        const used = [...names.split(',').filter(Boolean), 'updatedAt'].map((name) =>
          byName.get(name)!
        );
        const typed = used.map((column): TypedColumn => [
          column.name,
          POSTGRES_TYPES[column.type] ?? 'text',
        ]);
        const rows = group.map(({ id, data }) => [
          id,
          ...used.map((column) =>
            dialect().stored(
              column,
              column.attribute === 'updatedAt' ? now : data[column.attribute]
            )
          ),
        ]);
        await this.update(knex, table, typed, rows);
      }
    },

    /** Updates rows by id; each of `rows` is `[id, ...values of columns]`. */
    async update(
      knex: Knex,
      table: string,
      typed: readonly TypedColumn[],
      rows: readonly unknown[][]
    ): Promise<void> {
      if (rows.length) await dialect().updateRows(knex, table, typed, rows);
    },
  };
};
