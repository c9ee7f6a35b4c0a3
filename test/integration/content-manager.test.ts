import request from 'supertest';

import { startApp, type TestApp } from '../helpers/strapi';
import { storedPoints } from '../helpers/writers';

// What an admin does in the content manager reaches the same rules as REST.
let app: TestApp;
let adminToken: string;
let admin: () => request.Test;
let cm: (method: 'get' | 'post' | 'put' | 'delete', path: string) => request.Test;

beforeAll(async () => {
  app = await startApp();
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({
    email: 'admin@crm.test',
    firstname: 'Admin',
    lastname: 'Tester',
    password: 'Admin-Password-1',
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  const login = await request(app.strapi.server.httpServer)
    .post('/admin/login')
    .send({ email: 'admin@crm.test', password: 'Admin-Password-1' });
  expect(login.status).toBe(200);
  const token = login.body.data.token;
  adminToken = token;
  admin = () =>
    request(app.strapi.server.httpServer)
      .get('/admin/users/me')
      .set('Authorization', `Bearer ${token}`);
  cm = (method, path) =>
    request(app.strapi.server.httpServer)
      [method](`/content-manager/collection-types/${path}`)
      .set('Authorization', `Bearer ${token}`);
});
afterAll(async () => {
  await app.stop();
});

describe('the content manager', () => {
  it('lists the CRM types', async () => {
    expect((await admin()).status).toBe(200);
    const response = await request(app.strapi.server.httpServer)
      .get('/content-manager/content-types')
      .set('Authorization', `Bearer ${adminToken}`);
    const uids = response.body.data
      .filter((type: any) => type.isDisplayed)
      .map((type: any) => type.uid);
    expect(uids).toEqual(
      expect.arrayContaining([
        'plugin::crm.customer',
        'plugin::crm.address',
        'plugin::crm.phone',
        'plugin::crm.email',
      ])
    );
    expect(uids).not.toContain('plugin::crm.sequence');
  });

  it('creates a customer with a number and refuses a broken rule with its message', async () => {
    const refused = await cm('post', 'plugin::crm.customer').send({
      type: 'individual',
      firstName: 'Only',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch('an individual customer needs a lastName');

    const created = await cm('post', 'plugin::crm.customer').send({
      type: 'individual',
      firstName: 'Admin',
      lastName: 'Made',
    });
    expect(created.status).toBe(201);
    expect(created.body.data.customerNumber).toMatch(/^C-\d{6}$/);
  });

  it("applies the contact point rules to an admin's edits", async () => {
    const customer = await cm('post', 'plugin::crm.customer').send({
      type: 'individual',
      firstName: 'Cm',
      lastName: 'Phones',
    });
    const customerId = customer.body.data.documentId;
    const relation = { connect: [{ documentId: customerId, id: customer.body.data.id }] };

    const first = await cm('post', 'plugin::crm.phone').send({
      type: 'home',
      number: '415.555.2671',
      customer: relation,
    });
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ number: '+14155552671', isPrimary: true });

    const duplicate = await cm('post', 'plugin::crm.phone').send({
      type: 'home',
      number: '415.555.2672',
      customer: relation,
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toMatch('an individual can have only one home phone');

    const second = await cm('post', 'plugin::crm.phone').send({
      type: 'cell',
      number: '415.555.2673',
      isPrimary: true,
      customer: relation,
    });
    expect(second.status).toBe(201);
    const stored = await storedPoints(app, 'phone', customerId);
    expect(stored.filter((phone) => phone.isPrimary).map((phone) => phone.number)).toEqual([
      '+14155552673',
    ]);

    const edit = await cm('put', `plugin::crm.customer/${customerId}`).send({
      firstName: 'Edited',
      phones: { connect: [], disconnect: [] },
    });
    expect(edit.status).toBe(200);
    expect(edit.body.data.firstName).toBe('Edited');

    const deleted = await cm('delete', `plugin::crm.customer/${customerId}`);
    expect(deleted.status).toBe(200);
    expect(await storedPoints(app, 'phone', customerId)).toHaveLength(0);
  });

  it("keeps external ids unique per type through an admin's creates and edits", async () => {
    const first = await cm('post', 'plugin::crm.contact').send({
      firstName: 'Cm',
      lastName: 'External',
      externalId: ' 0035g00000AbCdE ',
    });
    expect(first.status).toBe(201);
    expect(first.body.data.externalId).toBe('0035g00000AbCdE');
    const taken = await cm('post', 'plugin::crm.contact').send({
      firstName: 'Cm',
      lastName: 'Copy',
      externalId: '0035g00000AbCdE',
    });
    expect(taken.status).toBe(400);
    expect(taken.body.error.message).toBe(
      `externalId "0035g00000AbCdE" is already the id of contact ${first.body.data.documentId}`
    );
    // Ids are compared as written: Salesforce's 15-character ids differ by case alone.
    const other = await cm('post', 'plugin::crm.contact').send({
      firstName: 'Cm',
      lastName: 'Other',
      externalId: '0035g00000abcde',
    });
    expect(other.status).toBe(201);
    const edit = await cm('put', `plugin::crm.contact/${other.body.data.documentId}`).send({
      externalId: '0035g00000AbCdE',
    });
    expect(edit.status).toBe(400);
    expect(edit.body.error.details.errors[0]).toMatchObject({ path: ['externalId'] });
    // A customer may have the id a contact has: uniqueness is per type.
    const customer = await cm('post', 'plugin::crm.customer').send({
      type: 'individual',
      firstName: 'Cm',
      lastName: 'External',
      externalId: '0035g00000AbCdE',
    });
    expect(customer.status).toBe(201);
  });

  it('refuses to duplicate a customer', async () => {
    const customer = await cm('post', 'plugin::crm.customer').send({
      type: 'individual',
      firstName: 'Clone',
      lastName: 'Me',
    });
    const clone = await request(app.strapi.server.httpServer)
      .post(
        `/content-manager/collection-types/plugin::crm.customer/clone/${customer.body.data.documentId}`
      )
      .set('Authorization', `Bearer ${adminToken}`)
      .send({ firstName: 'Clone', lastName: 'Me' });
    expect(clone.status).toBe(400);
    expect(clone.body.error.message).toMatch('cannot be duplicated');
  });

  it('keeps import jobs read-only: their stage and decisions cannot be forged', async () => {
    const upload = await app
      .api()
      .post('/api/crm/imports')
      .field('object', 'contacts')
      .attach('file', Buffer.from('First Name,Last Name\nRead,Only\n'), 'r.csv');
    const job = upload.body.data;
    const victim = await cm('post', 'plugin::crm.customer').send({
      type: 'individual',
      firstName: 'Not',
      lastName: 'Imported',
    });
    const before = await app.strapi.db
      .query('plugin::crm.import-job')
      .findOne({ where: { documentId: job.documentId } });
    const edits = [
      cm('put', `plugin::crm.import-job/${job.documentId}`).send({ stage: 'done' }),
      cm('put', `plugin::crm.import-job/${job.documentId}`).send({
        decisions: { acme: { action: 'create', createdId: victim.body.data.id } },
      }),
      cm('post', 'plugin::crm.import-job').send({ object: 'contacts', stage: 'done' }),
      cm('delete', `plugin::crm.import-job/${job.documentId}`),
    ];
    for (const edit of await Promise.all(edits)) {
      expect(edit.status).toBeGreaterThanOrEqual(400);
      expect(edit.status).toBeLessThan(500);
    }
    const after = await app.strapi.db
      .query('plugin::crm.import-job')
      .findOne({ where: { documentId: job.documentId } });
    expect(after).toEqual(before);
    expect(
      await app.strapi.db.query('plugin::crm.import-job').count({ where: { stage: 'done' } })
    ).toBe(0);
    const read = await cm('get', `plugin::crm.import-job/${job.documentId}`);
    expect(read.status).toBe(200);
  });

  it('never lets anyone change who wrote an activity entry', async () => {
    const contact = (
      await app
        .api()
        .post('/api/crm/contacts')
        .send({ data: { firstName: 'Feed', lastName: 'Owner' } })
    ).body.data;
    const comment = (
      await app
        .api()
        .post(`/api/crm/contacts/${contact.documentId}/activity`)
        .send({ data: { body: 'Genuine note' } })
    ).body.data;
    for (const forged of [{ authorName: 'The CEO' }, { authorType: 'admin' }, { authorId: '1' }]) {
      const edit = await cm('put', `plugin::crm.activity/${comment.documentId}`).send({
        body: 'Genuine note',
        ...forged,
      });
      expect(edit.status).toBe(400);
      expect(edit.body.error.message).toMatch('author');
    }
    const stored = await app.strapi.db
      .query('plugin::crm.activity')
      .findOne({ where: { documentId: comment.documentId } });
    expect(stored).toMatchObject({
      authorType: 'api-token',
      authorName: comment.authorName,
      body: 'Genuine note',
    });

    const forged = await cm('post', 'plugin::crm.activity').send({
      body: 'Signed by somebody else',
      authorType: 'user',
      authorId: '999',
      authorName: 'Somebody Else',
      contact: { connect: [{ documentId: contact.documentId }] },
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toMatch('author');
    const created = await cm('post', 'plugin::crm.activity').send({
      body: 'Written in the content manager',
      authorName: null,
      contact: { connect: [{ documentId: contact.documentId }] },
    });
    expect(created.status).toBe(201);
    const row = await app.strapi.db
      .query('plugin::crm.activity')
      .findOne({ where: { documentId: created.body.data.documentId } });
    expect(row).toMatchObject({ authorType: 'admin', authorName: 'admin@crm.test' });
  });
});
