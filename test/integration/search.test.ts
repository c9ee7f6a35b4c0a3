import request from 'supertest';

import { startApp, type TestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/users';

// The quick search through its index, on the database the suite runs on (SQLite or PostgreSQL).
let app: TestApp;
let cm: (method: 'get' | 'post' | 'put' | 'delete', path: string) => request.Test;

beforeAll(async () => {
  app = await startApp();
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({
    email: 'search-admin@crm.test',
    firstname: 'Search',
    lastname: 'Admin',
    password: 'Admin-Password-1',
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  const login = await request(app.strapi.server.httpServer)
    .post('/admin/login')
    .send({ email: 'search-admin@crm.test', password: 'Admin-Password-1' });
  const token = login.body.data.token;
  cm = (method, path) =>
    request(app.strapi.server.httpServer)
      [method](`/content-manager/collection-types/${path}`)
      .set('Authorization', `Bearer ${token}`);
});
afterAll(async () => {
  await app.stop();
});

const create = async (data: Record<string, unknown>) => {
  const response = await app.api().post('/api/crm/customers').send({ data });
  expect(response.status).toBe(201);
  return response.body.data as Record<string, any>;
};

const search = (q: string, extra: Record<string, unknown> = {}) =>
  app
    .api()
    .get('/api/crm/customers/search')
    .query({ q, ...extra });
const names = async (q: string, extra: Record<string, unknown> = {}) => {
  const response = await search(q, extra);
  expect(response.status).toBe(200);
  return response.body.data.map(
    (customer: any) => customer.businessName ?? `${customer.firstName} ${customer.lastName}`
  ) as string[];
};

const searchIndex = () => app.strapi.plugin('crm').service('search-index');
const customerTable = () => app.strapi.db.metadata.get('plugin::crm.customer').tableName;

/** The index never drifts: one row per customer, each equal to what the tables say now. */
const expectIndexInStep = async () => {
  const knex = app.strapi.db.connection;
  const ids = (await knex(customerTable()).pluck('id'))
    .map(Number)
    .sort((a: number, b: number) => a - b);
  const indexed = (await knex('crm_search_index').pluck('customer_id'))
    .map(Number)
    .sort((a: number, b: number) => a - b);
  expect(indexed).toEqual(ids);
  const expected = await searchIndex().expectedRows(ids);
  for (const row of expected) expect(await searchIndex().rowOf(row.customer_id)).toEqual(row);
  if (app.strapi.db.dialect.client === 'sqlite') {
    // The FTS5 table agrees with its content table (an external-content table can silently diverge).
    await knex.raw(
      "INSERT INTO crm_search_fts(crm_search_fts, rank) VALUES ('integrity-check', 1)"
    );
  }
};

describe('the quick search', () => {
  let zoe: Record<string, any>;
  let acme: Record<string, any>;
  beforeAll(async () => {
    zoe = await create({
      firstName: 'Zoë',
      middleName: 'Ada',
      lastName: 'Lovelace',
      phones: [{ type: 'cell', number: '(415) 555-2671' }],
      emails: [{ address: 'zoe@analytical.example' }],
    });
    acme = await create({
      type: 'business',
      businessName: 'Acme Rockets',
      emails: [{ type: 'work', address: 'sales@acme.example' }],
    });
    await create({
      firstName: 'Charles',
      lastName: 'Babbage',
      emails: [{ address: 'charles@analytical.example' }],
    });
    await create({ firstName: 'Lovisa', lastName: 'Ångström' });
    await create({ firstName: 'Olav', lastName: 'Glove' });
  });

  it('finds by each field: names, business name, customer number, email and phone digits', async () => {
    expect(await names('zoe')).toEqual(['Zoë Lovelace']);
    expect(await names('ada lovel')).toEqual(['Zoë Lovelace']); // middle name
    expect(await names('rocket')).toEqual(['Acme Rockets']);
    expect(await names(acme.customerNumber)).toEqual(['Acme Rockets']);
    expect(await names('sales@acme')).toEqual(['Acme Rockets']);
    expect(await names('555-2671')).toEqual(['Zoë Lovelace']);
    expect(await names('(415) 555 2671')).toEqual(['Zoë Lovelace']);
    expect(await names('+1 415 555 2671')).toEqual(['Zoë Lovelace']);
    expect(await names('nobody-matches-this')).toEqual([]);
  });

  it('ignores accents and case both ways', async () => {
    expect(await names('ZOË')).toEqual(['Zoë Lovelace']);
    expect(await names('angstrom')).toEqual(['Lovisa Ångström']);
    expect(await names('ÅNGSTRÖM')).toEqual(['Lovisa Ångström']);
    expect(await names('Lövelace')).toEqual(['Zoë Lovelace']);
  });

  it('ranks an exact customer number or email first, then word starts, then the rest, each by number', async () => {
    // "lov": Lovelace and Lovisa start a word with it, Glove only contains it.
    expect(await names('lov')).toEqual(['Zoë Lovelace', 'Lovisa Ångström', 'Olav Glove']);
    expect(await names('ove')).toEqual(['Zoë Lovelace', 'Olav Glove']); // neither starts a word: number order
    const exact = await names('charles@analytical.example');
    expect(exact).toEqual(['Charles Babbage']);
    // A long email is looked up by its local part, then checked in full.
    const other = await create({
      firstName: 'Other',
      lastName: 'Charles',
      emails: [{ address: 'charles@elsewhere.example' }],
    });
    expect(await names('charles@analytical.example')).toEqual(['Charles Babbage']);
    expect(await names('charles@')).toEqual(['Charles Babbage', 'Other Charles']);
    await app.api().delete(`/api/crm/customers/${other.documentId}`).expect(204);
    expect(await names(zoe.customerNumber.toLowerCase())).toEqual(['Zoë Lovelace']);
    // A number that is also the start of longer numbers comes first.
    const numbers = await names(zoe.customerNumber.slice(0, -1));
    expect(numbers.length).toBeGreaterThan(1);
  });

  it('matches two-character queries at the start of a word', async () => {
    expect(await names('lo')).toEqual(['Zoë Lovelace', 'Lovisa Ångström']);
    expect(await names('ac')).toEqual(['Acme Rockets']);
  });

  it('refuses queries shorter than two characters with a 400', async () => {
    for (const q of ['a', ' é ', '%']) {
      const response = await search(q);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/at least 2 characters/);
    }
    expect((await search('a b')).status).toBe(400);
  });

  it('treats LIKE and FTS syntax as text', async () => {
    expect((await search('%%')).status).toBe(400);
    expect(await names('%ove')).toEqual(['Zoë Lovelace', 'Olav Glove']);
    expect(await names('"lov')).toEqual(['Zoë Lovelace', 'Lovisa Ångström', 'Olav Glove']);
    expect(await names('lov*')).toEqual(['Zoë Lovelace', 'Lovisa Ångström', 'Olav Glove']);
    expect(await names('a_b')).toEqual([]);
    expect((await search('NOT OR AND')).status).toBe(200);
  });

  it('paginates with a total and keeps fields and populate', async () => {
    const first = await search('analytical', {
      pageSize: 1,
      page: 1,
      populate: 'emails',
      fields: ['firstName'],
    });
    expect(first.body.meta.pagination).toEqual({
      page: 1,
      pageSize: 1,
      pageCount: 2,
      total: 2,
      totalIsExact: true,
    });
    expect(first.body.data).toEqual([
      expect.objectContaining({
        firstName: 'Zoë',
        emails: [expect.objectContaining({ address: 'zoe@analytical.example' })],
      }),
    ]);
    expect(first.body.data[0].lastName).toBeUndefined();
    const second = await search('analytical', { pageSize: 1, page: 2 });
    expect(second.body.data.map((customer: any) => customer.lastName)).toEqual(['Babbage']);
    expect((await search('analytical', { pageSize: 1, page: 3 })).body.data).toEqual([]);
    // Page by page across the ranks: word starts, then the rest.
    const pages = [];
    for (const page of [1, 2, 3, 4]) pages.push(...(await names('lov', { pageSize: 1, page })));
    expect(pages).toEqual(['Zoë Lovelace', 'Lovisa Ångström', 'Olav Glove']);
    expect(await names('lov', { pageSize: 2, page: 2 })).toEqual(['Olav Glove']);
  });

  it('caps the counted total at the count limit and says so', async () => {
    const settings = app.strapi.config.get('plugin::crm') as Record<string, unknown>;
    const limit = settings.searchCountLimit;
    settings.searchCountLimit = 2;
    try {
      const response = await search('c-0');
      expect(response.body.meta.pagination).toMatchObject({
        total: 2,
        totalIsExact: false,
        pageCount: 1,
      });
      expect(response.body.data).toHaveLength(2);
    } finally {
      settings.searchCountLimit = limit;
    }
  });

  it('is allowed to every CRM role and refused to others', async () => {
    const { agent } = await loginAs(app, 'crm_marketeer');
    expect((await agent().get('/api/crm/customers/search').query({ q: 'zoe' })).status).toBe(200);
    const outsider = await loginAs(app, 'authenticated');
    expect(
      (await outsider.agent().get('/api/crm/customers/search').query({ q: 'zoe' })).status
    ).toBe(403);
  });

  it('is in step with the customers after all of this', async () => {
    await expectIndexInStep();
  });
});

describe('the index stays in step with every write path', () => {
  it('REST: create, update, nested contact points, contact point routes, delete', async () => {
    const grace = await create({
      firstName: 'Grace',
      lastName: 'Hopper',
      emails: [{ address: 'grace@navy.example' }],
    });
    expect(await names('hopper')).toEqual(['Grace Hopper']);

    await app
      .api()
      .put(`/api/crm/customers/${grace.documentId}`)
      .send({ data: { lastName: 'Brewster' } })
      .expect(200);
    expect(await names('hopper')).toEqual([]);
    expect(await names('brewster')).toEqual(['Grace Brewster']);

    await app
      .api()
      .put(`/api/crm/customers/${grace.documentId}`)
      .send({ data: { emails: [{ address: 'amazing@cobol.example' }] } })
      .expect(200);
    expect(await names('navy.example')).toEqual([]);
    expect(await names('cobol')).toEqual(['Grace Brewster']);

    const phone = await app
      .api()
      .post('/api/crm/phones')
      .send({ data: { customer: grace.documentId, number: '+1 202 555 0147' } });
    expect(phone.status).toBe(201);
    expect(await names('2025550147')).toEqual(['Grace Brewster']);
    await app
      .api()
      .put(`/api/crm/phones/${phone.body.data.documentId}`)
      .send({ data: { number: '+1 202 555 0199' } })
      .expect(200);
    expect(await names('2025550147')).toEqual([]);
    expect(await names('2025550199')).toEqual(['Grace Brewster']);

    // A phone moved to another customer leaves the first one's text.
    const other = await create({ firstName: 'Mover', lastName: 'Target' });
    await app
      .api()
      .put(`/api/crm/phones/${phone.body.data.documentId}`)
      .send({ data: { customer: other.documentId } })
      .expect(200);
    expect(await names('2025550199')).toEqual(['Mover Target']);
    await app.api().delete(`/api/crm/phones/${phone.body.data.documentId}`).expect(204);
    expect(await names('2025550199')).toEqual([]);
    await expectIndexInStep();

    await app.api().delete(`/api/crm/customers/${grace.documentId}`).expect(204);
    expect(await names('brewster')).toEqual([]);
    expect(await names('cobol')).toEqual([]);
    await expectIndexInStep();
  });

  it('the content manager: create, update and delete', async () => {
    const created = await cm('post', 'plugin::crm.customer').send({
      type: 'individual',
      firstName: 'Admin',
      lastName: 'Edited',
    });
    expect(created.status).toBe(201);
    expect(await names('edited')).toEqual(['Admin Edited']);
    const documentId = created.body.data.documentId;
    const updated = await cm('put', `plugin::crm.customer/${documentId}`).send({
      lastName: 'Revised',
    });
    expect(updated.status).toBe(200);
    expect(await names('edited')).toEqual([]);
    expect(await names('revised')).toEqual(['Admin Revised']);
    const relation = { connect: [{ documentId, id: created.body.data.id }] };
    const email = await cm('post', 'plugin::crm.email').send({
      address: 'cm@panel.example',
      customer: relation,
    });
    expect(email.status).toBe(201);
    expect(await names('cm@panel')).toEqual(['Admin Revised']);
    await expectIndexInStep();
    expect((await cm('delete', `plugin::crm.customer/${documentId}`)).status).toBe(200);
    expect(await names('revised')).toEqual([]);
    await expectIndexInStep();
  });

  const upload = (csv: string, object: string) =>
    app
      .api()
      .post('/api/crm/imports')
      .field('object', object)
      .attach('file', Buffer.from(csv), `${object}.csv`);
  const waitUntilFinished = async (documentId: string) => {
    for (let i = 0; i < 200; i += 1) {
      const job = (await app.api().get(`/api/crm/imports/${documentId}`)).body.data;
      if (job.stage === 'done' || job.stage === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the import did not finish');
  };

  it('a customer import and its undo', async () => {
    const csv = [
      'Type,First Name,Last Name,Company,Email,Mobile',
      'individual,Imogen,Importé,,imogen@imported.example,(415) 555-0123',
      'business,,,Quokka Imports,hello@quokka.example,',
    ].join('\n');
    const job = (await upload(csv, 'customers')).body.data;
    await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
    expect((await waitUntilFinished(job.documentId)).counts).toMatchObject({ imported: 2 });
    expect(await names('importe')).toEqual(['Imogen Importé']);
    expect(await names('4155550123')).toEqual(['Imogen Importé']);
    expect(await names('quokka')).toEqual(['Quokka Imports']);
    await expectIndexInStep();

    await app.api().post(`/api/crm/imports/${job.documentId}/undo`).expect(200);
    expect(await names('importe')).toEqual([]);
    expect(await names('quokka')).toEqual([]);
    await expectIndexInStep();
  });

  it('a contact import that creates companies, and its undo', async () => {
    const csv = [
      'First Name,Last Name,Company',
      'Ann,Able,Wombat Widgets',
      'Ben,Baker,Wombat Widgets',
    ].join('\n');
    const job = (await upload(csv, 'contacts')).body.data;
    await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/reference-data`)
      .send({ applyToAll: 'create' })
      .expect(200);
    await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
    expect((await waitUntilFinished(job.documentId)).counts).toMatchObject({ imported: 2 });
    expect(await names('wombat')).toEqual(['Wombat Widgets']);
    await expectIndexInStep();
    await app.api().post(`/api/crm/imports/${job.documentId}/undo`).expect(200);
    expect(await names('wombat')).toEqual([]);
    await expectIndexInStep();
  });

  it('is rebuilt at start-up when it has drifted', async () => {
    const zoe = await app.strapi.db
      .query('plugin::crm.customer')
      .findOne({ where: { firstName: 'Zoë' } });
    await app.strapi.db.connection('crm_search_index').where('customer_id', zoe.id).delete();
    expect(await searchIndex().inStep()).toBe(false);
    await searchIndex().rebuild();
    expect(await searchIndex().inStep()).toBe(true);
    await expectIndexInStep();
    expect(await names('zoe')).toEqual(['Zoë Lovelace']);
  });
});
