import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import type { CompanyKeyKind } from '../domain';
import { CONTACT_POINT_UIDS, CUSTOMER_UID } from '../utils/uids';
import { withKnex } from '../utils/with-knex';
import { createBulkInsert, type TypedColumn } from './bulk-insert';
import { linkOf } from './links';
import { tableIndexes, type TableIndex } from './table-indexes';

export const COMPANY_KEYS_TABLE = 'crm_company_keys';
/** What the key column holds: a company key is at most MAX_COMPANY_KEY (200) characters. */
const KEY_LENGTH = 255;
const IDS_PER_STATEMENT = 500;
/** Values per lookup statement: well under SQLite's limit of bound values. */
const KEYS_PER_STATEMENT = 500;
/**
 * Word starts read per statement of `withPrefixes`: each its own subquery bounded by the index,
 * so a statement reads at most this many times a prefix's limit.
 */
const PREFIXES_PER_STATEMENT = 100;
const COLUMNS: TypedColumn[] = [
  ['customer_id', 'int'],
  ['kind', 'text'],
  ['company_key', 'text'],
];
/** Customers by key (lookups, covering), and each customer's keys (rewrites and removals). */
const INDEXES: readonly TableIndex[] = [
  ['crm_company_keys_key_idx', '(kind, company_key, customer_id)'],
  ['crm_company_keys_customer_idx', '(customer_id)'],
];

/** What a customer's company keys are made of, as the tables hold it. */
export interface CompanyKeySource {
  id: number;
  type: string | null;
  businessName: string | null;
  firstName: string | null;
  lastName: string | null;
  emails: string[];
}

/**
 * The keys customers are found by as a contact's company (domain/import/company-match.ts
 * `customerCompanyKeys`): name key, business e-mail domain, word starts. An import resolves the
 * companies of a batch through the (kind, key) index instead of holding every customer. Plain
 * knex, as the search index and the duplicate keys.
 */
