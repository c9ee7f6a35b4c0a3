import request from 'supertest';

import {
  adminRole,
  createAdmin,
  createRootAdmin,
  expectStrapiError,
  type Admin,
} from '../helpers/admins';
import { uploadCsv } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/users';

// The Imports page's list (GET /crm/imports) and its REST twin (GET /api/crm/imports): newest
// first, every job for those who may act on every import, one's own jobs for the others.
const app = useTestApp();
let asRoot: Admin;
const jobs: Record<string, string> = {};
let managerAgent: () => request.Agent;

const CSV = 'First Name,Last Name,Email\nAda,Lovelace,ada@example.test\n';

beforeAll(async () => {
  asRoot = await createRootAdmin(app);
  jobs.token = (
    await uploadCsv(app.api, CSV, 'contacts', 'token.csv').expect(201)
  ).body.data.documentId;
  const manager = await loginAs(app, 'crm_manager');
  managerAgent = manager.agent;
  jobs.manager = (
    await uploadCsv(manager.agent, CSV, 'contacts', 'manager.csv').expect(201)
  ).body.data.documentId;
  const admin = await asRoot('post', '/crm/imports')
    .field('object', 'customers')
    .attach('file', Buffer.from('Business Name\nGlobex\n'), 'admin.csv');
  expect(admin.status).toBe(201);
  jobs.admin = admin.body.data.documentId;
});

describe('GET /crm/imports', () => {
  it('lists every import, newest first, as summaries', async () => {
    const response = await asRoot('get', '/crm/imports');
    expect(response.status).toBe(200);
    expect(response.body.data.map((job: any) => job.documentId)).toEqual([
      jobs.admin,
      jobs.manager,
      jobs.token,
    ]);
    expect(response.body.meta.pagination).toEqual({
      page: 1,
      pageSize: 20,
      pageCount: 1,
      total: 3,
    });
    expect(response.body.data[0]).toEqual({
      documentId: jobs.admin,
      object: 'customer',
      fileName: 'admin.csv',
      format: expect.any(String),
      stage: expect.any(String),
      counts: expect.any(Object),
      ownerType: 'admin',
      ownerId: expect.any(String),
      ownerName: 'root@crm.test',
      createdAt: expect.any(String),
      startedAt: null,
      finishedAt: null,
      undoneAt: null,
    });
    expect(response.body.data[1]).toMatchObject({
      object: 'contact',
      fileName: 'manager.csv',
      ownerType: 'user',
    });
  });

  it('pages, and refuses a bad page naming the parameter', async () => {
    const second = await asRoot('get', '/crm/imports').query({ page: 2, pageSize: 2 });
    expect(second.body.data.map((job: any) => job.documentId)).toEqual([jobs.token]);
    expect(second.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
    expectStrapiError(await asRoot('get', '/crm/imports').query({ pageSize: 0 }), 400, /pageSize/);
    expectStrapiError(await asRoot('get', '/crm/imports').query({ page: 'x' }), 400, /page/);
  });

  it('is for admins holding the import action, who see every job', async () => {
    const asReader = await createAdmin(app, 'import-reader@crm.test', [
      await adminRole(app, 'Import reader', ['plugin::crm.read']),
    ]);
    const refused = await asReader('get', '/crm/imports');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
    const asImporter = await createAdmin(app, 'importer@crm.test', [
      await adminRole(app, 'Importer', ['plugin::crm.import']),
    ]);
    const all = await asImporter('get', '/crm/imports');
    expect(all.status).toBe(200);
    expect(all.body.meta.pagination.total).toBe(3);
  });
});

describe('GET /api/crm/imports', () => {
  it("answers a manager's own imports only", async () => {
    const response = await managerAgent().get('/api/crm/imports');
    expect(response.status).toBe(200);
    expect(response.body.data.map((job: any) => job.documentId)).toEqual([jobs.manager]);
  });

  it('answers every import to crm_admin and full-access tokens', async () => {
    const crmAdmin = await loginAs(app, 'crm_admin');
    const mine = await crmAdmin.agent().get('/api/crm/imports');
    expect(mine.status).toBe(200);
    expect(mine.body.meta.pagination.total).toBe(3);
    const token = await app.api().get('/api/crm/imports').query({ pageSize: 1 });
    expect(token.body.data.map((job: any) => job.documentId)).toEqual([jobs.admin]);
  });

  it('refuses roles that may not import', async () => {
    const sales = await loginAs(app, 'crm_sales');
    expect((await sales.agent().get('/api/crm/imports')).status).toBe(403);
    expect([401, 403]).toContain((await app.anonymous().get('/api/crm/imports')).status);
  });
});
