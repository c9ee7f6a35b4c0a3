import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startApp, type TestApp } from '../helpers/strapi';

// A worker killed with SIGKILL in the middle of an import leaves a job that another worker takes
// over; the rows end up imported exactly once: none lost, none twice.
let app: TestApp;
let dir: string;
beforeAll(async () => {
  app = await startApp();
  // These tests call `run` and `resumeStale` themselves: the stale-job timer would race them for
  // the jobs they start without a worker.
  app.strapi.plugin('crm').service('import-runner').stop();
  dir = mkdtempSync(join(tmpdir(), 'crm-crash-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await app.stop();
});

const ROWS = 20000;

it('resumes a killed import without duplicating or losing a row', async () => {
  const file = join(dir, 'many.csv');
  const lines = ['First Name,Last Name,Email'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`Crash,Row${i},row${i}@crash.example`);
  writeFileSync(file, `${lines.join('\n')}\n`);

  // The CLI runs the import in its own process, on this test's database.
  const child = spawn(process.execPath, ['scripts/crm-import.js', file, '--object', 'contacts'], {
    cwd: join(__dirname, '..', '..'),
    env: process.env,
  });
  let exited = false;
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk.toString()));
  child.on('exit', () => (exited = true));
  // Killed as soon as the database shows some rows done and some still to do.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`the import ended before it could be killed:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the import never made progress:\n${output}`);
    }
    const running = await app.strapi.db
      .query('plugin::crm.import-job')
      .findOne({ where: { fileName: 'many.csv', stage: 'running' } });
    const done = running?.progress?.done ?? 0;
    if (done > 0 && done < ROWS) {
      child.kill('SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  if (!exited) await new Promise((resolve) => child.once('exit', resolve));

  const [job] = await app.strapi.db
    .query('plugin::crm.import-job')
    .findMany({ where: { fileName: 'many.csv' } });
  expect(job.stage).toBe('running');
  const importedBefore = await app.strapi.db
    .query('plugin::crm.contact')
    .count({ where: { firstName: 'Crash' } });
  expect(importedBefore).toBeGreaterThan(0);
  expect(importedBefore).toBeLessThan(ROWS);

  // Any node takes over a job whose worker went quiet.
  const staleMs = app.strapi.config.get('plugin::crm.importStaleMs');
  app.strapi.config.set('plugin::crm.importStaleMs', 200);
  await new Promise((resolve) => setTimeout(resolve, 300));
  await app.strapi.plugin('crm').service('import-runner').resumeStale();
  for (let i = 0; i < 400; i += 1) {
    const current = await app.strapi.db
      .query('plugin::crm.import-job')
      .findOne({ where: { id: job.id } });
    if (current.stage === 'done') break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const finished = await app.strapi.db
    .query('plugin::crm.import-job')
    .findOne({ where: { id: job.id } });
  expect(finished.stage).toBe('done');
  expect(finished.counts).toMatchObject({ total: ROWS, imported: ROWS, ignored: 0, failed: 0 });

  const knex = app.strapi.db.connection;
  const contacts = await knex('crm_contacts')
    .where('first_name', 'Crash')
    .count({ n: '*' })
    .countDistinct({ distinct: 'email' })
    .first();
  expect(Number(contacts!.n)).toBe(ROWS);
  expect(Number(contacts!.distinct)).toBe(ROWS);
  const staged = await knex('crm_import_rows')
    .where({ job_id: job.id, status: 'imported' })
    .countDistinct({ records: 'record_id' })
    .first();
  expect(Number(staged!.records)).toBe(ROWS);
  app.strapi.config.set('plugin::crm.importStaleMs', staleMs);
});

/**
 * An import of 3,000 contacts (two batches) named `firstName`, started without a worker, as
 * `start` leaves it for whichever node claims it first.
 */
const runningImport = async (firstName: string) => {
  const rows = [
    'First Name,Last Name,Email',
    ...Array.from(
      { length: 3000 },
      (_, i) => `${firstName},Row${i},${firstName}${i}@nodes.example`
    ),
  ].join('\n');
  const created = await app
    .api()
    .post('/api/crm/imports')
    .field('object', 'contacts')
    .attach('file', Buffer.from(rows), `${firstName}.csv`);
  expect(created.status).toBe(201);
  const job = await app.strapi.db
    .query('plugin::crm.import-job')
    .findOne({ where: { documentId: created.body.data.documentId } });
  await app.strapi.db
    .connection('crm_import_jobs')
    .where({ id: job.id })
    .update({ stage: 'running', started_at: new Date() });
  return job as { id: number };
};

/** The job is done with its 3,000 rows imported, each once. */
const expectImportedOnce = async (jobId: number, firstName: string) => {
  const finished = await app.strapi.db
    .query('plugin::crm.import-job')
    .findOne({ where: { id: jobId } });
  expect(finished).toMatchObject({
    stage: 'done',
    counts: expect.objectContaining({ imported: 3000, failed: 0 }),
  });
  const contacts = await app.strapi.db
    .connection('crm_contacts')
    .where('first_name', firstName)
    .count({ n: '*' })
    .first();
  expect(Number(contacts!.n)).toBe(3000);
};

it('runs a job once when two workers (two nodes) race for it', async () => {
  const job = await runningImport('Race');

  // The plugin's own service factory, as its package exports it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the app, as a second node would
  const createRunner = require('strapi-plugin-crm/strapi-server').default.services['import-runner'];
  const thisNode = app.strapi.plugin('crm').service('import-runner');
  const otherNode = createRunner({ strapi: app.strapi });
  expect(otherNode.workerId).not.toBe(thisNode.workerId);
  await Promise.all([thisNode.run(job.id), otherNode.run(job.id)]);

  await expectImportedOnce(job.id, 'Race');
});

it('runs a job once when one node is asked to run it twice at once', async () => {
  const job = await runningImport('Twice');

  // As when the stale-job timer finds a just-started job before the start's own run has claimed it.
  const runner = app.strapi.plugin('crm').service('import-runner');
  await Promise.all([runner.run(job.id), runner.run(job.id)]);

  await expectImportedOnce(job.id, 'Twice');
});

it('rolls back a batch that finds its job taken over by another node, leaving its rows for it', async () => {
  const job = await runningImport('Stalled');

  // While this node writes its first batch, another node takes the job over (as it would after
  // this one stalled past the stale time): the change is made in the batch's own transaction,
  // where the batch's end must find it.
  const runner = app.strapi.plugin('crm').service('import-runner');
  const duplicates = app.strapi.plugin('crm').service('duplicates');
  const refresh = duplicates.refresh;
  const takeOver = jest.spyOn(duplicates, 'refresh').mockImplementationOnce(async (...args) => {
    await app.strapi.db
      .query('plugin::crm.import-job')
      .update({ where: { id: job.id }, data: { workerId: 'another-node' } });
    return refresh.apply(duplicates, args);
  });
  await runner.run(job.id);
  takeOver.mockRestore();

  const count = () =>
    app.strapi.db
      .connection('crm_contacts')
      .where('first_name', 'Stalled')
      .count({ n: '*' })
      .first();
  expect(Number((await count())!.n)).toBe(0);
  // Still to import, none marked failed or imported.
  const staged = (await app.strapi.db
    .connection('crm_import_rows')
    .where({ job_id: job.id })
    .select('status')
    .count({ n: '*' })
    .groupBy('status')) as { status: string; n: number | string }[];
  expect(staged.map((row) => [row.status, Number(row.n)])).toEqual([['valid', 3000]]);
  const after = await app.strapi.db
    .query('plugin::crm.import-job')
    .findOne({ where: { id: job.id } });
  expect(after.stage).toBe('running');

  // The owner (here this node again, as the takeover rolled back with the batch) imports every row once.
  await runner.run(job.id);
  await expectImportedOnce(job.id, 'Stalled');
});
