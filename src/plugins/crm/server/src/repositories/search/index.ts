import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import type { SearchPlan } from '../../domain';
import { CONTACT_POINT_UIDS, CUSTOMER_UID } from '../../utils/uids';
import { withKnex } from '../../utils/with-knex';
import { linkOf } from '../links';
import type { Condition, RankConditions } from './conditions';
import { postgresSearch } from './postgres';
import { sqliteSearch } from './sqlite';
import { SEARCH_TABLE, type IndexRow, type SearchDialect } from './types';

export { SEARCH_TABLE, type IndexRow } from './types';
export { SEARCH_FTS } from './sqlite';

/** Customers per statement: their ids stay well under every dialect's limit of bound values. */
export const IDS_PER_STATEMENT = 500;

/** What an index row is made of, as stored in the customer and contact point tables. */
export interface IndexSource {
  customers: Record<string, unknown>[];
  emails: Map<number, string[]>;
  phones: Map<number, string[]>;
}

/** The ranks a page is read from: word starts, or the matches that are not. */
export type Rank = 'prefixed' | 'rest';

/** A statement's sample of at most `cap + 1` matches, ranked and paged. */
export interface RankedSample {
  /** how many matches were read (over `cap` when there are more than the count limit) */
  matched: number;
  documentIds: string[];
  /** the word starts of the page read in the same statement past the limit, when the dialect can */
  densePrefixed: string[] | null;
}

