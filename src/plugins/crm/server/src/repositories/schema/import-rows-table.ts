import type { Knex } from 'knex';

import { STAGING_TABLE } from '../import-rows';

/** The import rows table and its indexes, with the columns later versions added. */
export const ensureImportRowsTable = async (knex: Knex): Promise<void> => {
  if (!(await knex.schema.hasTable(STAGING_TABLE))) {
    await knex.schema.createTable(STAGING_TABLE, (table) => {
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
      table.index(['job_id', 'company_key'], 'crm_import_rows_job_company_idx');
    });
  }
  if (!(await knex.schema.hasColumn(STAGING_TABLE, 'related_ids'))) {
    await knex.schema.alterTable(STAGING_TABLE, (table) => table.text('related_ids'));
  }
  // What an imported row did to its record, and for an update the values an undo restores.
  if (!(await knex.schema.hasColumn(STAGING_TABLE, 'outcome'))) {
    await knex.schema.alterTable(STAGING_TABLE, (table) => {
      table.string('outcome', 16);
      table.text('snapshot');
    });
  }
  // A row of a re-imported file is told from an earlier row of the same file by the record that
  // row made: looked up by record id, batch after batch.
  await knex.raw(
    `CREATE INDEX IF NOT EXISTS crm_import_rows_job_record_idx ON ${STAGING_TABLE} (job_id, record_id)`
  );
  // No index holds the status: every imported row changes it, and rows of one status are
  // walked in line order through the (job_id, line) index anyway.
  await knex.raw('DROP INDEX IF EXISTS crm_import_rows_job_status_idx');
  await knex.raw('DROP INDEX IF EXISTS crm_import_rows_job_status_line_idx');
};
