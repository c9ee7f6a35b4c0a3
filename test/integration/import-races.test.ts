import { hold } from '../helpers/hold';
import { idOf, uploadCsv, waitForImport } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';

// Every change of an import's stage is a compare-and-set on the job, in the transaction of its
// effects: of two requests that race for one job, the loser gets 409 and nothing is done twice.
const app = useTestApp();

const CONTACT = 'plugin::crm.contact';

/** A contacts file of `rows` rows whose last names carry `tag`, so its contacts can be counted. */
const file = (tag: string, rows: number, company = '') =>
  [
    'First Name,Last Name,Email,Job Title,Company',
    ...Array.from(
      { length: rows },
      (_, i) => `P${i},${tag},p${i}.${tag.toLowerCase()}@example.org,Buyer,${company}`
    ),
  ].join('\n');

const upload = async (tag: string, rows: number, company = '') => {
  const response = await uploadCsv(app.api, file(tag, rows, company));
  expect(response.status).toBe(201);
  return response.body.data;
};

/** Waits until the job rests (neither validating nor running) and returns it. */
const settled = async (documentId: string) => {
  for (let i = 0; i < 600; i += 1) {
    const job = (await app.api().get(`/api/crm/imports/${documentId}`)).body.data;
    if (!['validating', 'running'].includes(job.stage)) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the job did not settle');
};

/** What the job's rows and the database say: contacts made, rows imported, distinct records. */
const tally = async (documentId: string, tag: string) => {
  const id = await idOf(app, 'plugin::crm.import-job', documentId);
  const rows = await app.strapi.db
    .connection('crm_import_rows')
    .where({ job_id: id, status: 'imported' })
    .pluck('record_id');
  return {
    contacts: await app.strapi.db.query(CONTACT).count({ where: { lastName: tag } }),
    imported: rows.length,
    records: new Set(rows.map(Number)).size,
  };
};

describe('races between the stages of one job', () => {
  it('a start during a mapping change gets 409, and the job stays as the mapping left it', async () => {
    const job = await upload('Mapping', 3000);
    const gate = hold(app, 'import-rows', 'page');
    const mapping = app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mapping`)
      .send({ mapping: { 'Job Title': null } })
      .then((response) => response);
    await gate.entered;
    const start = await app.api().post(`/api/crm/imports/${job.documentId}/start`);
    gate.release();
    expect(start.status).toBe(409);
    expect((await mapping).status).toBe(200);
    const final = await settled(job.documentId);
    expect(final.stage).toBe('ready');
    expect(await tally(job.documentId, 'Mapping')).toEqual({
      contacts: 0,
      imported: 0,
      records: 0,
    });

    await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
    const done = await waitForImport(app.api, job.documentId);
    expect(done.counts).toMatchObject({ imported: 3000 });
    expect(await tally(job.documentId, 'Mapping')).toEqual({
      contacts: 3000,
      imported: 3000,
      records: 3000,
    });
  });

  it('a decision that loses to a start gets 409 and changes nothing of the run', async () => {
    const job = await upload('Decide', 400, 'Racing Company');
    await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/reference-data`)
      .send({ applyToAll: 'create' })
      .expect(200);
    const gate = hold(app, 'import-rows', 'unmatchedGroups');
    const decide = app
      .api()
      .put(`/api/crm/imports/${job.documentId}/reference-data`)
      .send({ decisions: [{ key: 'racing company', action: 'skip' }] })
      .then((response) => response);
    await gate.entered;
    const start = await app.api().post(`/api/crm/imports/${job.documentId}/start`);
    gate.release();
    expect(start.status).toBe(202);
    expect((await decide).status).toBe(409);
    const final = await waitForImport(app.api, job.documentId);
    expect(final.stage).toBe('done');
    expect(final.counts).toMatchObject({ imported: 400, ignored: 0 });
    expect(await tally(job.documentId, 'Decide')).toEqual({
      contacts: 400,
      imported: 400,
      records: 400,
    });
    expect(
      await app.strapi.db
        .query('plugin::crm.customer')
        .count({ where: { businessName: 'Racing Company' } })
    ).toBe(1);
  });

  it('two undos at once: one undoes, the other gets 409', async () => {
    const job = await upload('Undone', 50);
    await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
    await waitForImport(app.api, job.documentId);
    expect(await app.strapi.db.query(CONTACT).count({ where: { lastName: 'Undone' } })).toBe(50);
    const gate = hold(app, 'import-jobs', 'load', 2);
    const answers = Promise.all(
      [1, 2].map(() =>
        app
          .api()
          .post(`/api/crm/imports/${job.documentId}/undo`)
          .then((response) => response)
      )
    );
    await gate.entered;
    gate.release();
    expect((await answers).map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await app.strapi.db.query(CONTACT).count({ where: { lastName: 'Undone' } })).toBe(0);
  });

  it('an undo during the run gets 409 and the run completes', async () => {
    const job = await upload('Running', 300);
    const gate = hold(app, 'import-rows', 'pending');
    await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
    await gate.entered;
    const undo = await app.api().post(`/api/crm/imports/${job.documentId}/undo`);
    gate.release();
    expect(undo.status).toBe(409);
    const final = await waitForImport(app.api, job.documentId);
    expect(final.stage).toBe('done');
    expect(await tally(job.documentId, 'Running')).toEqual({
      contacts: 300,
      imported: 300,
      records: 300,
    });
  });

  it('a mapping change during another gets 409; the staged rows follow the one applied', async () => {
    const job = await upload('Remapped', 2000);
    const gate = hold(app, 'import-rows', 'page');
    const first = app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mapping`)
      .send({ mapping: { 'Job Title': 'lastName', 'Last Name': null } })
      .then((response) => response);
    await gate.entered;
    const second = await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mapping`)
      .send({ mapping: { 'Job Title': null } });
    gate.release();
    expect(second.status).toBe(409);
    expect((await first).status).toBe(200);
    expect((await settled(job.documentId)).stage).toBe('ready');
    const id = await idOf(app, 'plugin::crm.import-job', job.documentId);
    const lastNames = new Set(
      (await app.strapi.db.connection('crm_import_rows').where({ job_id: id }).pluck('data')).map(
        (data: string | null) => (data ? JSON.parse(data).contact.lastName : null)
      )
    );
    expect([...lastNames]).toEqual(['Buyer']);
  });
});
