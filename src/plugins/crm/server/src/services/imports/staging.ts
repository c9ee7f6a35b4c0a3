import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export const STAGING_TABLE = 'crm_import_rows';
export type StagedStatus = 'valid' | 'invalid' | 'imported' | 'ignored' | 'failed';

export interface StagedRow {
  id: number;
  line: number;
  cells: string[];
  status: StagedStatus | null;
  reason: string | null;
  data: Record<string, unknown> | null;
  companyKey: string | null;
  customerId: number | null;
}

/** What judging a row decided: its status, the reason of an invalid row, its values and company. */
export interface RowOutcome {
  status: StagedStatus;
  reason: string | null;
  data: unknown;
  companyKey: string | null;
  customerId: number | null;
}

const BATCH = 500;

/**
 * The rows of every import, one table row each, so a job can be validated, inspected, resumed and
 * undone: raw cells as uploaded, then the validated values, the status with its reason, the
 * customer the row's company matched, and the record the row made. Plain knex, not a content
 * type: a million rows need no documentId, and the admin has nothing to edit here.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;
  const parse = <T>(value: unknown): T | null => (value === null || value === undefined ? null : (JSON.parse(String(value)) as T));
  const toRow = (row: Record<string, unknown>): StagedRow => ({
    id: Number(row.id),
    line: Number(row.line),
    cells: parse<string[]>(row.cells) ?? [],
    status: (row.status as StagedStatus | null) ?? null,
    reason: (row.reason as string | null) ?? null,
    data: parse<Record<string, unknown>>(row.data),
    companyKey: (row.company_key as string | null) ?? null,
    customerId: row.customer_id === null || row.customer_id === undefined ? null : Number(row.customer_id),
  });

  /** The company cell of the rows at these lines. */
  const spellingsAt = async (jobId: number, lines: number[]): Promise<Map<number, string>> => {
    const spelled = new Map<number, string>();
    for (let i = 0; i < lines.length; i += BATCH) {
      const rows = await knex()(STAGING_TABLE).select('line', 'data').where('job_id', jobId).whereIn('line', lines.slice(i, i + BATCH));
      for (const row of rows) spelled.set(Number(row.line), String((parse<{ company?: string }>(row.data) ?? {}).company ?? ''));
    }
    return spelled;
  };

  return {
    /** Creates the table and its indexes once; safe on every start. */
    async ensureTable(): Promise<void> {
      if (await knex().schema.hasTable(STAGING_TABLE)) return;
      await knex().schema.createTable(STAGING_TABLE, (table) => {
        table.bigIncrements('id');
        table.integer('job_id').notNullable();
        table.integer('line').notNullable();
        table.text('cells').notNullable();
        table.string('status', 16);
        table.text('reason');
        table.text('data');
        table.string('company_key', 255);
        table.integer('customer_id');
        table.integer('record_id');
        table.unique(['job_id', 'line'], { indexName: 'crm_import_rows_job_line_uq' });
        table.index(['job_id', 'status'], 'crm_import_rows_job_status_idx');
        table.index(['job_id', 'company_key'], 'crm_import_rows_job_company_idx');
      });
    },

    /** Stores rows as read from the file, judged already when `outcome` fields are given. */
    async insert(jobId: number, rows: ({ line: number; cells: string[] } & Partial<RowOutcome>)[]): Promise<void> {
      for (let i = 0; i < rows.length; i += BATCH) {
        await knex()(STAGING_TABLE).insert(
          rows.slice(i, i + BATCH).map((row) => ({
            job_id: jobId,
            line: row.line,
            cells: JSON.stringify(row.cells),
            status: row.status ?? null,
            reason: row.reason ?? null,
            data: row.data === null || row.data === undefined ? null : JSON.stringify(row.data),
            company_key: row.companyKey ?? null,
            customer_id: row.customerId ?? null,
          }))
        );
      }
    },

    /** Rows of a job in line order, `size` at a time after `afterLine`. */
    async page(jobId: number, afterLine: number, size: number): Promise<StagedRow[]> {
      const rows = await knex()(STAGING_TABLE).where('job_id', jobId).andWhere('line', '>', afterLine).orderBy('line').limit(size);
      return rows.map(toRow);
    },

    /** Valid rows not yet imported, in line order, after `afterLine` (walks the job's line index). */
    async pending(jobId: number, afterLine: number, size: number): Promise<StagedRow[]> {
      const rows = await knex()(STAGING_TABLE).where({ job_id: jobId, status: 'valid' }).andWhere('line', '>', afterLine).orderBy('line').limit(size);
      return rows.map(toRow);
    },

    /** How many of a job's rows have a final status (imported, ignored, invalid or failed). */
    async settled(jobId: number): Promise<number> {
      const row = await knex()(STAGING_TABLE).where('job_id', jobId).whereNot('status', 'valid').count({ n: '*' }).first();
      return Number(row?.n ?? 0);
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

    /**
     * Writes many rows' results with one UPDATE per batch (per-row UPDATEs were the largest cost
     * of an import): `UPDATE … FROM unnest(…)` on PostgreSQL, `WITH v AS (VALUES …) UPDATE … FROM v`
     * on SQLite.
     */
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

    /** Marks rows imported with the id of the record each made. */
    async markImported(pairs: { id: number; recordId: number }[]) {
      await this.updateMany(['status', 'record_id'], pairs.map(({ id, recordId }) => [id, 'imported', recordId]));
    },

    /** `rows` are `[id, ...values of columns]`; one statement per 500 rows. */
    async updateMany(columns: string[], rows: unknown[][]) {
      const types: Record<string, string> = { status: 'text', reason: 'text', data: 'text', company_key: 'text', customer_id: 'integer', record_id: 'integer' };
      const work = async (trx: Knex) => {
        for (let i = 0; i < rows.length; i += BATCH) {
          const batch = rows.slice(i, i + BATCH);
          if (strapi.db.dialect.client === 'postgres') {
            const arrays = [batch.map((row) => row[0]), ...columns.map((_, c) => batch.map((row) => row[c + 1]))];
            const unnest = [`unnest(?::bigint[]) AS id`, ...columns.map((column) => `unnest(?::${types[column]}[]) AS ${column}`)].join(', ');
            await trx.raw(
              `UPDATE ${STAGING_TABLE} AS r SET ${columns.map((column) => `${column} = v.${column}`).join(', ')} FROM (SELECT ${unnest}) AS v WHERE r.id = v.id`,
              arrays
            );
          } else {
            const placeholders = batch.map(() => `(${['?', ...columns.map(() => '?')].join(', ')})`).join(', ');
            await trx.raw(
              `WITH v(id, ${columns.join(', ')}) AS (VALUES ${placeholders}) UPDATE ${STAGING_TABLE} SET ${columns
                .map((column) => `${column} = v.${column}`)
                .join(', ')} FROM v WHERE ${STAGING_TABLE}.id = v.id`,
              batch.flat().map((value) => (value === undefined ? null : value))
            );
          }
        }
      };
      // Joins the caller's transaction when there is one.
      await strapi.db.transaction(({ trx }) => work(trx as unknown as Knex));
    },

    /**
     * Valid rows whose company matched no customer, grouped by company, each group named as its
     * first row spells the company.
     */
    async unmatchedGroups(jobId: number): Promise<{ key: string; rows: number; company: string; firstLine: number }[]> {
      const groups = await knex()(STAGING_TABLE)
        .select('company_key')
        .count({ rows: '*' })
        .min({ first_line: 'line' })
        .where({ job_id: jobId, status: 'valid' })
        .whereNull('customer_id')
        .whereNotNull('company_key')
        .groupBy('company_key')
        .orderBy('company_key');
      const spelled = await spellingsAt(jobId, groups.map((group: Record<string, unknown>) => Number(group.first_line)));
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
        const spelled = await spellingsAt(jobId, firsts.map((row: Record<string, unknown>) => Number(row.first_line)));
        for (const row of firsts) names.set(String(row.company_key), spelled.get(Number(row.first_line)) || String(row.company_key));
      }
      return names;
    },

    /** One page of a job's rows with the given statuses, in line order, and how many there are. */
    async list(jobId: number, statuses: readonly StagedStatus[], offset: number, limit: number): Promise<{ rows: StagedRow[]; total: number }> {
      const where = () => knex()(STAGING_TABLE).where('job_id', jobId).whereIn('status', [...statuses]);
      const [rows, count] = await Promise.all([
        where().orderBy('line').offset(offset).limit(limit),
        where().count({ n: '*' }).first(),
      ]);
      return { rows: rows.map(toRow), total: Number((count as { n?: unknown } | undefined)?.n ?? 0) };
    },

    async counts(jobId: number): Promise<Record<string, number>> {
      const rows = await knex()(STAGING_TABLE).select('status').count({ n: '*' }).where('job_id', jobId).groupBy('status');
      return Object.fromEntries(rows.map((row: Record<string, unknown>) => [String(row.status), Number(row.n)]));
    },

    /** Row-level problems of invalid rows, line by line (`reason` holds them as JSON). */
    async issues(jobId: number, limit: number): Promise<{ line: number; field: string; reason: string }[]> {
      const rows = await knex()(STAGING_TABLE)
        .select('line', 'reason')
        .where({ job_id: jobId, status: 'invalid' })
        .orderBy('line')
        .limit(limit);
      return rows.flatMap((row: Record<string, unknown>) =>
        (parse<{ field: string; reason: string }[]>(row.reason) ?? []).map((issue) => ({ line: Number(row.line), ...issue }))
      );
    },

    async remove(jobId: number): Promise<void> {
      await knex()(STAGING_TABLE).where('job_id', jobId).delete();
    },
  };
};
