import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { CONTACT_COMPANY_SEPARATOR, DISPLAY_NAME_MAX_LENGTH } from '../domain';
import { CONTACT_UID, CUSTOMER_UID } from '../utils/uids';
import { withKnex } from '../utils/with-knex';
import { linkOf } from './links';

/** Ids per statement: far below SQLite's limit of bound values. */
const IDS_PER_STATEMENT = 1000;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface Sql {
  sql: string;
  bindings: unknown[];
}

/**
 * The domain's display-name rule (domain/display-name.ts) as one SQL expression that SQLite and
 * PostgreSQL read alike, for the writes that go around the document service: imports, merges and
 * their undo, a company's rename reaching its contacts, and the fill at start-up. Names are stored
 * trimmed by the domain's validation, so SQL's TRIM (spaces only) and the domain's (all white
 * space) agree on what is stored; a test compares both rules on the same rows.
 */
const customerName = (table: string): string => {
  const col = (name: string) => `${quote(table)}.${quote(name)}`;
  const first = `NULLIF(TRIM(${col('first_name')}), '')`;
  const last = `NULLIF(TRIM(${col('last_name')}), '')`;
  const person = `COALESCE(${first} || ' ' || ${last}, ${first}, ${last})`;
  const business = `NULLIF(TRIM(${col('business_name')}), '')`;
  return `(CASE WHEN ${col('type')} = 'business' THEN COALESCE(${business}, ${person}) ELSE COALESCE(${person}, ${business}) END)`;
};

const customerLabel = (table: string): string => {
  const name = customerName(table);
  const number = `NULLIF(TRIM(${quote(table)}.${quote('customer_number')}), '')`;
  return `SUBSTR(COALESCE(${name} || ' (' || ${number} || ')', ${name}, ${number}, ''), 1, ${DISPLAY_NAME_MAX_LENGTH})`;
};

