import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { customerNumberSequence, customerSearchText, type SearchPlan, type SearchTerm } from '../domain';
import { getService } from '../utils/get-service';
import { CONTACT_POINT_UIDS, CUSTOMER_UID } from '../utils/uids';
import { withKnex as withKnexOf } from '../utils/with-knex';

export const SEARCH_TABLE = 'crm_search_index';
export const SEARCH_FTS = 'crm_search_fts';

/** Customers without a readable customer number sort after all others, by id. */
const UNNUMBERED = 1_000_000_000_000;
const BATCH = 500;
const REBUILD_BATCH = 5000;
const SEARCH_TEXT_STATISTICS = 1000;

export interface IndexRow {
  customer_id: number;
  document_id: string;
  customer_number: string | null;
  number_seq: number;
  search_text: string;
}

export interface SearchHits {
  /** document ids of the page, in rank order */
  documentIds: string[];
  /** matches counted, up to the count limit */
  total: number;
  /** false when there are more matches than the count limit (the total is then that limit) */
  exact: boolean;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
const likePattern = (term: SearchTerm) => `%${term.wordStart ? ' ' : ''}${escapeLike(term.text)}%`;
/** An FTS5 phrase: the term as typed (with the space that marks a word start), quotes doubled. */
const ftsPhrase = (term: SearchTerm) => `"${(term.wordStart ? ` ${term.text}` : term.text).replace(/"/g, '""')}"`;
/** A trigram index finds phrases of three characters or more; shorter ones are checked row by row. */
const ftsAble = (term: SearchTerm) => (term.wordStart ? term.text.length + 1 : term.text.length) >= 3;

/** SQL (with bindings) for a condition over `search_text`, built from LIKE tests. */
interface Condition {
  sql: string;
  bindings: string[];
}
/**
 * A trigram index reads one list of rows per trigram of a pattern, so a whole email address costs
 * as much as its most common parts ("gmail.com" is in half the rows), and a customer number as much
 * as "c-" (in every row). The index is asked for the end of an email's local part ("…smith1980@")
 * or a number's digits; the full text is then checked on those few rows.
 */
const NARROWED_LOCAL_PART = 12;
const narrow = (term: SearchTerm): { indexed: SearchTerm; needle: string | null } => {
  // Every row holds "c-…", so a customer number is looked up by its digits.
  const number = /^c-(\d{3,})$/.exec(term.text);
  if (number) return { indexed: { text: number[1], wordStart: false }, needle: `${term.wordStart ? ' ' : ''}${term.text}` };
  const at = term.text.indexOf('@');
  if (at < 3 || term.text.length <= NARROWED_LOCAL_PART + 1) return { indexed: term, needle: null };
  const start = Math.max(0, at - NARROWED_LOCAL_PART);
  return {
    indexed: { text: term.text.slice(start, at + 1), wordStart: term.wordStart && start === 0 },
    needle: `${term.wordStart ? ' ' : ''}${term.text}`,
  };
};

/** Every term in `column`: a LIKE the trigram index serves, plus the full-text check of narrowed terms. */
const allOf = (column: string, terms: SearchTerm[], position = 'strpos'): Condition => {
  if (terms.length === 0) return { sql: '1 = 0', bindings: [] };
  const parts = terms.map((term) => {
    const { indexed, needle } = narrow(term);
    const like = `${column} LIKE ? ESCAPE '\\'`;
    return needle
      ? { sql: `${like} AND ${position}(${column}, ?) > 0`, bindings: [likePattern(indexed), needle] }
      : { sql: like, bindings: [likePattern(indexed)] };
  });
  return { sql: parts.map((part) => part.sql).join(' AND '), bindings: parts.flatMap((part) => part.bindings) };
};
const either = (left: Condition, right: Condition | null): Condition =>
  right ? { sql: `((${left.sql}) OR (${right.sql}))`, bindings: [...left.bindings, ...right.bindings] } : { sql: `(${left.sql})`, bindings: left.bindings };

/**
 * The customer search index: one row per customer with its folded searchable text
 * (`customerSearchText`), its document id and the number of its customer number (the order within
 * a rank). On PostgreSQL a pg_trgm GIN index over the text answers substring and word-start tests;
 * on SQLite an FTS5 table with the trigram tokenizer does, kept in step with the rows by triggers.
 * Every write path of customers and contact points calls `refresh` in its transaction; `remove` when
 * customers go. At start-up `ensure` creates what is missing and rebuilds the rows when their count
 * differs from the customers'.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sqlite = () => strapi.db.dialect.client === 'sqlite';
  const customerTable = () => strapi.db.metadata.get(CUSTOMER_UID).tableName;
  const link = (kind: 'email' | 'phone') => getService(strapi, 'networkRepository').link(CONTACT_POINT_UIDS[kind], 'customer');
  const pointTable = (kind: 'email' | 'phone') => strapi.db.metadata.get(CONTACT_POINT_UIDS[kind]).tableName;
  const countLimit = () => getService(strapi, 'settings').get().searchCountLimit;

  const withKnex = <T>(work: (knex: Knex) => Promise<T>) => withKnexOf(strapi, work);

  /** The index rows of these customers, read from the customer and contact point tables. */
  const rowsOf = async (knex: Knex, customerIds: readonly number[]): Promise<IndexRow[]> => {
    if (customerIds.length === 0) return [];
    const customers = await knex(customerTable())
      .select('id', 'document_id', 'customer_number', 'first_name', 'middle_name', 'last_name', 'business_name')
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
    const [emails, phones] = [await pointsOf('email', 'address'), await pointsOf('phone', 'number')];
    return customers.map((customer: Record<string, unknown>) => {
      const id = Number(customer.id);
      return {
        customer_id: id,
        document_id: String(customer.document_id),
        customer_number: (customer.customer_number as string | null) ?? null,
        number_seq: customerNumberSequence(customer.customer_number) ?? UNNUMBERED + id,
        search_text: customerSearchText({
          customerNumber: customer.customer_number as string | null,
          firstName: customer.first_name as string | null,
          middleName: customer.middle_name as string | null,
          lastName: customer.last_name as string | null,
          businessName: customer.business_name as string | null,
          emails: emails.get(id) ?? [],
          phones: phones.get(id) ?? [],
        }),
      };
    });
  };

