import type { Core } from '@strapi/strapi';

import { CONTACT_UID } from '../../utils/uids';
import { createCompanyKeys } from '../company-keys';
import { createDuplicateScanResults } from '../duplicate-scan-results';
import { createMatchKeys } from '../match-keys';
import { createScanCandidates } from '../scan-candidates';
import { createSearchRepository } from '../search';
import { contactIndexStatements } from './contact-indexes';
import { ensureImportRowsTable } from './import-rows-table';

/**
 * The version of the database objects the content types do not declare: the search index (tables,
 * and on SQLite its FTS5 table and triggers), the import rows table and its indexes, the duplicate
 * matcher's keys, the company keys of imports, and the contact name indexes.
 * Raise it when a step changes what it creates.
 */
export const SCHEMA_VERSION = 6;

const STORE_KEY = 'schema';

interface SchemaStep {
  name: string;
  run(): Promise<void>;
}

/** What the step recorded last, in the plugin's store. */
export interface SchemaRecord {
  version: number;
  appliedAt: string;
}

/**
 * Creates what is missing of those objects, in one ordered list of idempotent steps (every
 * statement is "if not exists"), on every start: a restored or hand-edited database gets them
 * back. The version applied is recorded in the plugin's store. A failing step stops start-up
 * with its name and the database's message, rather than leaving a plugin that fails at its first
 * search or import.
 */
export const createSchemaStep = (strapi: Core.Strapi) => {
  const knex = () => strapi.db.connection;
  const store = () => strapi.store({ type: 'plugin', name: 'crm' });
  const dialect = () => (strapi.db.dialect.client === 'sqlite' ? 'sqlite' : 'postgres');

  const steps: SchemaStep[] = [
    { name: 'import rows table', run: () => ensureImportRowsTable(knex()) },
    { name: 'customer search index', run: () => createSearchRepository(strapi).ensure() },
    { name: 'duplicate match keys', run: () => createMatchKeys(strapi).ensure() },
    { name: 'company keys', run: () => createCompanyKeys(strapi).ensure() },
    { name: 'duplicate scan results', run: () => createDuplicateScanResults(strapi).ensure() },
    { name: 'duplicate scan key counts', run: () => createScanCandidates(strapi).ensure() },
    {
      name: 'contact name indexes',
      run: async () => {
        for (const statement of contactIndexStatements(
          strapi.db.metadata.get(CONTACT_UID).tableName,
          dialect()
        )) {
          await knex().raw(statement);
        }
      },
    },
  ];

  return {
    /** The version recorded by the last start, or null before the first. */
    async recorded(): Promise<SchemaRecord | null> {
      return ((await store().get({ key: STORE_KEY })) as SchemaRecord | null) ?? null;
    },

    /** Runs every step; returns the version recorded before, if any. */
    async apply(): Promise<{ before: number | null; version: number }> {
      const before = (await this.recorded())?.version ?? null;
      for (const step of steps) {
        try {
          await step.run();
        } catch (error) {
          throw new Error(
            `[crm] could not create the ${step.name} (database objects version ${SCHEMA_VERSION}): ${(error as Error).message}. ` +
              'Start-up stopped; fix the cause (database rights, a missing extension) and start again.',
            { cause: error }
          );
        }
      }
      if (before !== SCHEMA_VERSION) {
        await store().set({
          key: STORE_KEY,
          value: {
            version: SCHEMA_VERSION,
            appliedAt: new Date().toISOString(),
          } satisfies SchemaRecord,
        });
      }
      return { before, version: SCHEMA_VERSION };
    },
  };
};

/** Registered as the plugin's `schema` service. */
export default ({ strapi }: { strapi: Core.Strapi }) => createSchemaStep(strapi);
