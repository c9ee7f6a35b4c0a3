import type { SearchTerm } from '../../domain';

/** SQL (with bindings) for a condition over the index text; `match` is SQLite's FTS5 expression. */
export interface Condition {
  sql: string;
  bindings: string[];
  match?: string;
}

/** The conditions of a query's ranks: every term, each at a word start, and the matches that are not. */
export interface RankConditions {
  matches: Condition;
  prefixed: Condition;
  rest: Condition;
  /** `prefixed` as LIKE tests only, for a CASE over rows already matched */
  prefixedLike: Condition;
}

/** The string-position function of the dialect: `instr` (SQLite) or `strpos` (PostgreSQL). */
export type PositionFunction = 'instr' | 'strpos';

export const TEXT_COLUMN = 'i.search_text';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);
const likePattern = (term: SearchTerm) => `%${term.wordStart ? ' ' : ''}${escapeLike(term.text)}%`;

/**
 * A trigram index reads one list of rows per trigram of a pattern, so a whole email address costs
 * as much as its most common parts ("gmail.com" is in half the rows), and a customer number as much
 * as "c-" (in every row). The index is asked for the end of an email's local part ("…smith1980@")
 * or a number's digits; the full text is then checked on those few rows.
 */
const NARROWED_LOCAL_PART = 12;
export const narrow = (term: SearchTerm): { indexed: SearchTerm; needle: string | null } => {
  // Every row holds "c-…", so a customer number is looked up by its digits.
  const number = /^c-(\d{3,})$/.exec(term.text);
  if (number)
    return {
      indexed: { text: number[1], wordStart: false },
      needle: `${term.wordStart ? ' ' : ''}${term.text}`,
    };
  const at = term.text.indexOf('@');
  if (at < 3 || term.text.length <= NARROWED_LOCAL_PART + 1) return { indexed: term, needle: null };
  const start = Math.max(0, at - NARROWED_LOCAL_PART);
  return {
    indexed: { text: term.text.slice(start, at + 1), wordStart: term.wordStart && start === 0 },
    needle: `${term.wordStart ? ' ' : ''}${term.text}`,
  };
};

/** Every term in the index text: a LIKE the trigram index serves, plus the full-text check of narrowed terms. */
export const allOf = (terms: SearchTerm[], position: PositionFunction): Condition => {
  if (terms.length === 0) return { sql: '1 = 0', bindings: [] };
  const parts = terms.map((term) => {
    const { indexed, needle } = narrow(term);
    const like = `${TEXT_COLUMN} LIKE ? ESCAPE '\\'`;
    return needle
      ? {
          sql: `${like} AND ${position}(${TEXT_COLUMN}, ?) > 0`,
          bindings: [likePattern(indexed), needle],
        }
      : { sql: like, bindings: [likePattern(indexed)] };
  });
  return {
    sql: parts.map((part) => part.sql).join(' AND '),
    bindings: parts.flatMap((part) => part.bindings),
  };
};

export const either = (left: Condition, right: Condition | null): Condition =>
  right
    ? { sql: `((${left.sql}) OR (${right.sql}))`, bindings: [...left.bindings, ...right.bindings] }
    : { sql: `(${left.sql})`, bindings: left.bindings };

/** The words, or the phone digits, as LIKE tests. */
export const likeOf = (
  words: SearchTerm[],
  digits: SearchTerm | null,
  position: PositionFunction
): Condition => either(allOf(words, position), digits ? allOf([digits], position) : null);
