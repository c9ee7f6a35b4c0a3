import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import type { ImportRowOutcome, ImportRowStatus } from '../../../contracts';
import { yieldIfSliceIsOver } from '../utils/event-loop';
import { withKnex as withKnexOf } from '../utils/with-knex';
import { createBulkInsert, type TypedColumn } from './bulk-insert';

export const STAGING_TABLE = 'crm_import_rows';

/** A row's status: the contracts' list. */
export type StagedStatus = ImportRowStatus;

/** A file cell as kept: as read, or (SSN-shaped) encrypted with its mask. */
export type StoredCell = string | { s: string; m: string };

/** A judged row as written: line, cells (JSON), status, reason, data (JSON), company key, customer id. */
export type EncodedRow = [
  number,
  string,
  StagedStatus,
  string | null,
  string | null,
  string | null,
  number | null,
];

export interface StagedRow {
  id: number;
  line: number;
  /** The file's cells, SSN-shaped ones encrypted (see staged-cells.ts); empty once purged. */
  cells: StoredCell[];
  status: StagedStatus | null;
  reason: string | null;
  /** The judged values (a contact's or a customer's, by the job's type); null until judged. */
  data: unknown;
  companyKey: string | null;
  customerId: number | null;
}

/** Records an imported row made besides its own: a customer's contact points, by kind. */
export type RelatedIds = Partial<Record<'address' | 'phone' | 'email', number[]>>;

/** What an imported row did to its record (null on rows imported before outcomes were kept: created). */
export type RowOutcomeKind = ImportRowOutcome;

/** What judging a row decided: its status, the reason of an invalid row, its values and company. */
export interface RowOutcome {
  status: StagedStatus;
  reason: string | null;
  data: unknown;
  companyKey: string | null;
  customerId: number | null;
}

const BATCH = 500;
const WRITE_BATCH = 2000;
const COLUMN_TYPES: Record<string, string> = {
  status: 'text',
  reason: 'text',
  data: 'text',
  company_key: 'text',
  customer_id: 'int',
  record_id: 'int',
  related_ids: 'text',
  cells: 'text',
  outcome: 'text',
  snapshot: 'text',
};
/**
 * Lines per statement when all of a job's rows are counted or searched: each statement reads one
 * range of the (job, line) index, about 10 ms on SQLite, and the event loop gets a turn between
 * them. One statement over a million rows would hold SQLite's synchronous driver for half a second.
 */
const LINES_PER_STATEMENT = 20_000;
/** What the runner reads of a pending row (not the file's cells). */
const PENDING_COLUMNS = ['id', 'line', 'data', 'company_key', 'customer_id'];