/** Every query of the customer search index, for the dialect of the database. */
export const createSearchRepository = (strapi: Core.Strapi) => {
  const dialect = (): SearchDialect =>
    strapi.db.dialect.client === 'sqlite' ? sqliteSearch : postgresSearch;
  const pool = () => strapi.db.connection;
  const customerTable = () => strapi.db.metadata.get(CUSTOMER_UID).tableName;
  const pointTable = (kind: 'email' | 'phone') =>
    strapi.db.metadata.get(CONTACT_POINT_UIDS[kind]).tableName;
  const link = (kind: 'email' | 'phone') => linkOf(strapi, CONTACT_POINT_UIDS[kind], 'customer');

  // A search reads its conditions in up to three statements (sample, page, count): built once each.
  const builtConditions = new WeakMap<SearchPlan, RankConditions>();
  const conditions = (plan: SearchPlan): RankConditions => {
    let built = builtConditions.get(plan);
    if (!built) builtConditions.set(plan, (built = dialect().conditions(plan)));
    return built;
  };

  const raw = async <T>(sql: string, bindings: readonly unknown[]) =>
    dialect().rowsOf<T>(await strapi.db.connection.raw(sql, bindings as unknown[]));

  const scoped = (condition: Condition, excluded: readonly number[]): Condition => {
    const match =
      condition.match && dialect().matchTest
        ? [{ test: dialect().matchTest!, value: condition.match }]
        : [];
    const parts = [...match.map(({ test }) => test), condition.sql];
    const bindings = [...match.map(({ value }) => value), ...condition.bindings];
    if (excluded.length) {
      parts.push(`i.customer_id NOT IN (${excluded.map(() => '?').join(', ')})`);
      bindings.push(...excluded.map(String));
    }
    return { sql: parts.filter(Boolean).join(' AND '), bindings };
  };

  /** An exact customer number or email, told from the row itself: its number, or the email as a word. */
  const exactCondition = (plan: SearchPlan): Condition | null => {
    const tests = [
      ...(plan.exactNumber ? [{ sql: 'i.customer_number = ?', bindings: [plan.exactNumber] }] : []),
      ...(plan.exactEmail
        ? [
            {
              sql: `${dialect().position}(i.search_text, ?) > 0`,
              bindings: [` ${plan.exactEmail} `],
            },
          ]
        : []),
    ];
    return tests.length
      ? {
          sql: `(${tests.map((test) => test.sql).join(' OR ')})`,
          bindings: tests.flatMap((test) => test.bindings),
        }
      : null;
  };

  const deleteRows = async (knex: Knex, customerIds: readonly number[]) => {
    for (let i = 0; i < customerIds.length; i += IDS_PER_STATEMENT) {
      await knex(SEARCH_TABLE)
        .whereIn('customer_id', customerIds.slice(i, i + IDS_PER_STATEMENT))
        .delete();
    }
  };

  return {
    ensure: () => dialect().ensure(pool()),

    /** Count and highest id of the customers and of the index rows. */
    async counts() {
      const [customers, indexed] = await Promise.all([
        pool()(customerTable()).count({ n: '*' }).max({ top: 'id' }).first(),
        pool()(SEARCH_TABLE).count({ n: '*' }).max({ top: 'customer_id' }).first(),
      ]);
      return {
        customers: { count: Number(customers?.n ?? 0), top: Number(customers?.top ?? 0) },
        indexed: { count: Number(indexed?.n ?? 0), top: Number(indexed?.top ?? 0) },
      };
    },

    clear: () => pool()(SEARCH_TABLE).delete(),

    /** Up to `limit` customer ids above `after`, in order. */
    async customerIdsAfter(after: number, limit: number): Promise<number[]> {
      return (
        await pool()(customerTable()).where('id', '>', after).orderBy('id').limit(limit).pluck('id')
      ).map(Number);
    },

    /** Runs `work` in a transaction of its own (a rebuild's batch). */
    inOwnTransaction: <T>(work: (knex: Knex) => Promise<T>) => pool().transaction(work),

    /** Runs `work` in the current transaction, if any. */
    withKnex: <T>(work: (knex: Knex) => Promise<T>) => withKnex(strapi, work),

    analyze: () => pool().raw(`ANALYZE ${SEARCH_TABLE}`),

    /** The customers' fields and contact points an index row is made of. */
    async sourceOf(knex: Knex, customerIds: readonly number[]): Promise<IndexSource> {
      const customers = await knex(customerTable())
        .select(
          'id',
          'document_id',
          'customer_number',
          'first_name',
          'middle_name',
          'last_name',
          'business_name'
        )
        .whereIn('id', customerIds);
      const pointsOf = async (kind: 'email' | 'phone', column: string) => {
        const relation = link(kind);
        const rows = await knex(`${relation.table} as l`)
          .join(`${pointTable(kind)} as p`, 'p.id', `l.${relation.owner}`)
          .select(`l.${relation.target} as customerId`, `p.${column} as value`)
          .whereIn(`l.${relation.target}`, customerIds)
          .orderBy('p.id');
        const byCustomer = new Map<number, string[]>();
        for (const row of rows) {
          const id = Number(row.customerId);
          if (!byCustomer.has(id)) byCustomer.set(id, []);
          byCustomer.get(id)!.push(row.value);
        }
        return byCustomer;
      };
      return {
        customers,
        emails: await pointsOf('email', 'address'),
        phones: await pointsOf('phone', 'number'),
      };
    },

    /** Replaces the rows of these customers by `rows` (those without a row lose theirs). */
    async replaceRows(knex: Knex, customerIds: readonly number[], rows: IndexRow[]): Promise<void> {
      await deleteRows(knex, customerIds);
      for (let i = 0; i < rows.length; i += IDS_PER_STATEMENT) {
        await knex(SEARCH_TABLE).insert(
          rows.slice(i, i + IDS_PER_STATEMENT).map(dialect().toTableRow)
        );
      }
    },

    deleteRows,

    /** The stored row of one customer. */
    async rowOf(customerId: number): Promise<IndexRow | null> {
      const row = await pool()(SEARCH_TABLE).where('customer_id', customerId).first();
      if (!row) return null;
      return {
        customer_id: Number(row.customer_id),
        document_id: row.document_id,
        customer_number: row.customer_number,
        number_seq: Number(row.seq ?? row.number_seq),
        search_text: row.search_text,
      };
    },

    hasExactCandidates: (plan: SearchPlan) => exactCondition(plan) !== null,

    /**
     * One read of at most `cap + 1` matches, ranked and paged by the database: exact number or
     * email first, then word starts, then the rest, each by number. When `readPastLimit` is set and
     * the dialect can, the word starts of the page past the limit come in the same statement.
     */
    async rankedSample(
      plan: SearchPlan,
      cap: number,
      offset: number,
      limit: number,
      readPastLimit: boolean
    ): Promise<RankedSample> {
      const { matches, prefixed, prefixedLike } = conditions(plan);
      const exact = exactCondition(plan) ?? { sql: '1 = 0', bindings: [] };
      const { sql, bindings } = scoped(matches, []);
      const seq = dialect().seqColumn;
      const sample =
        `WITH m AS MATERIALIZED (SELECT i.document_id AS document_id, i.${seq} AS seq, ` +
        `CASE WHEN ${exact.sql} THEN 0 WHEN ${prefixedLike.sql} THEN 1 ELSE 2 END AS r ` +
        `FROM ${dialect().from(matches)} WHERE ${sql} LIMIT ${Number(cap + 1)}), c AS MATERIALIZED (SELECT count(*) AS n FROM m) `;
      const parts = [
        // the count, always
        'SELECT c.n AS n, 2 AS part, NULL AS "documentId" FROM c',
        // the page from the sample, when it holds every match
        `SELECT * FROM (SELECT c.n AS n, 0 AS part, m.document_id AS "documentId" FROM m, c WHERE c.n <= ${Number(cap)} ` +
          `ORDER BY m.r, m.seq LIMIT ${Number(limit)} OFFSET ${Number(offset)}) AS sampled`,
      ];
      const partBindings = [...exact.bindings, ...prefixedLike.bindings, ...bindings];
      const pastLimit = readPastLimit && dialect().readsPastLimitInOneStatement;
      if (pastLimit) {
        // The test on the count keeps this part from running unless there are more matches.
        parts.push(
          `SELECT c.n AS n, 1 AS part, p.document_id AS "documentId" FROM c, LATERAL (SELECT i.document_id FROM ${SEARCH_TABLE} AS i ` +
            `WHERE c.n > ${Number(cap)} AND ${prefixed.sql} ORDER BY i.${seq} ` +
            `LIMIT ${Number(limit)} OFFSET ${Number(offset)}) AS p`
        );
        partBindings.push(...prefixed.bindings);
      }
      const rows = await raw<{
        n: number | string;
        part: number | string;
        documentId: string | null;
      }>(`${sample}${parts.join(' UNION ALL ')}`, partBindings);
      const ofPart = (part: number) =>
        rows.filter((row) => Number(row.part) === part).map((row) => String(row.documentId));
      return {
        matched: Number(rows.find((row) => Number(row.part) === 2)?.n ?? 0),
        documentIds: ofPart(0),
        densePrefixed: pastLimit ? ofPart(1) : null,
      };
    },

    /** Document ids of one rank's matches outside `excluded`, in number order. */
    async page(
      plan: SearchPlan,
      rank: Rank,
      excluded: readonly number[],
      offset: number,
      limit: number
    ): Promise<string[]> {
      const condition = conditions(plan)[rank];
      const { sql, bindings } = scoped(condition, excluded);
      const rows = await raw<{ documentId: string }>(
        `SELECT i.document_id AS "documentId" FROM ${dialect().from(condition)} WHERE ${sql} ` +
          `ORDER BY ${dialect().numberOrder(condition)} LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
        bindings
      );
      return rows.map((row) => row.documentId);
    },

    /** How many of one rank's matches there are outside `excluded`, counting no further than `limit`. */
    async count(
      plan: SearchPlan,
      rank: Rank,
      excluded: readonly number[],
      limit: number
    ): Promise<number> {
      const condition = conditions(plan)[rank];
      const { sql, bindings } = scoped(condition, excluded);
      const rows = await raw<{ n: number | string }>(
        `SELECT count(*) AS n FROM (SELECT 1 FROM ${dialect().from(condition)} WHERE ${sql} LIMIT ${Number(limit)}) AS matched`,
        bindings
      );
      return Number(rows[0].n);
    },

    /** Customers whose number is the query or who have the query as an email, in number order. */
    async exactMatches(plan: SearchPlan): Promise<{ customerId: number; documentId: string }[]> {
      if (!plan.exactNumber && !plan.exactEmail) return [];
      const seq = dialect().seqColumn;
      const found = new Map<number, { customerId: number; documentId: string; seq: number }>();
      const collect = (rows: Record<string, unknown>[]) => {
        for (const row of rows) {
          found.set(Number(row.customer_id), {
            customerId: Number(row.customer_id),
            documentId: String(row.document_id),
            seq: Number(row.seq),
          });
        }
      };
      if (plan.exactNumber) {
        collect(
          await pool()(SEARCH_TABLE)
            .select('customer_id', 'document_id', `${seq} as seq`)
            .where('customer_number', plan.exactNumber)
        );
      }
      if (plan.exactEmail) {
        const relation = link('email');
        collect(
          await pool()(`${pointTable('email')} as e`)
            .join(`${relation.table} as l`, `l.${relation.owner}`, 'e.id')
            .join(`${SEARCH_TABLE} as i`, 'i.customer_id', `l.${relation.target}`)
            .select('i.customer_id', 'i.document_id', `i.${seq} as seq`)
            .where('e.address', plan.exactEmail)
        );
      }
      return [...found.values()].sort((a, b) => a.seq - b.seq);
    },
  };
};
