import { hold } from '../helpers/hold';
import { uploadCsv, waitForValidation } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';

// A mapping or mode change validates the job's rows in the background: the request answers at
// once, the job says `validating` with its progress, and a validation whose node went quiet or
// failed is taken over, never left validating.
const app = useTestApp();

const JOB = 'plugin::crm.import-job';

/** Contacts whose last name is also in the "Job Title" column, so a remap keeps them valid. */
const file = (tag: string, rows: number) =>
  [
    'First Name,Last Name,Email,Job Title',
    ...Array.from(
      { length: rows },
      (_, i) => `P${i},${tag},p${i}.${tag.toLowerCase()}@example.org,${tag}`
    ),
  ].join('\n');

const upload = async (tag: string, rows: number) => {
  const response = await uploadCsv(app.api, file(tag, rows));
  expect(response.status).toBe(201);
  return response.body.data as { documentId: string; stage: string };
};

const jobRow = (documentId: string) => app.strapi.db.query(JOB).findOne({ where: { documentId } });

const runner = () => app.strapi.plugin('crm').service('import-runner');

/** The last names the staged rows were judged with. */
const stagedLastNames = async (documentId: string) => {
  const { id } = await jobRow(documentId);
  const data = await app.strapi.db
    .connection('crm_import_rows')
    .where({ job_id: id })
    .pluck('data');
  return new Set(
    data.map((value: string | null) => (value ? JSON.parse(value).contact.lastName : null))
  );
};

describe('validation after a change, in the background', () => {
  it('answers a mapping change at once, validating, while other requests keep being answered', async () => {
    const job = await upload('Background', 1500);
    const gate = hold(app, 'import-rows', 'page');
    const answer = await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mapping`)
      .send({ mapping: { 'Last Name': null, 'Job Title': 'lastName' } });
    // Answered although the validation is held before its first page.
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ stage: 'validating', progress: { done: 0 } });
    await gate.entered;
    const meanwhile = (await app.api().get(`/api/crm/imports/${job.documentId}`)).body.data;
    expect(meanwhile.stage).toBe('validating');
    const refused = await app.api().post(`/api/crm/imports/${job.documentId}/start`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('being validated');
    const again = await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mapping`)
      .send({ mapping: { 'Job Title': null } });
    expect(again.status).toBe(409);
    gate.release();
    const validated = await waitForValidation(app.api, job.documentId);
    expect(validated).toMatchObject({
      stage: 'ready',
      counts: { total: 1500, valid: 1500, invalid: 0 },
      progress: { done: 0, total: 1500 },
    });
    expect(validated.columns).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ header: 'Job Title', field: 'lastName' }),
        expect.objectContaining({ header: 'Last Name', field: null }),
      ])
    );
  });

  it('reports its progress page by page', async () => {
    const job = await upload('Progress', 2500);
    // The second page is held: the first one's thousand rows are judged and counted.
    const staging = app.strapi.plugin('crm').service('import-rows');
    const page = staging.page;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const second = new Promise<void>((resolve) => (entered = resolve));
    let calls = 0;
    staging.page = async function (this: unknown, ...args: unknown[]) {
      calls += 1;
      if (calls === 2) {
        staging.page = page;
        entered();
        await released;
      }
      return page.apply(this, args);
    };
    const answer = await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mapping`)
      .send({ mapping: { 'Job Title': null } })
      .expect(200);
    expect(answer.body.data.progress).toEqual({ done: 0, total: 2500 });
    await second;
    const halfway = (await app.api().get(`/api/crm/imports/${job.documentId}`)).body.data;
    release();
    expect(halfway).toMatchObject({ stage: 'validating', progress: { done: 1000, total: 2500 } });
    expect((await waitForValidation(app.api, job.documentId)).counts).toMatchObject({
      total: 2500,
      valid: 2500,
    });
  });

  it('a validation whose node went quiet is validated again by the runner', async () => {
    const job = await upload('Stale', 800);
    // What a node that died mid-way leaves: the new mapping stored, the job validating, its
    // heartbeat old, the rows judged with the old mapping.
    const row = await jobRow(job.documentId);
    const mapping = { ...row.mapping, 'Last Name': null, 'Job Title': 'lastName' };
    await app.strapi.db.query(JOB).update({
      where: { id: row.id },
      data: {
        mapping,
        columns: row.columns.map((column: { header: string }) => ({
          ...column,
          field: mapping[column.header] ?? null,
        })),
        stage: 'validating',
        heartbeatAt: new Date(Date.now() - 3_600_000),
        revision: (row.revision ?? 0) + 1,
      },
    });
    await runner().resumeStale();
    const validated = await waitForValidation(app.api, job.documentId);
    expect(validated).toMatchObject({ stage: 'ready', counts: { total: 800, valid: 800 } });
    expect([...(await stagedLastNames(job.documentId))]).toEqual(['Stale']);
  });

  it('a failed validation is logged, left stale at once and recovered', async () => {
    const job = await upload('Failing', 600);
    const staging = app.strapi.plugin('crm').service('import-rows');
    const record = staging.record;
    staging.record = async () => {
      staging.record = record;
      throw new Error('the database went away');
    };
    await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mapping`)
      .send({ mapping: { 'Job Title': null } })
      .expect(200);
    for (let i = 0; i < 200 && (await jobRow(job.documentId)).heartbeatAt !== null; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const failed = await jobRow(job.documentId);
    expect(failed).toMatchObject({ stage: 'validating', heartbeatAt: null });
    // The change can be sent again at once (or the runner's next look validates it).
    await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mapping`)
      .send({ mapping: { 'Job Title': null } })
      .expect(200);
    expect(await waitForValidation(app.api, job.documentId)).toMatchObject({
      stage: 'ready',
      counts: { total: 600, valid: 600 },
    });
  });

  it('leaves alone a job whose upload is still being read', async () => {
    const job = await upload('Reading', 10);
    const row = await jobRow(job.documentId);
    // An upload that died before its rows were all stored has no columns yet.
    await app.strapi.db.query(JOB).update({
      where: { id: row.id },
      data: { stage: 'validating', columns: null, heartbeatAt: new Date(Date.now() - 3_600_000) },
    });
    const importJobs = app.strapi.plugin('crm').service('import-jobs');
    expect(await importJobs.resumeValidation(row.id)).toBe(false);
    expect(await jobRow(job.documentId)).toMatchObject({
      stage: 'validating',
      revision: row.revision,
    });
  });

  it('a change of mode that judges rows again validates in the background too', async () => {
    const job = await upload('Moded', 300);
    const answer = await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mode`)
      .send({ mode: 'upsert' })
      .expect(200);
    expect(answer.body.data).toMatchObject({ stage: 'validating', mode: { mode: 'upsert' } });
    expect(await waitForValidation(app.api, job.documentId)).toMatchObject({
      stage: 'ready',
      counts: { total: 300, valid: 300 },
    });
  });
});
