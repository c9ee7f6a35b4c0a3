import request from 'supertest';

import {
  contactStoredDisplayName,
  customerStoredDisplayName,
} from '../../src/plugins/crm/server/src/domain';
import { importCsv } from '../helpers/imports';
import { mergeHelpers } from '../helpers/merges';
import { useTestApp } from '../helpers/strapi';

// Every customer and contact is shown by its stored display name, kept by every write path.
const app = useTestApp();
let cm: (method: 'get' | 'post' | 'put', path: string) => request.Test;

beforeAll(async () => {
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({
    email: 'names@crm.test',
    firstname: 'Names',
    lastname: 'Admin',
    password: 'Admin-Password-1',
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  const login = await request(app.strapi.server.httpServer)
    .post('/admin/login')
    .send({ email: 'names@crm.test', password: 'Admin-Password-1' });
  const token = login.body.data.token;
  cm = (method, path) =>
    request(app.strapi.server.httpServer)
      [method](`/content-manager/collection-types/${path}`)
      .set('Authorization', `Bearer ${token}`);
});

const stored = async (uid: 'plugin::crm.customer' | 'plugin::crm.contact', documentId: string) =>
  (await app.strapi.db.query(uid).findOne({ where: { documentId }, select: ['displayName'] }))
    ?.displayName as string | null;

const customerName = (documentId: string) => stored('plugin::crm.customer', documentId);
const contactName = (documentId: string) => stored('plugin::crm.contact', documentId);

describe('the display name of a customer', () => {
  it('is its name and number after a REST create and update, and cannot be written', async () => {
    const created = await app
      .api()
      .post('/api/crm/customers')
      .send({ data: { type: 'business', businessName: 'Globex Corporation' } });
    expect(created.status).toBe(201);
    const { documentId, customerNumber } = created.body.data;
    expect(created.body.data.displayName).toBe(`Globex Corporation (${customerNumber})`);
    expect(await customerName(documentId)).toBe(`Globex Corporation (${customerNumber})`);

    const person = await app
      .api()
      .post('/api/crm/customers')
      .send({ data: { firstName: 'Jane', lastName: 'Doe', displayName: 'Forged' } });
    // REST refuses a key clients cannot write (Strapi's `writable: false`), naming it.
    expect(person.status).toBe(400);
    expect(JSON.stringify(person.body.error)).toMatch(/displayName/);
    const forgedUpdate = await app
      .api()
      .put(`/api/crm/customers/${documentId}`)
      .send({ data: { displayName: 'Forged' } });
    expect(forgedUpdate.status).toBe(400);
    expect(await customerName(documentId)).toBe(`Globex Corporation (${customerNumber})`);

    const renamed = await app
      .api()
      .put(`/api/crm/customers/${documentId}`)
      .send({ data: { businessName: 'Globex Holdings' } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.displayName).toBe(`Globex Holdings (${customerNumber})`);
    expect(await customerName(documentId)).toBe(`Globex Holdings (${customerNumber})`);
  });

  it('follows a content-manager create and update', async () => {
    const created = await cm('post', 'plugin::crm.customer').send({
      type: 'individual',
      firstName: 'Ada',
      lastName: 'Admin',
      displayName: 'Forged by hand',
    });
    expect(created.status).toBe(201);
    const { documentId, customerNumber } = created.body.data;
    expect(created.body.data.displayName).toBe(`Ada Admin (${customerNumber})`);

    const updated = await cm('put', `plugin::crm.customer/${documentId}`).send({
      lastName: 'Lovelace',
      displayName: 'Forged again',
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data.displayName).toBe(`Ada Lovelace (${customerNumber})`);
    expect(await customerName(documentId)).toBe(`Ada Lovelace (${customerNumber})`);
  });
});

describe('the display name of a contact', () => {
  it("is the person's name and their company's, after REST and content-manager writes", async () => {
    const company = (
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { type: 'business', businessName: 'Initech' } })
    ).body.data;
    const alone = await app
      .api()
      .post('/api/crm/contacts')
      .send({ data: { firstName: 'Peter', lastName: 'Gibbons' } });
    expect(alone.status).toBe(201);
    expect(alone.body.data.displayName).toBe('Peter Gibbons');

    const moved = await app
      .api()
      .put(`/api/crm/contacts/${alone.body.data.documentId}`)
      .send({ data: { company: company.documentId } });
    expect(moved.status).toBe(200);
    expect(moved.body.data.displayName).toBe('Peter Gibbons — Initech');

    const viaCm = await cm('post', 'plugin::crm.contact').send({
      firstName: 'Milton',
      lastName: 'Waddams',
      company: { connect: [{ documentId: company.documentId }] },
    });
    expect(viaCm.status).toBe(201);
    expect(viaCm.body.data.displayName).toBe('Milton Waddams — Initech');
    const edited = await cm('put', `plugin::crm.contact/${viaCm.body.data.documentId}`).send({
      firstName: 'Milt',
    });
    expect(edited.status).toBe(200);
    expect(await contactName(viaCm.body.data.documentId)).toBe('Milt Waddams — Initech');
  });

  it("follows its company's rename, set-based", async () => {
    const company = (
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { type: 'business', businessName: 'Umbrella' } })
    ).body.data;
    const staff = [];
    for (const name of ['Alice', 'Bob', 'Carol'])
      staff.push(
        (
          await app
            .api()
            .post('/api/crm/contacts')
            .send({ data: { firstName: name, lastName: 'Worker', company: company.documentId } })
        ).body.data
      );
    await app
      .api()
      .put(`/api/crm/customers/${company.documentId}`)
      .send({ data: { businessName: 'Umbrella Corporation' } })
      .expect(200);
    for (const contact of staff)
      expect(await contactName(contact.documentId)).toBe(
        `${contact.firstName} Worker — Umbrella Corporation`
      );
  });

  it('loses the company when the company is deleted', async () => {
    const company = (
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { type: 'business', businessName: 'Gone Ltd' } })
    ).body.data;
    const contact = (
      await app
        .api()
        .post('/api/crm/contacts')
        .send({ data: { firstName: 'Left', lastName: 'Behind', company: company.documentId } })
    ).body.data;
    expect(contact.displayName).toBe('Left Behind — Gone Ltd');
    await app.api().delete(`/api/crm/customers/${company.documentId}`).expect(204);
    expect(await contactName(contact.documentId)).toBe('Left Behind');
  });

  it('carries over to the customer a contact is converted to', async () => {
    const contact = (
      await app
        .api()
        .post('/api/crm/contacts')
        .send({ data: { firstName: 'Samir', lastName: 'Nagheenanajar' } })
    ).body.data;
    const converted = await app.api().post(`/api/crm/contacts/${contact.documentId}/convert`);
    expect(converted.status).toBe(201);
    const customer = converted.body.data;
    expect(await customerName(customer.documentId)).toBe(
      `Samir Nagheenanajar (${customer.customerNumber})`
    );
  });
});

