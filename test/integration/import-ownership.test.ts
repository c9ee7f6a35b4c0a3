import request from 'supertest';

import { uploadCsv } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';
import { apiToken, loginAs } from '../helpers/users';

// A job belongs to whoever created it; crm_admin, full-access tokens and admins holding the
// import action may act on every job, every other caller sees only its own.
const app = useTestApp();

const CSV = 'First Name,Last Name,Company\nOwn,Er,Owned Co\n';

/** Every job route, as [method, path, body] for a job id. */
const routes = (id: string): ['get' | 'put' | 'post', string, unknown?][] => [
  ['get', `/api/crm/imports/${id}`],
  ['put', `/api/crm/imports/${id}/mapping`, { mapping: { Company: null } }],
  ['get', `/api/crm/imports/${id}/reference-data`],
  ['put', `/api/crm/imports/${id}/reference-data`, { applyToAll: 'skip' }],
  ['get', `/api/crm/imports/${id}/log`],
  ['get', `/api/crm/imports/${id}/ignored`],
  ['post', `/api/crm/imports/${id}/start`],
  ['post', `/api/crm/imports/${id}/undo`],
];

const statuses = async (agent: () => request.Agent, id: string) => {
  const answered: number[] = [];
  for (const [method, path, body] of routes(id)) {
    const call = agent()[method](path);
    answered.push((await (body === undefined ? call : call.send(body as object))).status);
  }
  return answered;
};

describe('import jobs have an owner', () => {
  it('records who created the job', async () => {
    const owner = await loginAs(app, 'crm_manager');
    const job = (await uploadCsv(owner.agent, CSV)).body.data;
    expect(job.createdBy).toEqual({
      type: 'user',
      id: String(owner.user.id),
      name: owner.user.username,
    });
    const token = (await uploadCsv(app.api, CSV)).body.data;
    expect(token.createdBy).toMatchObject({
      type: 'api-token',
      name: expect.stringMatching(/^tests-/),
    });
  });

  it('answers 404 to another users-permissions user on every route, and changes nothing', async () => {
    const owner = await loginAs(app, 'crm_manager');
    const stranger = await loginAs(app, 'crm_manager');
    const job = (await uploadCsv(owner.agent, CSV)).body.data;
    expect(job.stage).toBe('reference-data');
    expect(await statuses(stranger.agent, job.documentId)).toEqual([
      404, 404, 404, 404, 404, 404, 404, 404,
    ]);
    const after = (await owner.agent().get(`/api/crm/imports/${job.documentId}`)).body.data;
    expect(after).toMatchObject({ stage: 'reference-data', columns: job.columns });
  });

  it('lets the owner, crm_admin, full-access tokens and import admins act on it', async () => {
    const owner = await loginAs(app, 'crm_manager');
    const job = (await uploadCsv(owner.agent, CSV)).body.data;
    const read = async (agent: () => request.Agent, path = `/api/crm/imports/${job.documentId}`) =>
      (await agent().get(path)).status;
    expect(await read(owner.agent)).toBe(200);
    expect(await read((await loginAs(app, 'crm_admin')).agent)).toBe(200);
    expect(await read(app.api)).toBe(200);
    expect(await read(await apiToken(app, 'read-only'))).toBe(404);
    const custom = await apiToken(app, 'custom', [
      'plugin::crm.import.findOne',
      'plugin::crm.import.create',
    ]);
    expect(await read(custom)).toBe(404);
    const own = (await uploadCsv(custom, CSV)).body.data;
    expect(await read(custom, `/api/crm/imports/${own.documentId}`)).toBe(200);

    const roles = app.strapi.service('admin::role');
    const importer = await roles.create({
      name: 'Owner test importer',
      description: 'runs CRM imports',
    });
    await roles.assignPermissions(importer.id, [{ action: 'plugin::crm.import' }]);
    await app.strapi.service('admin::user').create({
      email: 'owner-importer@crm.test',
      firstname: 'Import',
      lastname: 'Admin',
      password: 'Admin-Password-1',
      isActive: true,
      registrationToken: null,
      roles: [importer.id],
    });
    const login = await request(app.strapi.server.httpServer)
      .post('/admin/login')
      .send({ email: 'owner-importer@crm.test', password: 'Admin-Password-1' });
    const admin = () =>
      request
        .agent(app.strapi.server.httpServer)
        .set('Authorization', `Bearer ${login.body.data.token}`);
    expect(await read(admin, `/crm/imports/${job.documentId}`)).toBe(200);
    const adminJob = (
      await admin()
        .post('/crm/imports')
        .field('object', 'contacts')
        .attach('file', Buffer.from(CSV), 'a.csv')
    ).body.data;
    expect(adminJob.createdBy).toMatchObject({ type: 'admin', name: 'owner-importer@crm.test' });
    expect(await read(owner.agent, `/api/crm/imports/${adminJob.documentId}`)).toBe(404);
  });
});
