import { likeOf } from './conditions';
import { SEARCH_TABLE, type SearchDialect } from './types';

const SEARCH_TEXT_STATISTICS = 1000;

/** PostgreSQL: every test is a LIKE that a pg_trgm GIN index over the text serves. */
export const postgresSearch: SearchDialect = {
  position: 'strpos',
  seqColumn: 'number_seq',
  readsPastLimitInOneStatement: true,

  async ensure(knex) {
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await knex.raw(
      `CREATE TABLE IF NOT EXISTS ${SEARCH_TABLE} (customer_id integer PRIMARY KEY, document_id varchar(255) NOT NULL, ` +
        'customer_number varchar(255), number_seq bigint NOT NULL, search_text text NOT NULL)'
    );
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_text_trgm ON ${SEARCH_TABLE} USING gin (search_text gin_trgm_ops)`
    );
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_seq_idx ON ${SEARCH_TABLE} (number_seq)`
    );
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_number_idx ON ${SEARCH_TABLE} (customer_number)`
    );
    // PostgreSQL reads how many rows a '%…%' pattern matches from the column's histogram; with
    // the default 100 entries every pattern looks rare, and a fragment matching thousands of
    // customers is then read in full through the trigram index and sorted, instead of walking
    // the number index until a page is found. 1,000 entries tell the two cases apart; more make
    // every query slower to plan (10,000: about 3.5 ms) for little gain.
    const target = await knex.raw(
      `SELECT attstattarget AS target FROM pg_attribute WHERE attrelid = '${SEARCH_TABLE}'::regclass AND attname = 'search_text'`
    );
    if (Number(target.rows[0]?.target) !== SEARCH_TEXT_STATISTICS) {
      await knex.raw(
        `ALTER TABLE ${SEARCH_TABLE} ALTER COLUMN search_text SET STATISTICS ${SEARCH_TEXT_STATISTICS}`
      );
    }
  },

  toTableRow: (row) => ({ ...row }),

  rowsOf: <T>(result: unknown) => (result as { rows: T[] }).rows,

  conditions(plan) {
    const matches = likeOf(plan.words, plan.digits, 'strpos');
    const prefixed = likeOf(plan.prefixWords, plan.prefixDigits, 'strpos');
    return {
      matches,
      prefixed,
      prefixedLike: prefixed,
      rest: {
        sql: `${matches.sql} AND NOT ${prefixed.sql}`,
        bindings: [...matches.bindings, ...prefixed.bindings],
      },
    };
  },

  matchTest: null,

  from: () => `${SEARCH_TABLE} AS i`,

  numberOrder: () => 'i.number_seq',
};
