import type { Knex } from 'knex';

import type { SearchPlan } from '../../domain';
import type { Condition, PositionFunction, RankConditions } from './conditions';

export const SEARCH_TABLE = 'crm_search_index';

/** One row of the customer search index. */
export interface IndexRow {
  customer_id: number;
  document_id: string;
  customer_number: string | null;
  /** the number of the customer number: the order within a rank */
  number_seq: number;
  search_text: string;
}

/**
 * What differs between the databases in the search index: its tables (SQLite adds an FTS5 table
 * kept in step by triggers; PostgreSQL a pg_trgm GIN index), the column ordering rows by number,
 * and how a query's terms become conditions.
 */
export interface SearchDialect {
  position: PositionFunction;
  /** the column of the rows' order by customer number */
  seqColumn: 'seq' | 'number_seq';
  /** whether the word starts past the count limit can be read in the ranked statement itself */
  readsPastLimitInOneStatement: boolean;
  /** creates the tables, indexes and triggers that are missing */
  ensure(knex: Knex): Promise<void>;
  /** the table row of an index row */
  toTableRow(row: IndexRow): Record<string, unknown>;
  /** the rows of a `knex.raw` result */
  rowsOf<T>(result: unknown): T[];
  conditions(plan: SearchPlan): RankConditions;
  /** the test that hands a condition's `match` to the full-text table, if the dialect has one */
  matchTest: string | null;
  /** the FROM clause rows of `condition` are read from */
  from(condition: Condition): string;
  /** the ORDER BY of rows read in number order */
  numberOrder(condition: Condition): string;
}
