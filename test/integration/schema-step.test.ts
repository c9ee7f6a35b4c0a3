import { SCHEMA_VERSION } from '../../src/plugins/crm/server/src/repositories/schema';
import { useTestApp } from '../helpers/strapi';

// The database objects the content types do not declare, made by one versioned, idempotent step.
const app = useTestApp();
const schema = () => app.strapi.plugin('crm').service('schema');
const knex = () => app.strapi.db.connection;
const isSqlite = () => app.strapi.db.dialect.client === 'sqlite';

const indexNames = async (table: string): Promise<string[]> => {
  if (isSqlite()) {
    const rows = await knex().raw(
      `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`,
      [table]
    );
    return rows.map((row: { name: string }) => row.name);
  }
  const result = await knex().raw('SELECT indexname AS name FROM pg_indexes WHERE tablename = ?', [
    table,
  ]);
  return result.rows.map((row: { name: string }) => row.name);
};

describe('schema step', () => {
  it('records its version once the objects exist', async () => {
    const recorded = await schema().recorded();
    expect(recorded).toEqual({ version: SCHEMA_VERSION, appliedAt: expect.any(String) });
    expect(await knex().schema.hasTable('crm_search_index')).toBe(true);
    expect(await knex().schema.hasTable('crm_import_rows')).toBe(true);
    expect(await indexNames('crm_contacts')).toEqual(
      expect.arrayContaining(['crm_contacts_first_name_idx', 'crm_contacts_last_name_lower_idx'])
    );
  });

  it('puts back what is missing and can run again', async () => {
    await knex().raw('DROP INDEX crm_contacts_first_name_lower_idx');
    await knex().schema.dropTable('crm_import_rows');
    expect(await schema().apply()).toEqual({ before: SCHEMA_VERSION, version: SCHEMA_VERSION });
    expect(await indexNames('crm_contacts')).toContain('crm_contacts_first_name_lower_idx');
    expect(await knex().schema.hasColumn('crm_import_rows', 'related_ids')).toBe(true);
    await expect(schema().apply()).resolves.toEqual({
      before: SCHEMA_VERSION,
      version: SCHEMA_VERSION,
    });
  });

  it('stops with the failing step and the database message', async () => {
    await knex().schema.dropTable('crm_import_rows');
    await knex().raw('CREATE VIEW crm_import_rows AS SELECT 1 AS id');
    try {
      await expect(schema().apply()).rejects.toThrow(
        /could not create the import rows table .*Start-up stopped/
      );
    } finally {
      await knex().raw('DROP VIEW crm_import_rows');
      await schema().apply();
    }
    expect(await knex().schema.hasTable('crm_import_rows')).toBe(true);
  });
});