export const createCompanyKeys = (strapi: Core.Strapi) => {
  const pool = () => strapi.db.connection;
  const bulk = createBulkInsert(strapi);
  const customerTable = () => strapi.db.metadata.get(CUSTOMER_UID).tableName;

  const indexes = tableIndexes(pool, COMPANY_KEYS_TABLE, INDEXES);
  const createIndexes = indexes.create;

  const deleteRows = async (knex: Knex, ids: readonly number[]) => {
    for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT)
      await knex(COMPANY_KEYS_TABLE)
        .whereIn('customer_id', ids.slice(i, i + IDS_PER_STATEMENT))
        .delete();
  };

  return {
    async ensure(): Promise<void> {
      const knex = pool();
      if (!(await knex.schema.hasTable(COMPANY_KEYS_TABLE)))
        await knex.schema.createTable(COMPANY_KEYS_TABLE, (table) => {
          table.integer('customer_id').notNullable();
          table.string('kind', 1).notNullable();
          table.string('company_key', KEY_LENGTH).notNullable();
        });
      await createIndexes();
    },

    /** A bulk rewrite with the indexes dropped, built again after in one sorted pass each. */
    withoutIndexes<T>(work: () => Promise<T>): Promise<T> {
      return indexes.without(work);
    },

    /** The name fields, type and e-mail addresses of these customers. */
    async sourceOf(knex: Knex, ids: readonly number[]): Promise<CompanyKeySource[]> {
      const rows = await knex(customerTable())
        .select('id', 'type', 'business_name', 'first_name', 'last_name')
        .whereIn('id', ids);
      const relation = linkOf(strapi, CONTACT_POINT_UIDS.email, 'customer');
      const emailTable = strapi.db.metadata.get(CONTACT_POINT_UIDS.email).tableName;
      const emails = new Map<number, string[]>();
      for (const row of await knex(`${relation.table} as l`)
        .join(`${emailTable} as p`, 'p.id', `l.${relation.owner}`)
        .select(`l.${relation.target} as customerId`, 'p.address as address')
        .whereIn(`l.${relation.target}`, ids)
        .orderBy('p.id')) {
        const id = Number(row.customerId);
        emails.set(id, [...(emails.get(id) ?? []), String(row.address)]);
      }
      return rows.map((row: Record<string, unknown>) => ({
        id: Number(row.id),
        type: (row.type as string | null) ?? null,
        businessName: (row.business_name as string | null) ?? null,
        firstName: (row.first_name as string | null) ?? null,
        lastName: (row.last_name as string | null) ?? null,
        emails: emails.get(Number(row.id)) ?? [],
      }));
    },

    /** Replaces the keys of these customers (one without keys in `keys`, gone, loses its own). */
    async replace(
      knex: Knex,
      ids: readonly number[],
      keys: ReadonlyMap<number, readonly [CompanyKeyKind, string][]>
    ): Promise<void> {
      await deleteRows(knex, ids);
      const rows = [...keys].flatMap(([id, list]) =>
        list.map(([kind, key]) => [id, kind, key.slice(0, KEY_LENGTH)])
      );
      if (rows.length) await bulk.rows(knex, COMPANY_KEYS_TABLE, COLUMNS, rows);
    },

    remove: (ids: readonly number[]) => withKnex(strapi, (knex) => deleteRows(knex, ids)),

    /**
     * The customer each key names (the lowest id when several share it, as the first customer
     * read won before), for one kind of key.
     */
    async lookup(
      kind: Exclude<CompanyKeyKind, '#'>,
      keys: readonly string[]
    ): Promise<Map<string, number>> {
      const found = new Map<string, number>();
      const unique = [...new Set(keys)];
      for (let i = 0; i < unique.length; i += KEYS_PER_STATEMENT) {
        const rows = await pool()(COMPANY_KEYS_TABLE)
          .where('kind', kind)
          .whereIn('company_key', unique.slice(i, i + KEYS_PER_STATEMENT))
          .groupBy('company_key')
          .select('company_key')
          .min({ id: 'customer_id' });
        for (const row of rows as { company_key: string; id: number | string }[])
          found.set(row.company_key, Number(row.id));
      }
      return found;
    },

    /** Customers by customer number (the customers table's unique index). */
    async byNumber(numbers: readonly string[]): Promise<Map<string, number>> {
      const found = new Map<string, number>();
      const unique = [...new Set(numbers)];
      for (let i = 0; i < unique.length; i += KEYS_PER_STATEMENT) {
        const rows = await pool()(customerTable())
          .whereIn('customer_number', unique.slice(i, i + KEYS_PER_STATEMENT))
          .select('id', 'customer_number');
        for (const row of rows as { id: number | string; customer_number: string }[])
          found.set(String(row.customer_number).toUpperCase(), Number(row.id));
      }
      return found;
    },

    /**
     * For each word start, up to `limit` customers whose name key has it, the lowest ids, in
     * order (a suggestion's candidates), many starts per statement: a UNION ALL of one subquery per start, each
     * read through the (kind, key, customer) index and cut at `limit`, so a common start costs no
     * more than a rare one. Starts no customer has are absent from the answer.
     */
    async withPrefixes(prefixes: readonly string[], limit: number): Promise<Map<string, number[]>> {
      const found = new Map<string, number[]>();
      const unique = [...new Set(prefixes)];
      const cut = Math.max(0, Math.floor(limit));
      if (cut === 0) return found;
      for (let i = 0; i < unique.length; i += PREFIXES_PER_STATEMENT) {
        const chunk = unique.slice(i, i + PREFIXES_PER_STATEMENT);
        // Wrapped in a derived table each: SQLite accepts no LIMIT on a compound select's arm.
        const sql = chunk
          .map(
            (_, n) =>
              `SELECT * FROM (SELECT company_key, customer_id FROM ${COMPANY_KEYS_TABLE}` +
              ` WHERE kind = 'p' AND company_key = ? ORDER BY customer_id LIMIT ${cut}) AS p${n}`
          )
          .join(' UNION ALL ');
        const result = await pool().raw(sql, chunk);
        const rows = (Array.isArray(result) ? result : result.rows) as {
          company_key: string;
          customer_id: number | string;
        }[];
        for (const row of rows) {
          const list = found.get(row.company_key);
          if (list) list.push(Number(row.customer_id));
          else found.set(row.company_key, [Number(row.customer_id)]);
        }
      }
      // A UNION ALL keeps no order between or within its arms: each start's ids are put in order.
      for (const ids of found.values()) ids.sort((a, b) => a - b);
      return found;
    },

    /** Id, document id, number and name fields of these customers (suggestions). */
    async summaries(ids: readonly number[]) {
      const rows: Record<string, unknown>[] = [];
      for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT)
        rows.push(
          ...(await pool()(customerTable())
            .select(
              'id',
              'document_id',
              'customer_number',
              'type',
              'business_name',
              'first_name',
              'last_name'
            )
            .whereIn('id', ids.slice(i, i + IDS_PER_STATEMENT)))
        );
      return rows.map((row) => ({
        id: Number(row.id),
        documentId: String(row.document_id),
        customerNumber: String(row.customer_number ?? ''),
        type: (row.type as string | null) ?? null,
        businessName: (row.business_name as string | null) ?? null,
        firstName: (row.first_name as string | null) ?? null,
        lastName: (row.last_name as string | null) ?? null,
      }));
    },

    /** Whether every customer, and only they, has keys (count and highest id of the markers). */
    async inStep(): Promise<boolean> {
      const [customers, indexed] = await Promise.all([
        pool()(customerTable()).count({ n: '*' }).max({ top: 'id' }).first(),
        pool()(COMPANY_KEYS_TABLE)
          .where({ kind: '#', company_key: '' })
          .count({ n: '*' })
          .max({ top: 'customer_id' })
          .first(),
      ]);
      return (
        Number(customers?.n ?? 0) === Number(indexed?.n ?? 0) &&
        Number(customers?.top ?? 0) === Number(indexed?.top ?? 0)
      );
    },

    clear: () => pool()(COMPANY_KEYS_TABLE).delete(),

    /** Up to `limit` customer ids above `after`, in order. */
    async customerIdsAfter(after: number, limit: number): Promise<number[]> {
      return (
        await pool()(customerTable()).where('id', '>', after).orderBy('id').limit(limit).pluck('id')
      ).map(Number);
    },

    /** Refreshes PostgreSQL's statistics after a rebuild (SQLite plans by its indexes). */
    async analyze(): Promise<void> {
      if (strapi.db.dialect.client !== 'sqlite') await pool().raw(`ANALYZE ${COMPANY_KEYS_TABLE}`);
    },

    withKnex: <T>(work: (knex: Knex) => Promise<T>) => withKnex(strapi, work),
    inOwnTransaction: <T>(work: (knex: Knex) => Promise<T>) => pool().transaction(work),
  };
};

export type CompanyKeys = ReturnType<typeof createCompanyKeys>;
