import type { SearchTerm } from '../../domain';
import { allOf, likeOf, narrow, TEXT_COLUMN, type Condition } from './conditions';
import { SEARCH_TABLE, type SearchDialect } from './types';

export const SEARCH_FTS = 'crm_search_fts';

/** An FTS5 phrase: the term as typed (with the space that marks a word start), quotes doubled. */
const ftsPhrase = (term: SearchTerm) =>
  `"${(term.wordStart ? ` ${term.text}` : term.text).replace(/"/g, '""')}"`;
/** A trigram index finds phrases of three characters or more; shorter ones are checked row by row. */
const ftsAble = (term: SearchTerm) =>
  (term.wordStart ? term.text.length + 1 : term.text.length) >= 3;

/** The terms a trigram can find go to an FTS5 MATCH expression; the others stay tests on the matched rows. */
const fts = (words: SearchTerm[], digits: SearchTerm | null): Condition & { match: string } => {
  const indexed = words.filter(ftsAble);
  const checked = words.filter((term) => !ftsAble(term));
  const narrowed = indexed.map(narrow);
  const needles = narrowed.flatMap(({ needle }) => (needle ? [needle] : []));
  const wordsMatch = narrowed.map(({ indexed: term }) => ftsPhrase(term)).join(' AND ');
  if (digits) {
    // Phone-like queries have no short words: all of it fits in the MATCH.
    return {
      match: indexed.length ? `(${wordsMatch}) OR ${ftsPhrase(digits)}` : ftsPhrase(digits),
      sql: '',
      bindings: [],
    };
  }
  const checks = [
    ...(checked.length ? [allOf(checked, 'instr')] : []),
    ...needles.map((needle) => ({ sql: `instr(${TEXT_COLUMN}, ?) > 0`, bindings: [needle] })),
  ];
  return {
    match: wordsMatch,
    sql: checks.map((check) => check.sql).join(' AND '),
    bindings: checks.flatMap((check) => check.bindings),
  };
};

const trigger = (row: 'new' | 'old', remove: boolean) =>
  remove
    ? `INSERT INTO ${SEARCH_FTS}(${SEARCH_FTS}, rowid, search_text) VALUES ('delete', old.seq, old.search_text);`
    : `INSERT INTO ${SEARCH_FTS}(rowid, search_text) VALUES (${row}.seq, ${row}.search_text);`;

/**
 * SQLite: the rows are keyed by `seq` (the customer number's number), which is also the rowid of an
 * FTS5 table with the trigram tokenizer, so matches come out in number order.
 */
export const sqliteSearch: SearchDialect = {
  position: 'instr',
  seqColumn: 'seq',
  readsPastLimitInOneStatement: false,

  async ensure(knex) {
    await knex.raw(
      `CREATE TABLE IF NOT EXISTS ${SEARCH_TABLE} (seq INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL UNIQUE, ` +
        'document_id TEXT NOT NULL, customer_number TEXT, search_text TEXT NOT NULL)'
    );
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS ${SEARCH_TABLE}_number_idx ON ${SEARCH_TABLE} (customer_number)`
    );
    await knex.raw(
      `CREATE VIRTUAL TABLE IF NOT EXISTS ${SEARCH_FTS} USING fts5(search_text, content='${SEARCH_TABLE}', content_rowid='seq', tokenize='trigram')`
    );
    await knex.raw(
      `CREATE TRIGGER IF NOT EXISTS ${SEARCH_TABLE}_ai AFTER INSERT ON ${SEARCH_TABLE} BEGIN ${trigger('new', false)} END`
    );
    await knex.raw(
      `CREATE TRIGGER IF NOT EXISTS ${SEARCH_TABLE}_ad AFTER DELETE ON ${SEARCH_TABLE} BEGIN ${trigger('old', true)} END`
    );
    await knex.raw(
      `CREATE TRIGGER IF NOT EXISTS ${SEARCH_TABLE}_au AFTER UPDATE ON ${SEARCH_TABLE} BEGIN ${trigger('old', true)} ${trigger('new', false)} END`
    );
  },

  toTableRow: ({ number_seq, ...row }) => ({ seq: number_seq, ...row }),

  rowsOf: <T>(result: unknown) => result as T[],

  conditions(plan) {
    const prefixedLike = likeOf(plan.prefixWords, plan.prefixDigits, 'instr');
    const matches = fts(plan.words, plan.digits);
    return {
      prefixedLike,
      matches,
      prefixed: fts(plan.prefixWords, plan.prefixDigits),
      rest: {
        match: matches.match,
        sql: [matches.sql, `NOT ${prefixedLike.sql}`].filter(Boolean).join(' AND '),
        bindings: [...matches.bindings, ...prefixedLike.bindings],
      },
    };
  },

  matchTest: `${SEARCH_FTS} MATCH ?`,

  from: (condition) =>
    condition.match
      ? `${SEARCH_FTS} JOIN ${SEARCH_TABLE} AS i ON i.seq = ${SEARCH_FTS}.rowid`
      : `${SEARCH_TABLE} AS i`,

  numberOrder: (condition) => (condition.match ? `${SEARCH_FTS}.rowid` : 'i.seq'),
};