  /** SQLite keys its rows by `number_seq` (the FTS rowid, so matches come out in number order). */
  const toTableRow = ({ number_seq, ...row }: IndexRow) => (sqlite() ? { seq: number_seq, ...row } : { number_seq, ...row });

  const insertRows = async (knex: Knex, rows: IndexRow[]) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await knex(SEARCH_TABLE).insert(rows.slice(i, i + BATCH).map(toTableRow));
    }
  };

  const deleteRows = async (knex: Knex, customerIds: readonly number[]) => {
    for (let i = 0; i < customerIds.length; i += BATCH) {
      await knex(SEARCH_TABLE).whereIn('customer_id', customerIds.slice(i, i + BATCH)).delete();
    }
  };

  const seqColumn = () => (sqlite() ? 'seq' : 'number_seq');

  /** Ids matching `condition` on the index rows, outside `excluded`, in number order. */
  const pageWhere = async (condition: Condition & { match?: string }, excluded: number[], offset: number, limit: number) => {
    const { sql, bindings } = scoped(condition, excluded);
    const rows = await strapi.db.connection.raw(
      `SELECT i.document_id AS "documentId" FROM ${from(condition)} WHERE ${sql} ORDER BY ${condition.match ? `${SEARCH_FTS}.rowid` : `i.${seqColumn()}`} LIMIT ${Number(limit)} OFFSET ${Number(offset)}`,
      bindings
    );
    return (sqlite() ? rows : rows.rows).map((row: { documentId: string }) => row.documentId) as string[];
  };

  /**
   * One read of at most `sampleSize` matches, ranked and paged by the database: exact number or
   * email first, then word starts, then the rest, each by number. `matched` is how many were read:
   * when it is under the sample size, the page and the count are exact.
   */
  const rankedPage = async (
    matches: Condition & { match?: string },
    exact: Condition,
    prefixedLike: Condition,
    cap: number,
    offset: number,
    limit: number,
    denseFirst?: { prefixed: Condition; offset: number; limit: number }
  ) => {
    const { sql, bindings } = scoped(matches, []);
    const sample =
      `WITH m AS MATERIALIZED (SELECT i.document_id AS document_id, i.${seqColumn()} AS seq, ` +
      `CASE WHEN ${exact.sql} THEN 0 WHEN ${prefixedLike.sql} THEN 1 ELSE 2 END AS r ` +
      `FROM ${from(matches)} WHERE ${sql} LIMIT ${Number(cap + 1)}), c AS MATERIALIZED (SELECT count(*) AS n FROM m) `;
    const sampleBindings = [...exact.bindings, ...prefixedLike.bindings, ...bindings];
    const parts = [
      // the count, always
      'SELECT c.n AS n, 2 AS part, NULL AS "documentId" FROM c',
      // the page from the sample, when it holds every match
      `SELECT * FROM (SELECT c.n AS n, 0 AS part, m.document_id AS "documentId" FROM m, c WHERE c.n <= ${Number(cap)} ` +
        `ORDER BY m.r, m.seq LIMIT ${Number(limit)} OFFSET ${Number(offset)}) AS sampled`,
    ];
    const partBindings = [...sampleBindings];
    if (denseFirst && !sqlite()) {
      // PostgreSQL only: past the limit, the word starts in number order, read in the same
      // statement (the test on the count keeps this part from running otherwise).
      parts.push(
        `SELECT c.n AS n, 1 AS part, p.document_id AS "documentId" FROM c, LATERAL (SELECT i.document_id FROM ${SEARCH_TABLE} AS i ` +
          `WHERE c.n > ${Number(cap)} AND ${denseFirst.prefixed.sql} ORDER BY i.number_seq ` +
          `LIMIT ${Number(denseFirst.limit)} OFFSET ${Number(denseFirst.offset)}) AS p`
      );
      partBindings.push(...denseFirst.prefixed.bindings);
    }
    const result = await strapi.db.connection.raw(`${sample}${parts.join(' UNION ALL ')}`, partBindings);
    const rows = (sqlite() ? result : result.rows) as { n: number | string; part: number | string; documentId: string | null }[];
    const ofPart = (part: number) => rows.filter((row) => Number(row.part) === part).map((row) => String(row.documentId));
    return {
      matched: Number(rows.find((row) => Number(row.part) === 2)?.n ?? 0),
      documentIds: ofPart(0),
      densePrefixed: denseFirst && !sqlite() ? ofPart(1) : null,
    };
  };

  /** How many rows match, counting no further than `limit`. */
  const countWhere = async (condition: Condition & { match?: string }, excluded: number[], limit: number) => {
    const { sql, bindings } = scoped(condition, excluded);
    const rows = await strapi.db.connection.raw(
      `SELECT count(*) AS n FROM (SELECT 1 FROM ${from(condition)} WHERE ${sql} LIMIT ${Number(limit)}) AS matched`,
      bindings
    );
    return Number((sqlite() ? rows : rows.rows)[0].n);
  };

  /** SQLite answers the trigram part with its FTS5 table, joined back to the rows by rowid. */
  const from = (condition: { match?: string }) =>
    condition.match ? `${SEARCH_FTS} JOIN ${SEARCH_TABLE} AS i ON i.seq = ${SEARCH_FTS}.rowid` : `${SEARCH_TABLE} AS i`;

  const scoped = (condition: Condition & { match?: string }, excluded: number[]): Condition => {
    const parts = [...(condition.match ? [`${SEARCH_FTS} MATCH ?`] : []), condition.sql];
    const bindings = [...(condition.match ? [condition.match] : []), ...condition.bindings];
    if (excluded.length) {
      parts.push(`i.customer_id NOT IN (${excluded.map(() => '?').join(', ')})`);
      bindings.push(...excluded.map(String));
    }
    return { sql: parts.filter(Boolean).join(' AND '), bindings };
  };

  /**
   * The three ranks of a query as conditions: `matches` (every word, or the phone digits),
   * `prefixed` (each term at the start of a word) and `rest` (matches that are not prefixed).
   * On SQLite, the terms a trigram can find go to an FTS5 MATCH expression and the others stay
   * LIKE tests on the matched rows; on PostgreSQL every test is a LIKE the GIN index serves.
   */
  const conditions = (plan: SearchPlan) => {
    const column = 'i.search_text';
    const position = sqlite() ? 'instr' : 'strpos';
    const like = (words: SearchTerm[], digits: SearchTerm | null) =>
      either(allOf(column, words, position), digits ? allOf(column, [digits], position) : null);
    const matchesLike = like(plan.words, plan.digits);
    const prefixedLike = like(plan.prefixWords, plan.prefixDigits);
    if (!sqlite()) {
      return {
        prefixedLike,
        matches: matchesLike,
        prefixed: prefixedLike,
        rest: { sql: `${matchesLike.sql} AND NOT ${prefixedLike.sql}`, bindings: [...matchesLike.bindings, ...prefixedLike.bindings] },
      };
    }
    const fts = (words: SearchTerm[], digits: SearchTerm | null): Condition & { match: string } => {
      const indexed = words.filter(ftsAble);
      const checked = words.filter((term) => !ftsAble(term));
      const narrowed = indexed.map(narrow);
      const needles = narrowed.flatMap(({ needle }) => (needle ? [needle] : []));
      const wordsMatch = narrowed.map(({ indexed: term }) => ftsPhrase(term)).join(' AND ');
      if (digits) {
        // Phone-like queries have no short words (see planSearch): all of it fits in the MATCH.
        return { match: indexed.length ? `(${wordsMatch}) OR ${ftsPhrase(digits)}` : ftsPhrase(digits), sql: '', bindings: [] };
      }
      const checks = [...(checked.length ? [allOf(column, checked, position)] : []), ...needles.map((needle) => ({ sql: `instr(${column}, ?) > 0`, bindings: [needle] }))];
      return { match: wordsMatch, sql: checks.map((check) => check.sql).join(' AND '), bindings: checks.flatMap((check) => check.bindings) };
    };
    const matches = fts(plan.words, plan.digits);
    const prefixed = fts(plan.prefixWords, plan.prefixDigits);
    return {
      prefixedLike,
      matches,
      prefixed,
      rest: {
        match: matches.match,
        sql: [matches.sql, `NOT ${prefixedLike.sql}`].filter(Boolean).join(' AND '),
        bindings: [...matches.bindings, ...prefixedLike.bindings],
      },
    };
  };

  /** Customers whose number is the query or who have the query as an email, in number order. */
  const exactMatches = async (plan: SearchPlan): Promise<{ customerId: number; documentId: string }[]> => {
    if (!plan.exactNumber && !plan.exactEmail) return [];
    const knex = strapi.db.connection as unknown as Knex;
    const found = new Map<number, { customerId: number; documentId: string; seq: number }>();
    const collect = (rows: Record<string, unknown>[]) => {
      for (const row of rows) {
        found.set(Number(row.customer_id), { customerId: Number(row.customer_id), documentId: String(row.document_id), seq: Number(row.seq) });
      }
    };
    if (plan.exactNumber) {
      collect(await knex(SEARCH_TABLE).select('customer_id', 'document_id', `${seqColumn()} as seq`).where('customer_number', plan.exactNumber));
    }
    if (plan.exactEmail) {
      const relation = link('email');
      collect(
        await knex(`${pointTable('email')} as e`)
          .join(`${relation.table} as l`, `l.${relation.owner}`, 'e.id')
          .join(`${SEARCH_TABLE} as i`, 'i.customer_id', `l.${relation.target}`)
          .select('i.customer_id', 'i.document_id', `i.${seqColumn()} as seq`)
          .where('e.address', plan.exactEmail)
      );
    }
    return [...found.values()].sort((a, b) => a.seq - b.seq);
  };

  return {
    /** Creates the index tables, indexes (and on SQLite the FTS5 table and its triggers) if missing. */
    async ensure(): Promise<void> {
      const knex = strapi.db.connection as unknown as Knex;
      if (sqlite()) {
        await knex.raw(
          `CREATE TABLE IF NOT EXISTS ${SEARCH_TABLE} (seq INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL UNIQUE, ` +
            'document_id TEXT NOT NULL, customer_number TEXT, search_text TEXT NOT NULL)'
        );
        await knex.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_number_idx ON ${SEARCH_TABLE} (customer_number)`);
        await knex.raw(
          `CREATE VIRTUAL TABLE IF NOT EXISTS ${SEARCH_FTS} USING fts5(search_text, content='${SEARCH_TABLE}', content_rowid='seq', tokenize='trigram')`
        );
        const fts = (row: 'new' | 'old', remove: boolean) =>
          remove
            ? `INSERT INTO ${SEARCH_FTS}(${SEARCH_FTS}, rowid, search_text) VALUES ('delete', old.seq, old.search_text);`
            : `INSERT INTO ${SEARCH_FTS}(rowid, search_text) VALUES (${row}.seq, ${row}.search_text);`;
        await knex.raw(`CREATE TRIGGER IF NOT EXISTS ${SEARCH_TABLE}_ai AFTER INSERT ON ${SEARCH_TABLE} BEGIN ${fts('new', false)} END`);
        await knex.raw(`CREATE TRIGGER IF NOT EXISTS ${SEARCH_TABLE}_ad AFTER DELETE ON ${SEARCH_TABLE} BEGIN ${fts('old', true)} END`);
        await knex.raw(
          `CREATE TRIGGER IF NOT EXISTS ${SEARCH_TABLE}_au AFTER UPDATE ON ${SEARCH_TABLE} BEGIN ${fts('old', true)} ${fts('new', false)} END`
        );
      } else {
        await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
        await knex.raw(
          `CREATE TABLE IF NOT EXISTS ${SEARCH_TABLE} (customer_id integer PRIMARY KEY, document_id varchar(255) NOT NULL, ` +
            'customer_number varchar(255), number_seq bigint NOT NULL, search_text text NOT NULL)'
        );
        await knex.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_text_trgm ON ${SEARCH_TABLE} USING gin (search_text gin_trgm_ops)`);
        await knex.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_seq_idx ON ${SEARCH_TABLE} (number_seq)`);
        await knex.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_number_idx ON ${SEARCH_TABLE} (customer_number)`);
        // PostgreSQL reads how many rows a '%…%' pattern matches from the column's histogram; with
        // the default 100 entries every pattern looks rare, and a fragment matching thousands of
        // customers is then read in full through the trigram index and sorted, instead of walking
        // the number index until a page is found. 1,000 entries tell the two cases apart; more make
        // every query slower to plan (10,000: about 3.5 ms) for little gain.
        const target = await knex.raw(
          `SELECT attstattarget AS target FROM pg_attribute WHERE attrelid = '${SEARCH_TABLE}'::regclass AND attname = 'search_text'`
        );
        if (Number(target.rows[0]?.target) !== SEARCH_TEXT_STATISTICS) {
          await knex.raw(`ALTER TABLE ${SEARCH_TABLE} ALTER COLUMN search_text SET STATISTICS ${SEARCH_TEXT_STATISTICS}`);
        }
      }
    },

    /** Whether the index holds exactly the customers (same count, same highest id). */
    async inStep(): Promise<boolean> {
      const knex = strapi.db.connection as unknown as Knex;
      const [customers, indexed] = await Promise.all([
        knex(customerTable()).count({ n: '*' }).max({ top: 'id' }).first(),
        knex(SEARCH_TABLE).count({ n: '*' }).max({ top: 'customer_id' }).first(),
      ]);
      return Number(customers?.n) === Number(indexed?.n) && Number(customers?.top ?? 0) === Number(indexed?.top ?? 0);
    },

    /** Writes the index rows of all customers again, batch by batch (start-up, after drift). */
    async rebuild(onProgress?: (done: number) => void): Promise<number> {
      const knex = strapi.db.connection as unknown as Knex;
      await knex(SEARCH_TABLE).delete();
      let done = 0;
      for (let after = 0; ; ) {
        const ids = (await knex(customerTable()).where('id', '>', after).orderBy('id').limit(REBUILD_BATCH).pluck('id')).map(Number);
        if (ids.length === 0) break;
        await knex.transaction(async (trx) => insertRows(trx, await rowsOf(trx, ids)));
        after = ids[ids.length - 1];
        done += ids.length;
        onProgress?.(done);
      }
      await knex.raw(sqlite() ? `ANALYZE ${SEARCH_TABLE}` : `ANALYZE ${SEARCH_TABLE}`);
      return done;
    },

    /** Rewrites the index rows of these customers from the tables (those that no longer exist go). */
    async refresh(customerIds: readonly number[]): Promise<void> {
      const ids = [...new Set(customerIds.map(Number).filter((id) => Number.isInteger(id) && id > 0))];
      if (ids.length === 0) return;
      await withKnex(async (knex) => {
        for (let i = 0; i < ids.length; i += BATCH) {
          const chunk = ids.slice(i, i + BATCH);
          const rows = await rowsOf(knex, chunk);
          await deleteRows(knex, chunk);
          await insertRows(knex, rows);
        }
      });
    },

    /** Drops the index rows of customers that are gone. */
    async remove(customerIds: readonly number[]): Promise<void> {
      const ids = [...new Set(customerIds.map(Number))];
      if (ids.length) await withKnex((knex) => deleteRows(knex, ids));
    },

    /** The stored row of one customer (tests and drift checks). */
    async rowOf(customerId: number): Promise<IndexRow | null> {
      const row = await (strapi.db.connection as unknown as Knex)(SEARCH_TABLE).where('customer_id', customerId).first();
      if (!row) return null;
      return {
        customer_id: Number(row.customer_id),
        document_id: row.document_id,
        customer_number: row.customer_number,
        number_seq: Number(row.seq ?? row.number_seq),
        search_text: row.search_text,
      };
    },

    /** What the rows of these customers should be, read from the tables (tests and drift checks). */
    async expectedRows(customerIds: readonly number[]): Promise<IndexRow[]> {
      return rowsOf(strapi.db.connection as unknown as Knex, customerIds);
    },

    /**
     * One page of matches in rank order — exact customer number or email, then word starts, then
     * the rest, each by customer number — and their total, counted up to the count limit.
     */
    async search(plan: SearchPlan, offset: number, limit: number): Promise<SearchHits> {
      const cap = countLimit();
      const { matches, prefixed, rest, prefixedLike } = conditions(plan);
      // Past the count limit nothing is served: the pages end where the (capped) total says.
      const servable = Math.max(0, Math.min(limit, cap - offset));

      // An exact number or email, told from the row itself: its number, or the email as a word.
      const position = sqlite() ? 'instr' : 'strpos';
      const exactTests = [
        ...(plan.exactNumber ? [{ sql: 'i.customer_number = ?', bindings: [plan.exactNumber] }] : []),
        ...(plan.exactEmail ? [{ sql: `${position}(i.search_text, ?) > 0`, bindings: [` ${plan.exactEmail} `] }] : []),
      ];
      const exactCondition = exactTests.length
        ? { sql: `(${exactTests.map((test) => test.sql).join(' OR ')})`, bindings: exactTests.flatMap((test) => test.bindings) }
        : { sql: '1 = 0', bindings: [] };
      // Without an exact candidate, the word starts of a page past the limit can come in the same
      // statement (PostgreSQL): nothing ranks before them.
      const denseFirst = exactTests.length === 0 && servable > 0 ? { prefixed, offset, limit: servable } : undefined;
      const sample = await rankedPage(matches, exactCondition, prefixedLike, cap, offset, servable, denseFirst);
      if (sample.matched <= cap) return { documentIds: sample.documentIds, total: sample.matched, exact: true };

      // More matches than the limit: exact ones are looked up, then pages read in number order.
      const exact = exactTests.length ? await exactMatches(plan) : [];
      const excluded = exact.map((hit) => hit.customerId);
      const documentIds = exact.slice(offset, offset + servable).map((hit) => hit.documentId);
      const wanted = servable - documentIds.length;
      const prefixedStart = Math.max(0, offset - exact.length);
      const prefixedPage = wanted > 0 ? (sample.densePrefixed ?? (await pageWhere(prefixed, excluded, prefixedStart, wanted))) : null;
      let prefixedCount = Infinity; // the page is full (or had no room): no rest on it
      if (prefixedPage && prefixedPage.length < wanted) {
        prefixedCount =
          prefixedPage.length > 0 || prefixedStart === 0 ? prefixedStart + prefixedPage.length : await countWhere(prefixed, excluded, cap + 1);
      }
      if (prefixedPage) documentIds.push(...prefixedPage);
      const stillWanted = servable - documentIds.length;
      if (stillWanted > 0 && Number.isFinite(prefixedCount)) {
        const restStart = Math.max(0, offset - exact.length - prefixedCount);
        documentIds.push(...(await pageWhere(rest, excluded, restStart, stillWanted)));
      }
      return { documentIds, total: cap, exact: false };
    },
  };
};
