import Papa from 'papaparse';

import { startApp, type TestApp } from '../helpers/strapi';
import { apiToken, loginAs } from '../helpers/users';

// Membership of a marketing list follows one rule, "add to marketing list: crm_sales and
// crm_manager only", whichever route or relation syntax asks for the change.
let app: TestApp;
let list: string;
let other: string;
beforeAll(async () => {
  app = await startApp();
  list = (
    await app
      .api()
      .post('/api/crm/marketing-lists')
      .send({ data: { name: 'Spring', channel: 'email' } })
  ).body.data.documentId;
  other = (
    await app
      .api()
      .post('/api/crm/marketing-lists')
      .send({ data: { name: 'Autumn', channel: 'email' } })
  ).body.data.documentId;
});
afterAll(async () => {
  await app.stop();
});

const newContact = async (lastName = 'Member') =>
  (
    await app
      .api()
      .post('/api/crm/contacts')
      .send({
        data: { firstName: 'Mia', lastName, email: `${lastName.toLowerCase()}@example.com` },
      })
  ).body.data.documentId as string;
const listsOf = async (contact: string) =>
  (
    await app.strapi.db.query('plugin::crm.contact').findOne({
      where: { documentId: contact },
      populate: { marketingLists: { select: ['documentId'] } },
    })
  ).marketingLists
    .map((item: { documentId: string }) => item.documentId)
    .sort();
const membersOf = async (documentId: string) =>
  (
    await app.strapi.db
      .query('plugin::crm.marketing-list')
      .findOne({ where: { documentId }, populate: { members: { select: ['documentId'] } } })
  ).members.map((item: { documentId: string }) => item.documentId);

describe("through the contact's marketingLists field", () => {
  const changes = (target: string) => ({
    connect: { connect: [target] },
    'connect by object': { connect: [{ documentId: target }] },
    set: { set: [target] },
    'a plain list': [target],
  });

  it.each(['crm_marketeer', 'crm_admin'])(
    'refuses %s every way of adding, on PUT and POST, and changes nothing',
    async (role) => {
      const { agent } = await loginAs(app, role);
      const contact = await newContact();
      for (const [how, value] of Object.entries(changes(list))) {
        const response = await agent()
          .put(`/api/crm/contacts/${contact}`)
          .send({ data: { marketingLists: value } });
        expect([how, response.status]).toEqual([how, 403]);
        expect(response.body.error.message).toMatch('crm_sales and crm_manager');
        expect(await listsOf(contact)).toEqual([]);
        const before = await app.strapi.db.query('plugin::crm.contact').count();
        const created = await agent()
          .post('/api/crm/contacts')
          .send({ data: { firstName: 'New', lastName: 'One', marketingLists: value } });
        expect([how, created.status]).toEqual([how, 403]);
        expect(await app.strapi.db.query('plugin::crm.contact').count()).toBe(before);
      }
    }
  );

  it('refuses a crm_marketeer removing a member (disconnect, set, an empty list)', async () => {
    const contact = await newContact();
    await app
      .api()
      .post(`/api/crm/marketing-lists/${list}/members`)
      .send({ contacts: [contact] })
      .expect(200);
    const { agent } = await loginAs(app, 'crm_marketeer');
    for (const value of [{ disconnect: [list] }, { set: [] }, [], { set: [other] }]) {
      const response = await agent()
        .put(`/api/crm/contacts/${contact}`)
        .send({ data: { marketingLists: value } });
      expect(response.status).toBe(403);
    }
    expect(await listsOf(contact)).toEqual([list]);
  });

  it('lets a crm_marketeer save a contact whose lists it leaves as they are', async () => {
    const contact = await newContact();
    await app
      .api()
      .post(`/api/crm/marketing-lists/${list}/members`)
      .send({ contacts: [contact] })
      .expect(200);
    const { agent } = await loginAs(app, 'crm_marketeer');
    for (const value of [
      { connect: [], disconnect: [] },
      { set: [list] },
      [list],
      { connect: [list] },
    ]) {
      const response = await agent()
        .put(`/api/crm/contacts/${contact}`)
        .send({ data: { jobTitle: 'Buyer', marketingLists: value } });
      expect(response.status).toBe(200);
    }
    expect(await listsOf(contact)).toEqual([list]);
  });

  it.each(['crm_sales', 'crm_manager'])(
    'lets %s add and remove through the field',
    async (role) => {
      const { agent } = await loginAs(app, role);
      const contact = await newContact();
      await agent()
        .put(`/api/crm/contacts/${contact}`)
        .send({ data: { marketingLists: { connect: [list] } } })
        .expect(200);
      expect(await listsOf(contact)).toEqual([list]);
      await agent()
        .put(`/api/crm/contacts/${contact}`)
        .send({ data: { marketingLists: { disconnect: [list] } } })
        .expect(200);
      expect(await listsOf(contact)).toEqual([]);
      const created = await agent()
        .post('/api/crm/contacts')
        .send({ data: { firstName: 'New', lastName: 'Member', marketingLists: [list] } });
      expect(created.status).toBe(201);
      expect(await listsOf(created.body.data.documentId)).toEqual([list]);
    }
  );

  it("follows the token's type: full access may, a custom token needs the members permission", async () => {
    const contact = await newContact();
    const writer = await apiToken(app, 'custom', [
      'plugin::crm.contact.update',
      'plugin::crm.contact.findOne',
      'plugin::crm.marketing-list.find',
    ]);
    expect(
      (
        await writer()
          .put(`/api/crm/contacts/${contact}`)
          .send({ data: { marketingLists: { connect: [list] } } })
      ).status
    ).toBe(403);
    const lister = await apiToken(app, 'custom', [
      'plugin::crm.contact.update',
      'plugin::crm.marketing-list.find',
      'plugin::crm.marketing-list.addMembers',
    ]);
    expect(
      (
        await lister()
          .put(`/api/crm/contacts/${contact}`)
          .send({ data: { marketingLists: { connect: [list] } } })
      ).status
    ).toBe(200);
    await app
      .api()
      .put(`/api/crm/contacts/${contact}`)
      .send({ data: { marketingLists: { connect: [other] } } })
      .expect(200);
    expect(await listsOf(contact)).toEqual([list, other].sort());
  });
});

