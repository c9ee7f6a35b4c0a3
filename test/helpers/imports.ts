import type { UID } from '@strapi/strapi';
import type request from 'supertest';

import type { TestApp } from './strapi';

type Agent = () => request.Agent;

/** `POST /api/crm/imports` of a CSV text as a multipart upload. */
export const uploadCsv = (
  agent: Agent,
  csv: string | Buffer,
  object: 'contacts' | 'customers' = 'contacts',
  name = 'import.csv'
) =>
  agent()
    .post('/api/crm/imports')
    .field('object', object)
    .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv), name);

/** Polls a job until it has finished (done or failed). */
export const waitForImport = async (agent: Agent, documentId: string) => {
  for (let i = 0; i < 600; i += 1) {
    const job = (await agent().get(`/api/crm/imports/${documentId}`)).body.data;
    if (job && (job.stage === 'done' || job.stage === 'failed')) return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the import ${documentId} did not finish`);
};

/**
 * Polls a job until it is no longer validating (a mapping or mode change validates its rows in
 * the background): the job as it then is.
 */
export const waitForValidation = async (agent: Agent, documentId: string) => {
  for (let i = 0; i < 600; i += 1) {
    const job = (await agent().get(`/api/crm/imports/${documentId}`)).body.data;
    if (job && job.stage !== 'validating') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the import ${documentId} is still validating`);
};

/**
 * `PUT …/mapping` or `PUT …/mode` (answered 200 as soon as the change is stored), then the job
 * once its rows are validated again.
 */
export const changeAndValidate = async (
  agent: Agent,
  documentId: string,
  change: 'mapping' | 'mode',
  body: Record<string, unknown>
) => {
  await agent().put(`/api/crm/imports/${documentId}/${change}`).send(body).expect(200);
  return waitForValidation(agent, documentId);
};

/** Uploads, decides every unmatched company with `unmatched`, starts and waits: the finished job. */
export const importCsv = async (
  app: TestApp,
  csv: string,
  object: 'contacts' | 'customers' = 'contacts',
  unmatched: 'create' | 'skip' = 'create',
  mode?: Record<string, unknown>
) => {
  const uploaded = await uploadCsv(app.api, csv, object);
  if (uploaded.status !== 201)
    throw new Error(`upload failed: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  const job = mode
    ? await changeAndValidate(app.api, uploaded.body.data.documentId, 'mode', mode)
    : uploaded.body.data;
  if (job.stage === 'reference-data') {
    await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/reference-data`)
      .send({ applyToAll: unmatched })
      .expect(200);
  }
  await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
  return waitForImport(app.api, job.documentId);
};

/**
 * Uploads the same CSV twice, starts both jobs together and waits for both: what two people
 * importing one file at the same moment get. Answers the summed counts of the two jobs.
 */
export const importTwiceAtOnce = async (app: TestApp, csv: string) => {
  const jobs = await Promise.all(
    [1, 2].map(async () => (await uploadCsv(app.api, csv).expect(201)).body.data)
  );
  await Promise.all(
    jobs.map((job) => app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202))
  );
  const done = await Promise.all(jobs.map((job) => waitForImport(app.api, job.documentId)));
  const sum = (count: string) =>
    done.reduce((total, job) => total + (job.counts[count] ?? 0), 0) as number;
  return { imported: sum('imported'), ignored: sum('ignored'), failed: sum('failed') };
};

/** The database id of a record from its documentId. */
export const idOf = async (
  app: TestApp,
  uid: UID.ContentType,
  documentId: string
): Promise<number> =>
  (await app.strapi.db.query(uid).findOne({ where: { documentId }, select: ['id'] })).id;
