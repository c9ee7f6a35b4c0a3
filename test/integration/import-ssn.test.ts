import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { idOf, uploadCsv, waitForImport } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';
import { apiToken } from '../helpers/users';

// A customers file may carry social security numbers, in the column meant for them or anywhere
// else: none is ever written to the database or shown in clear, and the SSN column imports
// through the same rules as REST.
const app = useTestApp();

const CSV = [
  'Type,First Name,Last Name,SSN,Reference,Notes',
  'individual,Sam,Secure,123-45-6789,078-05-1120,plain',
  'individual,Sue,Secret,219099999,ref,plain',
  'individual,Sid,Wrong,666-12-3456,x,987654321',
  'individual,Sal,,321 54 9876,y,note',
].join('\n');
const SECRETS = [
  '987654321',
  '123-45-6789',
  '123456789',
  '219099999',
  '219-09-9999',
  '078-05-1120',
  '078051120',
  '666-12-3456',
  '666123456',
  '321 54 9876',
  '321-54-9876',
  '321549876',
];
const clear = (text: string) => SECRETS.filter((secret) => text.includes(secret));

const tableText = async (table: string) =>
  JSON.stringify(await app.strapi.db.connection(table).select('*'));

describe('SSNs in a customers import', () => {
  let job: any;
  beforeAll(async () => {
    const response = await uploadCsv(app.api, CSV, 'customers', 'people.csv');
    expect(response.status).toBe(201);
    job = response.body.data;
  });

  it('maps the SSN column to ssn and shows samples masked, in every column that holds one', () => {
    const columns = Object.fromEntries(job.columns.map((column: any) => [column.header, column]));
    expect(columns.SSN).toMatchObject({
      field: 'ssn',
      samples: ['***-**-6789', '***-**-9999', '***-**-3456'],
    });
    expect(columns.Reference.samples).toEqual(['***-**-1120', 'ref', 'x']);
    expect(job.fields).toContain('ssn');
    expect(clear(JSON.stringify(job))).toEqual([]);
  });

  it('refuses a number never issued, naming the rule and not the number', () => {
    expect(job.counts).toMatchObject({ total: 4, valid: 2, invalid: 2 });
    const sid = job.errors.find((error: any) => error.line === 4);
    expect(sid).toMatchObject({ field: 'ssn', reason: expect.stringMatching(/area number/) });
  });

  it('never writes a number in clear to the staging table or the job', async () => {
    expect(clear(await tableText('crm_import_rows'))).toEqual([]);
    expect(clear(await tableText('crm_import_jobs'))).toEqual([]);
  });

  it('shows only masks in the log', async () => {
    const log = await app
      .api()
      .get(`/api/crm/imports/${job.documentId}/log`)
      .query({ status: 'valid,invalid' });
    expect(log.status).toBe(200);
    expect(log.body.data.find((row: any) => row.line === 2).cells).toMatchObject({
      SSN: '***-**-6789',
      Reference: '***-**-1120',
      Notes: 'plain',
    });
    expect(clear(JSON.stringify(log.body))).toEqual([]);
  });

  it('imports the number encrypted, masked on read, revealed to whoever may', async () => {
    await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
    const done = await waitForImport(app.api, job.documentId);
    expect(done.counts).toMatchObject({ imported: 2, ignored: 2 });
    const sam = await app.strapi.db
      .query('plugin::crm.customer')
      .findOne({ where: { firstName: 'Sam', lastName: 'Secure' } });
    expect(sam.ssn).toBe('***-**-6789');
    expect(sam.ssnEncrypted).toEqual(expect.any(String));
    const revealed = await app.api().post(`/api/crm/customers/${sam.documentId}/ssn/reveal`);
    expect(revealed.body.data.ssn).toBe('123-45-6789');
    const sue = await app.strapi.db
      .query('plugin::crm.customer')
      .findOne({ where: { firstName: 'Sue' } });
    expect(
      (await app.api().post(`/api/crm/customers/${sue.documentId}/ssn/reveal`)).body.data.ssn
    ).toBe('219-09-9999');
    expect(clear(await tableText('crm_customers'))).toEqual([]);
  });

  it('shows only masks in the ignored-rows CSV', async () => {
    const ignored = await app.api().get(`/api/crm/imports/${job.documentId}/ignored`);
    expect(ignored.status).toBe(200);
    expect(ignored.text).toContain('***-**-9876');
    expect(ignored.text).toContain('***-**-3456');
    expect(clear(ignored.text)).toEqual([]);
  });

  it('leaves no number in the database file itself', async () => {
    if (app.strapi.db.dialect.client !== 'sqlite') return; // PostgreSQL's tables are checked above
    await app.strapi.db.connection.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    const file = join(__dirname, '..', '..', process.env.DATABASE_FILENAME!);
    for (const path of [file, `${file}-wal`]) {
      let bytes: string;
      try {
        bytes = readFileSync(path).toString('latin1');
      } catch {
        continue;
      }
      expect([path, clear(bytes)]).toEqual([path, []]);
    }
  });

  it("is read by its owner only: a read-only token sees no other importer's job", async () => {
    const reader = await apiToken(app, 'read-only');
    expect((await reader().get(`/api/crm/imports/${job.documentId}/log`)).status).toBe(404);
    expect((await reader().get(`/api/crm/imports/${job.documentId}/ignored`)).status).toBe(404);
  });

  it('purges the staged cells after the retention period, keeping the rows countable', async () => {
    const id = await idOf(app, 'plugin::crm.import-job', job.documentId);
    const days = (app.strapi.config.get('plugin::crm') as { importRetentionDays: number })
      .importRetentionDays;
    expect(days).toBe(30);
    await app.strapi.plugin('crm').service('import-jobs').purgeExpired();
    expect(
      (await app.api().get(`/api/crm/imports/${job.documentId}/log`)).body.data[0].cells
    ).not.toEqual({});

    const old = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    await app.strapi.db
      .query('plugin::crm.import-job')
      .update({ where: { id }, data: { finishedAt: old } });
    expect(
      await app.strapi.plugin('crm').service('import-jobs').purgeExpired()
    ).toBeGreaterThanOrEqual(4);
    const purged = (await app.api().get(`/api/crm/imports/${job.documentId}`)).body.data;
    expect(purged.counts).toMatchObject({ total: 4, imported: 2, ignored: 2 });
    expect(purged.cellsPurgedAt).toEqual(expect.any(String));
    const log = await app.api().get(`/api/crm/imports/${job.documentId}/log`);
    expect(log.body.meta.pagination.total).toBe(2);
    expect(log.body.data.map((row: any) => [row.line, row.cells])).toEqual([
      [4, {}],
      [5, {}],
    ]);
    const cells = await app.strapi.db
      .connection('crm_import_rows')
      .where({ job_id: id })
      .pluck('cells');
    expect(cells.every((value: string) => value === '[]')).toBe(true);
  });
});
