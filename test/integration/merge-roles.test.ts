import request from 'supertest';

import { mergeHelpers } from '../helpers/merges';
import { startApp, type TestApp } from '../helpers/strapi';
import { apiToken, loginAs } from '../helpers/users';

// Merging and undoing need the right to delete records (crm_admin, crm_manager); the admin panel's
// routes need the admin RBAC action plugin::crm.merge.
let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => {
  await app.stop();
});

const pair = async () => {
  const h = mergeHelpers(app);
  return [await h.person('Role', 'One'), await h.person('Role', 'Two')];
};

describe('the role table', () => {
  it('lets crm_manager and crm_admin merge and undo, and refuses crm_sales and crm_marketeer (403)', async () => {
    const h = mergeHelpers(app);
    for (const role of ['crm_sales', 'crm_marketeer']) {
      const { agent } = await loginAs(app, role);
      const [s, a] = await pair();
      expect(
        (await h.mergeCustomers({ survivor: s.documentId, merged: [a.documentId] }, {}, agent))
          .status
      ).toBe(403);
      expect(
        (await h.mergeContacts({ survivor: s.documentId, merged: [a.documentId] }, {}, agent))
          .status
      ).toBe(403);
    }
    const manager = (await loginAs(app, 'crm_manager')).agent;
    const [s, a] = await pair();
    const merged = await h.mergeCustomers(
      { survivor: s.documentId, merged: [a.documentId] },
      {},
      manager
    );
    expect(merged.status).toBe(200);
    expect(merged.body.data.ssnEncrypted).toBeUndefined();
    const sales = (await loginAs(app, 'crm_sales')).agent;
    expect((await h.undo(merged.body.meta.merge, sales)).status).toBe(403);
    const admin = (await loginAs(app, 'crm_admin')).agent;
    expect((await h.undo(merged.body.meta.merge, admin)).status).toBe(200);
    const row = await app.strapi.db
      .query('plugin::crm.merge')
      .findOne({ where: { documentId: merged.body.meta.merge } });
    expect(row).toMatchObject({
      actorType: 'user',
      undoneBy: expect.stringMatching(/^user:crm_admin/),
    });

    const readOnly = await apiToken(app, 'read-only');
    const [t, b] = await pair();
    expect(
      (await h.mergeCustomers({ survivor: t.documentId, merged: [b.documentId] }, {}, readOnly))
        .status
    ).toBe(403);
  });
});

describe('the admin routes', () => {
  const createAdmin = async (email: string, actions: string[]) => {
    const roles = app.strapi.service('admin::role');
    const role = await roles.create({ name: email, description: 'merge tests' });
    await roles.assignPermissions(
      role.id,
      actions.map((action) => ({ action }))
    );
    await app.strapi.service('admin::user').create({
      email,
      firstname: 'Admin',
      lastname: 'Merge',
      password: 'Admin-Password-1',
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    });
    const login = await request(app.strapi.server.httpServer)
      .post('/admin/login')
      .send({ email, password: 'Admin-Password-1' });
    const token = login.body.data.token as string;
    const as = (path: string) =>
      request(app.strapi.server.httpServer).post(path).set('Authorization', `Bearer ${token}`);
    as.get = (path: string) =>
      request(app.strapi.server.httpServer).get(path).set('Authorization', `Bearer ${token}`);
    return as;
  };

  it('need plugin::crm.merge', async () => {
    const reader = await createAdmin('reader@merge.test', [
      'plugin::crm.read',
      'plugin::crm.manage',
    ]);
    const merger = await createAdmin('merger@merge.test', [
      'plugin::crm.read',
      'plugin::crm.merge',
    ]);
    const [s, a] = await pair();
    const body = { data: { survivor: s.documentId, merged: [a.documentId] } };
    expect((await reader('/crm/customers/merge').send(body)).status).toBe(403);
    const merged = await merger('/crm/customers/merge').send(body);
    expect(merged.status).toBe(200);
    expect(merged.body.data.documentId).toBe(s.documentId);
    const row = await app.strapi.db
      .query('plugin::crm.merge')
      .findOne({ where: { documentId: merged.body.meta.merge } });
    expect(row).toMatchObject({ actorType: 'admin', actorName: 'merger@merge.test' });
    const old = await reader.get(`/crm/customers/${a.documentId}`);
    expect(old.status).toBe(200);
    expect(old.body.data.documentId).toBe(s.documentId);
    expect(old.body.meta.mergedInto).toBe(s.documentId);
    expect((await reader(`/crm/merges/${merged.body.meta.merge}/undo`).send({})).status).toBe(403);
    expect((await merger(`/crm/merges/${merged.body.meta.merge}/undo`).send({})).status).toBe(200);
    const c1 = await mergeHelpers(app).contact('Adm', 'In');
    const c2 = await mergeHelpers(app).contact('Adm', 'In');
    expect(
      (
        await merger('/crm/contacts/merge').send({
          data: { survivor: c1.documentId, merged: [c2.documentId] },
        })
      ).status
    ).toBe(200);
  });
});