describe("through the list's members field", () => {
  it('refuses a custom token allowed to create lists but not to add to them', async () => {
    const contact = await newContact();
    const token = await apiToken(app, 'custom', [
      'plugin::crm.marketing-list.create',
      'plugin::crm.contact.find',
    ]);
    const before = await app.strapi.db.query('plugin::crm.marketing-list').count();
    const response = await token()
      .post('/api/crm/marketing-lists')
      .send({ data: { name: 'Sneaky', channel: 'email', members: [contact] } });
    expect(response.status).toBe(403);
    expect(await app.strapi.db.query('plugin::crm.marketing-list').count()).toBe(before);
    const empty = await token()
      .post('/api/crm/marketing-lists')
      .send({ data: { name: 'Empty', channel: 'email' } });
    expect(empty.status).toBe(201);
  });

  it('lets crm_sales create a list with its members', async () => {
    const contact = await newContact();
    const { agent } = await loginAs(app, 'crm_sales');
    const response = await agent()
      .post('/api/crm/marketing-lists')
      .send({ data: { name: 'Team', channel: 'email', members: [contact] } });
    expect(response.status).toBe(201);
    expect(await membersOf(response.body.data.documentId)).toEqual([contact]);
  });
});

describe('the export', () => {
  it('keeps a list name with commas, quotes, line breaks and formulas in one neutralised cell', async () => {
    const contact = await newContact('Exported');
    for (const name of [
      'Spring, =HYPERLINK("http://evil.example")',
      "Promo\n=cmd|' /C calc'!A0",
      'Sale;@SUM(A1)',
    ]) {
      const created = await app
        .api()
        .post('/api/crm/marketing-lists')
        .send({ data: { name, channel: 'email' } });
      expect(created.status).toBe(201);
      await app
        .api()
        .post(`/api/crm/marketing-lists/${created.body.data.documentId}/members`)
        .send({ contacts: [contact] })
        .expect(200);
      const csv = (
        await app.api().get(`/api/crm/marketing-lists/${created.body.data.documentId}/export`)
      ).text;
      for (const delimiter of [',', ';']) {
        const rows = Papa.parse<string[]>(csv, { delimiter }).data;
        expect(rows[0]).toHaveLength(1);
        expect(rows[0][0]).toContain(name);
        for (const cell of rows.flat()) expect(cell).not.toMatch(/^\s*[=+\-@]/);
      }
    }
  });
});
