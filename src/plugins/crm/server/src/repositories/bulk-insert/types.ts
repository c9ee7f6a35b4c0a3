import type { Knex } from 'knex';

import type { Column, TypedColumn } from './sql';

/** The rows of one insert of records: the given columns' values, then the timestamp columns'. */
export interface RecordInsert {
  table: string;
  given: Column[];
  stamped: Column[];
  /** each record's values of the given columns, stored as the dialect stores them */
  values: unknown[][];
  documentIds: string[];
  now: Date;
}

/** What differs between the databases in a bulk write: how values are stored and sent. */
export interface BulkDialect {
  /** a value as the column stores it */
  stored(column: Column, value: unknown): unknown;
  /** inserts records; returns their ids in the order of `documentIds` */
  insertRecords(knex: Knex, insert: RecordInsert): Promise<number[]>;
  /** plain rows into a table, values in the order of `columns` */
  insertRows(
    knex: Knex,
    table: string,
    columns: readonly TypedColumn[],
    rows: readonly unknown[][]
  ): Promise<void>;
  /** updates rows by id; each row is `[id, ...values of columns]` */
  updateRows(
    knex: Knex,
    table: string,
    columns: readonly TypedColumn[],
    rows: readonly unknown[][]
  ): Promise<void>;
}