describe('the set-based write paths', () => {
  it('name what an import creates and updates', async () => {
    const job = await importCsv(
      app,
      'First Name,Last Name,Company\nBill,Lumbergh,Initrode\nMichael,Bolton,Initrode\n'
    );
    expect(job.counts.imported).toBe(2);
    const contacts = await app.strapi.db.query('plugin::crm.contact').findMany({
      where: { lastName: { $in: ['Lumbergh', 'Bolton'] } },
      select: ['displayName'],
      orderBy: { lastName: 'asc' },
    });
    expect(contacts.map((row: { displayName: string }) => row.displayName)).toEqual([
      'Michael Bolton — Initrode',
      'Bill Lumbergh — Initrode',
    ]);
    const initrode = await app.strapi.db
      .query('plugin::crm.customer')
      .findOne({ where: { businessName: 'Initrode' } });
    expect(initrode.displayName).toBe(`Initrode (${initrode.customerNumber})`);
  });

  it('follow a merge of customers and its undo', async () => {
    const h = mergeHelpers(app);
    const survivor = await h.company('Vandelay Industries');
    const merged = await h.company('Vandelay Imports');
    const worker = await h.contact('Art', 'Vandelay', { company: merged.documentId });
    const response = await h.mergeCustomers({
      survivor: survivor.documentId,
      merged: [merged.documentId],
    });
    expect(response.status).toBe(200);
    expect(await contactName(worker.documentId)).toBe('Art Vandelay — Vandelay Industries');

    expect((await h.undo(response.body.meta.merge)).status).toBe(200);
    expect(await contactName(worker.documentId)).toBe('Art Vandelay — Vandelay Imports');
    expect(await customerName(merged.documentId)).toBe(
      `Vandelay Imports (${merged.customerNumber})`
    );
  });

  it('follow a merge of contacts', async () => {
    const h = mergeHelpers(app);
    const a = await h.contact('Kel', 'Varnsen');
    const b = await h.contact('Kel', 'Varnsen', { jobTitle: 'Buyer' });
    const response = await h.mergeContacts({
      survivor: a.documentId,
      merged: [b.documentId],
      fields: { lastName: b.documentId },
    });
    expect(response.status).toBe(200);
    expect(await contactName(a.documentId)).toBe('Kel Varnsen');
    expect((await h.undo(response.body.meta.merge)).status).toBe(200);
    expect(await contactName(b.documentId)).toBe('Kel Varnsen');
  });
});

describe('the rule in SQL', () => {
  it('agrees with the domain on the stored rows, and fills rows without one', async () => {
    const customers = app.strapi.db.metadata.get('plugin::crm.customer').tableName;
    const contacts = app.strapi.db.metadata.get('plugin::crm.contact').tableName;
    // Rows as odd as the tables allow: no name, only a number, a business without its name, the longest names.
    const long = 'W'.repeat(100);
    await app.strapi.db.query('plugin::crm.customer').createMany({
      data: [
        { type: 'individual', customerNumber: 'C-900001' },
        { type: 'business', firstName: 'Owner', lastName: 'Only', customerNumber: 'C-900002' },
        { type: 'individual', businessName: 'Trading As', customerNumber: 'C-900003' },
        { type: 'individual', firstName: 'No', lastName: 'Number' },
        { type: 'business', businessName: 'Ü'.repeat(200), customerNumber: 'C-900004' },
        { type: 'individual', firstName: long, lastName: long, customerNumber: 'C-900005' },
        { type: 'individual' },
      ],
    });
    const longCompany = await app.strapi.db
      .query('plugin::crm.customer')
      .findOne({ where: { customerNumber: 'C-900004' } });
    await app.strapi.documents('plugin::crm.contact').create({
      data: { firstName: long, lastName: long, company: longCompany.documentId },
    });
    await app.strapi.db.connection(customers).update({ display_name: null });
    await app.strapi.db.connection(contacts).update({ display_name: null });
    await app.strapi.plugin('crm').service('display-names').fill();

    const rows = await app.strapi.db.query('plugin::crm.customer').findMany({
      select: ['type', 'firstName', 'lastName', 'businessName', 'customerNumber', 'displayName'],
    });
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) expect(row.displayName).toBe(customerStoredDisplayName(row));
    const people = await app.strapi.db.query('plugin::crm.contact').findMany({
      select: ['firstName', 'lastName', 'displayName'],
      populate: { company: { select: ['type', 'firstName', 'lastName', 'businessName'] } },
    });
    for (const row of people)
      expect(row.displayName).toBe(contactStoredDisplayName(row, row.company));
  });
});