export const createDisplayNames = (strapi: Core.Strapi) => {
  const customers = () => strapi.db.metadata.get(CUSTOMER_UID).tableName;
  const contacts = () => strapi.db.metadata.get(CONTACT_UID).tableName;
  const differs = () => (strapi.db.dialect.client === 'sqlite' ? 'IS NOT' : 'IS DISTINCT FROM');

  const contactLabel = (): Sql => {
    const table = contacts();
    const company = linkOf(strapi, CONTACT_UID, 'company');
    const col = (name: string) => `${quote(table)}.${quote(name)}`;
    const first = `NULLIF(TRIM(${col('first_name')}), '')`;
    const last = `NULLIF(TRIM(${col('last_name')}), '')`;
    const person = `COALESCE(${first} || ' ' || ${last}, ${first}, ${last})`;
    // Nested lookups rather than a join: each is one index probe whatever the planner knows. Just
    // after a bulk load PostgreSQL has no statistics on the link table and would plan the join as
    // a merge over every customer, per contact (80 times slower at 50,000 contacts).
    const companyName =
      `(SELECT (SELECT ${customerName(customers())} FROM ${quote(customers())}` +
      ` WHERE ${quote(customers())}.${quote('id')} = ${quote(company.table)}.${quote(company.target)})` +
      ` FROM ${quote(company.table)} WHERE ${quote(company.table)}.${quote(company.owner)} = ${col('id')} LIMIT 1)`;
    return {
      sql: `SUBSTR(COALESCE(${person} || ? || ${companyName}, ${person}, ${companyName}, ''), 1, ${DISPLAY_NAME_MAX_LENGTH})`,
      bindings: [CONTACT_COMPANY_SEPARATOR],
    };
  };

  const customerSet = (): Sql => ({ sql: customerLabel(customers()), bindings: [] });

  /** UPDATE of the rows matching `where`, writing only those whose stored name differs. */
  const update = async (knex: Knex, table: string, label: Sql, where: Sql): Promise<number> => {
    const column = quote('display_name');
    const result = await knex.raw(
      `UPDATE ${quote(table)} SET ${column} = ${label.sql} WHERE (${where.sql}) AND ${quote(table)}.${column} ${differs()} ${label.sql}`,
      [...label.bindings, ...where.bindings, ...label.bindings]
    );
    return rowCount(result);
  };

  const idsIn = (table: string, ids: readonly number[]): Sql => ({
    sql: `${quote(table)}.${quote('id')} IN (${ids.map(() => '?').join(', ')})`,
    bindings: [...ids],
  });

  const chunked = async (ids: readonly number[], work: (chunk: number[]) => Promise<unknown>) => {
    const unique = [...new Set(ids.map(Number).filter((id) => Number.isInteger(id) && id > 0))];
    for (let i = 0; i < unique.length; i += IDS_PER_STATEMENT)
      await work(unique.slice(i, i + IDS_PER_STATEMENT));
  };

  return {
    /** Rewrites the display names of these customers, then of the contacts working at them. */
    refreshCustomers: (ids: readonly number[]) =>
      withKnex(strapi, async (knex) => {
        const company = linkOf(strapi, CONTACT_UID, 'company');
        await chunked(ids, async (chunk) => {
          await update(knex, customers(), customerSet(), idsIn(customers(), chunk));
          await update(knex, contacts(), contactLabel(), {
            sql: `${quote(contacts())}.${quote('id')} IN (SELECT ${quote(company.owner)} FROM ${quote(company.table)} WHERE ${quote(company.target)} IN (${chunk.map(() => '?').join(', ')}))`,
            bindings: chunk,
          });
        });
      }),

    /**
     * Unlinks the contacts working at these customers (about to be deleted) and rewrites their
     * names without the company; answers how many there were.
     */
    detachCompanies: (customerIds: readonly number[]) =>
      withKnex(strapi, async (knex) => {
        const company = linkOf(strapi, CONTACT_UID, 'company');
        let count = 0;
        await chunked(customerIds, async (chunk) => {
          const staff = (
            await knex(company.table).whereIn(company.target, chunk).select(company.owner)
          ).map((row: Record<string, unknown>) => Number(row[company.owner]));
          if (staff.length === 0) return;
          await knex(company.table).whereIn(company.target, chunk).delete();
          await chunked(staff, (ids) =>
            update(knex, contacts(), contactLabel(), idsIn(contacts(), ids))
          );
          count += staff.length;
        });
        return count;
      }),

    /** Rewrites the display names of these contacts. */
    refreshContacts: (ids: readonly number[]) =>
      withKnex(strapi, (knex) =>
        chunked(ids, (chunk) => update(knex, contacts(), contactLabel(), idsIn(contacts(), chunk)))
      ),

    /** The highest id of a table (0 when empty): the bound of a fill by id ranges. */
    async topId(kind: 'customer' | 'contact'): Promise<number> {
      const row = (await strapi.db
        .connection(kind === 'customer' ? customers() : contacts())
        .max({ top: 'id' })
        .first()) as { top: number | string | null } | undefined;
      return Number(row?.top ?? 0);
    },

    /** Rows of a kind without a stored display name (null): written around the plugin, or new. */
    async missing(kind: 'customer' | 'contact'): Promise<boolean> {
      const row = await strapi.db
        .connection(kind === 'customer' ? customers() : contacts())
        .whereNull('display_name')
        .select('id')
        .first();
      return Boolean(row);
    },

    /**
     * Writes the display names of the rows with ids in (after, upTo], in one statement each
     * (only `missing` ones when `onlyMissing`); customers before their contacts.
     */
    fillRange(kind: 'customer' | 'contact', after: number, upTo: number, onlyMissing: boolean) {
      const table = kind === 'customer' ? customers() : contacts();
      const where: Sql = {
        sql:
          `${quote(table)}.${quote('id')} > ? AND ${quote(table)}.${quote('id')} <= ?` +
          (onlyMissing ? ` AND ${quote(table)}.${quote('display_name')} IS NULL` : ''),
        bindings: [after, upTo],
      };
      return strapi.db.connection.transaction((trx) =>
        update(trx, table, kind === 'customer' ? customerSet() : contactLabel(), where)
      );
    },
  };
};

/** Rows an UPDATE changed: better-sqlite3 answers `{ changes }`, pg `{ rowCount }`. */
const rowCount = (result: unknown): number => {
  const value = result as { changes?: number; rowCount?: number } | undefined;
  return Number(value?.changes ?? value?.rowCount ?? 0);
};

export type DisplayNames = ReturnType<typeof createDisplayNames>;