/**
 * The rows of every import, one table row each, so a job can be validated, inspected, resumed and
 * undone: raw cells as uploaded, then the validated values, the status with its reason, the
 * customer the row's company matched, and the record the row made. Plain knex, not a content
 * type: a million rows need no documentId, and the admin has nothing to edit here.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const withKnex = <T>(work: (knex: Knex) => Promise<T>) => withKnexOf(strapi, work);
  const bulk = createBulkInsert(strapi);
  const parse = <T>(value: unknown): T | null =>
    value === null || value === undefined ? null : (JSON.parse(String(value)) as T);
  const toRow = (row: Record<string, unknown>): StagedRow => ({
    id: Number(row.id),
    line: Number(row.line),
    cells: parse<StoredCell[]>(row.cells) ?? [],
    status: (row.status as StagedStatus | null) ?? null,
    reason: (row.reason as string | null) ?? null,
    data: parse<unknown>(row.data),
    companyKey: (row.company_key as string | null) ?? null,
    customerId:
      row.customer_id === null || row.customer_id === undefined ? null : Number(row.customer_id),
  });

  /**
   * The job's lines in ranges of `LINES_PER_STATEMENT` (`after` < line ≤ `upTo`), up to its last
   * line; between ranges, the event loop gets a turn when its slice is over.
   */
  async function* lineRanges(jobId: number): AsyncGenerator<{ after: number; upTo: number }> {
    const top = await knex()(STAGING_TABLE).where('job_id', jobId).max({ line: 'line' }).first();
    const last = Number((top as { line?: unknown } | undefined)?.line ?? 0);
    for (let after = 0; after < last; after += LINES_PER_STATEMENT) {
      yield { after, upTo: Math.min(after + LINES_PER_STATEMENT, last) };
      await yieldIfSliceIsOver();
    }
  }
  const inRange = (jobId: number, { after, upTo }: { after: number; upTo: number }) =>
    knex()(STAGING_TABLE)
      .where('job_id', jobId)
      .andWhere('line', '>', after)
      .andWhere('line', '<=', upTo);

  /** The company cell of the rows at these lines. */
  const spellingsAt = async (jobId: number, lines: number[]): Promise<Map<number, string>> => {
    const spelled = new Map<number, string>();
    for (let i = 0; i < lines.length; i += BATCH) {
      const rows = await knex()(STAGING_TABLE)
        .select('line', 'data')
        .where('job_id', jobId)
        .whereIn('line', lines.slice(i, i + BATCH));
      for (const row of rows)
        spelled.set(
          Number(row.line),
          String((parse<{ company?: string }>(row.data) ?? {}).company ?? '')
        );
    }
    return spelled;
  };

  return {
    /** Stores rows as read from the file and judged (see `encodeStagedRow`). */
    async insert(jobId: number, rows: EncodedRow[]): Promise<void> {
      const columns: TypedColumn[] = [
        ['job_id', 'int'],
        ['line', 'int'],
        ['cells', 'text'],
        ['status', 'text'],
        ['reason', 'text'],
        ['data', 'text'],
        ['company_key', 'text'],
        ['customer_id', 'int'],
      ];
      for (let i = 0; i < rows.length; i += WRITE_BATCH) {
        const batch = rows.slice(i, i + WRITE_BATCH).map((row) => [jobId, ...row]);
        await strapi.db.transaction(({ trx }) => bulk.rows(trx, STAGING_TABLE, columns, batch));
      }
    },

    /**
     * Refreshes PostgreSQL's statistics of the table once an upload is staged. Without them the
     * planner takes a fresh job for a row or two and, at every page, reads all of the job's rows
     * after the page's line and sorts them, where walking the (job, line) index reads one page.
     */
    async analyze(): Promise<void> {
      if (strapi.db.dialect.client === 'postgres') await knex().raw(`ANALYZE ${STAGING_TABLE}`);
    },

    /** Rows of a job in line order, `size` at a time after `afterLine`. */
    async page(
      jobId: number,
      afterLine: number,
      size: number,
      status?: StagedStatus
    ): Promise<StagedRow[]> {
      const rows = await knex()(STAGING_TABLE)
        .where('job_id', jobId)
        .andWhere('line', '>', afterLine)
        .modify((query) => (status ? query.andWhere('status', status) : query))
        .orderBy('line')
        .limit(size);
      return rows.map(toRow);
    },

    /** Valid rows not yet imported, in line order, after `afterLine` (walks the job's line index). */
    async pending(jobId: number, afterLine: number, size: number): Promise<StagedRow[]> {
      const rows = await knex()(STAGING_TABLE)
        .select(PENDING_COLUMNS)
        .where({ job_id: jobId, status: 'valid' })
        .andWhere('line', '>', afterLine)
        .orderBy('line')
        .limit(size);
      return rows.map(toRow);
    },

    /** How many of a job's rows have a final status (imported, ignored, invalid or failed). */
    async settled(jobId: number): Promise<number> {
      let settled = 0;
      for await (const range of lineRanges(jobId)) {
        const row = await inRange(jobId, range)
          .whereNot('status', 'valid')
          .count({ n: '*' })
          .first();
        settled += Number(row?.n ?? 0);
      }
      return settled;
    },

    /** Rows that were not imported (invalid, skipped or failed), in line order, after `afterLine`. */
    async notImported(jobId: number, afterLine: number, size: number): Promise<StagedRow[]> {
      const rows = await knex()(STAGING_TABLE)
        .where('job_id', jobId)
        .whereIn('status', ['invalid', 'ignored', 'failed'])
        .andWhere('line', '>', afterLine)
        .orderBy('line')
        .limit(size);
      return rows.map(toRow);
    },

    /** Writes many rows' results (after a mapping change), a batch per statement. */
    async record(updates: ({ id: number } & RowOutcome)[]) {
      const rows = updates.map((update) => [
        update.id,
        update.status,
        update.reason,
        update.data === null || update.data === undefined ? null : JSON.stringify(update.data),
        update.companyKey,
        update.customerId,
      ]);
      await this.updateMany(['status', 'reason', 'data', 'company_key', 'customer_id'], rows);
    },

    /** Sets the status and reason of these rows (in the current transaction, if any). */
    async markRows(
      ids: readonly number[],
      status: StagedStatus,
      reason: string | null
    ): Promise<void> {
      if (ids.length === 0) return;
      await withKnex(async (db) => {
        for (let i = 0; i < ids.length; i += BATCH) {
          await db(STAGING_TABLE)
            .whereIn('id', ids.slice(i, i + BATCH))
            .update({ status, reason });
        }
      });
    },

    /** Sets each row's own status and reason. */
    async markEach(
      updates: readonly { id: number; status: StagedStatus; reason: string | null }[]
    ): Promise<void> {
      if (updates.length === 0) return;
      await this.updateMany(
        ['status', 'reason'],
        updates.map(({ id, status, reason }) => [id, status, reason])
      );
    },

    /** The first line of the job's rows that made or updated each of these records (those it wrote). */
    async linesOfRecords(
      jobId: number,
      recordIds: readonly number[]
    ): Promise<Map<number, number>> {
      const lines = new Map<number, number>();
      await withKnex(async (db) => {
        for (let i = 0; i < recordIds.length; i += BATCH) {
          const rows = await db(STAGING_TABLE)
            .select('line', 'record_id')
            .where({ job_id: jobId, status: 'imported' })
            .whereIn('record_id', recordIds.slice(i, i + BATCH));
          for (const row of rows as { line: unknown; record_id: unknown }[]) {
            const line = Number(row.line);
            const known = lines.get(Number(row.record_id));
            if (known === undefined || line < known) lines.set(Number(row.record_id), line);
          }
        }
      });
      return lines;
    },

    /**
     * Marks rows imported with the record each wrote, what it did to it, the records made with it,
     * and, for an update, the snapshot an undo restores from.
     */
    async markImported(
      pairs: {
        id: number;
        recordId: number;
        related?: RelatedIds;
        outcome?: RowOutcomeKind;
        snapshot?: unknown;
      }[]
    ) {
      await this.updateMany(
        ['status', 'record_id', 'related_ids', 'outcome', 'snapshot'],
        pairs.map(({ id, recordId, related, outcome, snapshot }) => [
          id,
          'imported',
          recordId,
          related ? JSON.stringify(related) : null,
          outcome ?? 'created',
          snapshot === undefined ? null : JSON.stringify(snapshot),
        ])
      );
    },

    /** The imported rows of a job, `size` at a time after `afterLine`: row, record made, records made with it. */
    async imported(
      jobId: number,
      afterLine: number,
      size: number
    ): Promise<
      {
        id: number;
        line: number;
        recordId: number;
        related: RelatedIds;
        outcome: RowOutcomeKind;
        snapshot: unknown;
      }[]
    > {
      const rows = await withKnex((db) =>
        db(STAGING_TABLE)
          .select('id', 'line', 'record_id', 'related_ids', 'outcome', 'snapshot')
          .where({ job_id: jobId, status: 'imported' })
          .andWhere('line', '>', afterLine)
          .orderBy('line')
          .limit(size)
      );
      return rows.map((row: Record<string, unknown>) => ({
        id: Number(row.id),
        line: Number(row.line),
        recordId: Number(row.record_id),
        related: parse<RelatedIds>(row.related_ids) ?? {},
        outcome: (row.outcome as RowOutcomeKind | null) ?? 'created',
        snapshot: parse<unknown>(row.snapshot),
      }));
    },

    /** Forgets the file's cells and values of a job's rows; their line, status and reason stay countable. */
    async purgeCells(jobId: number): Promise<number> {
      return withKnex((db) =>
        db(STAGING_TABLE).where('job_id', jobId).update({ cells: '[]', data: null })
      );
    },

    /** `rows` are `[id, ...values of columns]`; joins the caller's transaction when there is one. */
    async updateMany(columns: string[], rows: unknown[][]) {
      const typed = columns.map((column): TypedColumn => [column, COLUMN_TYPES[column]]);
      for (let i = 0; i < rows.length; i += WRITE_BATCH) {
        await strapi.db.transaction(({ trx }) =>
          bulk.update(trx, STAGING_TABLE, typed, rows.slice(i, i + WRITE_BATCH))
        );
      }
    },

    /**
     * Valid rows whose company matched no customer, grouped by company, each group named as its
     * first row spells the company.
     */
    async unmatchedGroups(
      jobId: number
    ): Promise<{ key: string; rows: number; company: string; firstLine: number }[]> {
      const groups = await knex()(STAGING_TABLE)
        .select('company_key')
        .count({ rows: '*' })
        .min({ first_line: 'line' })
        .where({ job_id: jobId, status: 'valid' })
        .whereNull('customer_id')
        .whereNotNull('company_key')
        .groupBy('company_key')
        .orderBy('company_key');
      const spelled = await spellingsAt(
        jobId,
        groups.map((group: Record<string, unknown>) => Number(group.first_line))
      );
      return groups.map((group: Record<string, unknown>) => ({
        key: String(group.company_key),
        rows: Number(group.rows),
        firstLine: Number(group.first_line),
        company: spelled.get(Number(group.first_line)) || String(group.company_key),
      }));
    },

    /** The name of each company group as its first row spells it, whatever the rows' status now. */
    async companyNames(jobId: number, keys: string[]): Promise<Map<string, string>> {
      const names = new Map<string, string>();
      for (let i = 0; i < keys.length; i += BATCH) {
        const firsts = (await knex()(STAGING_TABLE)
          .select('company_key')
          .min({ first_line: 'line' })
          .where('job_id', jobId)
          .whereIn('company_key', keys.slice(i, i + BATCH))
          .whereNotNull('data')
          .groupBy('company_key')) as Record<string, unknown>[];
        const spelled = await spellingsAt(
          jobId,
          firsts.map((row: Record<string, unknown>) => Number(row.first_line))
        );
        for (const row of firsts)
          names.set(
            String(row.company_key),
            spelled.get(Number(row.first_line)) || String(row.company_key)
          );
      }
      return names;
    },

    /** One page of a job's rows with the given statuses, in line order, and how many there are. */
    async list(
      jobId: number,
      statuses: readonly (StagedStatus | RowOutcomeKind)[],
      offset: number,
      limit: number
    ): Promise<{ rows: (StagedRow & { outcome: RowOutcomeKind | null })[]; total: number }> {
      // An outcome selects the imported rows that had it; rows imported before outcomes were kept created.
      const outcomes = statuses.filter((status): status is RowOutcomeKind =>
        ['created', 'updated', 'unchanged'].includes(status)
      );
      const plain = statuses.filter((status) => !outcomes.includes(status as RowOutcomeKind));
      const where = () =>
        knex()(STAGING_TABLE)
          .where('job_id', jobId)
          .andWhere((query) => {
            query.whereIn('status', plain);
            if (outcomes.length)
              query.orWhere((imported) =>
                imported.where('status', 'imported').andWhere((outcome) => {
                  outcome.whereIn('outcome', outcomes);
                  if (outcomes.includes('created')) outcome.orWhereNull('outcome');
                })
              );
          });
      const [rows, count] = await Promise.all([
        where().orderBy('line').offset(offset).limit(limit),
        where().count({ n: '*' }).first(),
      ]);
      return {
        rows: rows.map((row: Record<string, unknown>) => ({
          ...toRow(row),
          outcome:
            row.status === 'imported'
              ? ((row.outcome as RowOutcomeKind | null) ?? 'created')
              : null,
        })),
        total: Number((count as { n?: unknown } | undefined)?.n ?? 0),
      };
    },

    /** Rows by status, and imported rows also by outcome (`created`, `updated`, `unchanged`). */
    async counts(jobId: number): Promise<Record<string, number>> {
      const counted: Record<string, number> = {};
      for await (const range of lineRanges(jobId)) {
        const rows = await inRange(jobId, range)
          .select('status', 'outcome')
          .count({ n: '*' })
          .groupBy('status', 'outcome');
        for (const row of rows as Record<string, unknown>[]) {
          const status = String(row.status);
          counted[status] = (counted[status] ?? 0) + Number(row.n);
          if (status === 'imported') {
            const outcome = String(row.outcome ?? 'created');
            counted[outcome] = (counted[outcome] ?? 0) + Number(row.n);
          }
        }
      }
      return counted;
    },

    /** Row-level problems of invalid rows, line by line (`reason` holds them as JSON). */
    async issues(
      jobId: number,
      limit: number
    ): Promise<{ line: number; field: string; reason: string }[]> {
      const rows: Record<string, unknown>[] = [];
      for await (const range of lineRanges(jobId)) {
        if (rows.length >= limit) break;
        rows.push(
          ...(await inRange(jobId, range)
            .select('line', 'reason')
            .andWhere('status', 'invalid')
            .orderBy('line')
            .limit(limit - rows.length))
        );
      }
      return rows.flatMap((row: Record<string, unknown>) =>
        (parse<{ field: string; reason: string }[]>(row.reason) ?? []).map((issue) => ({
          line: Number(row.line),
          ...issue,
        }))
      );
    },

    async remove(jobId: number): Promise<void> {
      await knex()(STAGING_TABLE).where('job_id', jobId).delete();
    },
  };
};
