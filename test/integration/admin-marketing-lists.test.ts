import {
  adminRole,
  createAdmin,
  createRootAdmin,
  expectStrapiError,
  type Admin,
} from '../helpers/admins';
import { useTestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/users';

// The Marketing lists page's routes (/crm/marketing-lists…): counts and verdicts by the export's
// rule, the same membership changes and export as REST, and admin RBAC.
const app = useTestApp();
let asRoot: Admin;
const contacts: Record<string, string> = {};
let acme: string;

const createContact = async (data: Record<string, unknown>) =>
  (await app.api().post('/api/crm/contacts').send({ data }).expect(201)).body.data
    .documentId as string;

beforeAll(async () => {
  asRoot = await createRootAdmin(app);
  acme = (
    await app
      .api()
      .post('/api/crm/customers')
      .send({
        data: {
          type: 'business',
          businessName: 'Acme Mail',
          addresses: [{ type: 'physical', line1: '1 Road', city: 'Boston', country: 'US' }],
        },
      })
      .expect(201)
  ).body.data.documentId;
  // Reached by e-mail, phone and mail.
  contacts.ann = await createContact({
    firstName: 'Ann',
    lastName: 'Able',
    email: 'ann@acme.test',
    mobilePhone: '+14155550111',
    company: acme,
  });
  // Refuses e-mails; reached by phone only.
  contacts.bob = await createContact({
    firstName: 'Bob',
    lastName: 'Baker',
    email: 'bob@acme.test',
    workPhone: '+14155550112',
    doNotEmail: true,
  });
  // No e-mail, no phone, no company.
  contacts.cid = await createContact({ firstName: 'Cid', lastName: 'Cole' });
  // Inactive: reached by nothing.
  contacts.dee = await createContact({
    firstName: 'Dee',
    lastName: 'Dunn',
    email: 'dee@acme.test',
    company: acme,
    active: false,
  });
});

describe('marketing lists of the admin pages', () => {
  let list: string;

  it('creates a list (201) with zero counts', async () => {
    const created = await asRoot('post', '/crm/marketing-lists').send({
      data: { name: 'Spring mailing', channel: 'email' },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toEqual({
      documentId: expect.any(String),
      name: 'Spring mailing',
      channel: 'email',
      createdAt: expect.any(String),
      counts: { members: 0, exported: 0, reachable: { email: 0, phone: 0, mail: 0 } },
    });
    list = created.body.data.documentId;
    const rest = await app.api().get(`/api/crm/marketing-lists/${list}`);
    expect(rest.body.data).toMatchObject({ name: 'Spring mailing', channel: 'email' });
  });

  it('refuses a list without a name or with an unknown channel, naming the field', async () => {
    const noName = await asRoot('post', '/crm/marketing-lists').send({
      data: { name: ' ', channel: 'email' },
    });
    expectStrapiError(noName, 400, /name/);
    expect(noName.body.error.details.errors[0].path).toEqual(['data', 'name']);
    expectStrapiError(
      await asRoot('post', '/crm/marketing-lists').send({ data: { name: 'X', channel: 'fax' } }),
      400,
      /channel/
    );
    expectStrapiError(await asRoot('post', '/crm/marketing-lists').send({}), 400, /data/);
  });

  it('adds members and counts them by the rule of the export', async () => {
    const added = await asRoot('post', `/crm/marketing-lists/${list}/members`).send({
      contacts: Object.values(contacts),
    });
    expect(added.status).toBe(200);
    expect(added.body.data.counts).toEqual({
      members: 4,
      exported: 1,
      reachable: { email: 1, phone: 2, mail: 1 },
    });
    const one = await asRoot('get', `/crm/marketing-lists/${list}`);
    expect(one.body.data.counts).toEqual(added.body.data.counts);

    // The export says the same.
    const exported = await asRoot('get', `/crm/marketing-lists/${list}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers['x-exported-count']).toBe('1');
    expect(exported.headers['x-left-out-count']).toBe('3');
    const rest = await app.api().get(`/api/crm/marketing-lists/${list}/export`);
    expect(exported.text).toBe(rest.text);
    expect(exported.headers['content-disposition']).toBe(rest.headers['content-disposition']);
  });

  it('lists summaries, paged, with counts for each list', async () => {
    await asRoot('post', '/crm/marketing-lists')
      .send({ data: { name: 'A phone list', channel: 'phone' } })
      .expect(201);
    const phoneList = (await asRoot('get', '/crm/marketing-lists').query({ pageSize: 1 })).body;
    expect(phoneList.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: 2, total: 2 });
    expect(phoneList.data).toEqual([
      expect.objectContaining({
        name: 'A phone list',
        counts: { members: 0, exported: 0, reachable: { email: 0, phone: 0, mail: 0 } },
      }),
    ]);
    await asRoot('post', `/crm/marketing-lists/${phoneList.data[0].documentId}/members`)
      .send({ contacts: [contacts.bob, contacts.cid] })
      .expect(200);
    const all = (await asRoot('get', '/crm/marketing-lists')).body.data;
    expect(
      all.map((summary: any) => [summary.name, summary.counts.members, summary.counts.exported])
    ).toEqual([
      ['A phone list', 2, 1],
      ['Spring mailing', 4, 1],
    ]);
  });

  it('lists members with whether the export reaches them and why not; reachable filters', async () => {
    const members = await asRoot('get', `/crm/marketing-lists/${list}/members`);
    expect(members.status).toBe(200);
    expect(
      members.body.data.map((member: any) => [
        member.firstName,
        member.reachable,
        member.leftOutReason,
      ])
    ).toEqual([
      ['Ann', true, null],
      ['Bob', false, 'does not want emails'],
      ['Cid', false, 'no email address'],
      ['Dee', false, 'inactive'],
    ]);
    expect(members.body.data[0]).toEqual({
      documentId: contacts.ann,
      firstName: 'Ann',
      lastName: 'Able',
      displayName: 'Ann Able',
      company: expect.objectContaining({
        documentId: acme,
        displayName: expect.stringMatching(/^Acme Mail \(C-/),
      }),
      email: 'ann@acme.test',
      phone: '+14155550111',
      active: true,
      reachable: true,
      leftOutReason: null,
    });
    expect(members.body.meta.pagination).toMatchObject({ total: 4 });

    const leftOut = await asRoot('get', `/crm/marketing-lists/${list}/members`).query({
      reachable: 'false',
      pageSize: 2,
      page: 2,
    });
    expect(leftOut.body.data.map((member: any) => member.firstName)).toEqual(['Dee']);
    expect(leftOut.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
    const reached = await asRoot('get', `/crm/marketing-lists/${list}/members`).query({
      reachable: 'true',
    });
    expect(reached.body.data.map((member: any) => member.firstName)).toEqual(['Ann']);
    expectStrapiError(
      await asRoot('get', `/crm/marketing-lists/${list}/members`).query({ reachable: 'maybe' }),
      400,
      /reachable/
    );
  });

  it('removes members, as REST does too', async () => {
    const removed = await asRoot('post', `/crm/marketing-lists/${list}/members/remove`).send({
      contacts: [contacts.dee, contacts.cid],
    });
    expect(removed.status).toBe(200);
    expect(removed.body.data.counts.members).toBe(2);
    // Not a member any more: nothing changes.
    await asRoot('post', `/crm/marketing-lists/${list}/members/remove`)
      .send({ contacts: [contacts.dee] })
      .expect(200);

    const rest = await app
      .api()
      .post(`/api/crm/marketing-lists/${list}/members/remove`)
      .send({ contacts: [contacts.bob] });
    expect(rest.status).toBe(200);
    expect(rest.body.data.members.map((member: any) => member.documentId)).toEqual([contacts.ann]);
    const view = await asRoot('get', `/crm/contacts/${contacts.bob}`);
    expect(view.body.data.marketingLists.map((each: any) => each.name)).toEqual(['A phone list']);
  });

  it('refuses bad member changes, naming the field, and unknown lists with 404', async () => {
    for (const path of ['members', 'members/remove']) {
      expectStrapiError(
        await asRoot('post', `/crm/marketing-lists/${list}/${path}`).send({ contacts: [] }),
        400,
        /contacts/
      );
      const unknown = await asRoot('post', `/crm/marketing-lists/${list}/${path}`).send({
        contacts: ['nosuchcontact000000000'],
      });
      expectStrapiError(unknown, 400, /nosuchcontact000000000/);
      expect(unknown.body.error.details.errors[0].path).toEqual(['contacts']);
      expectStrapiError(
        await asRoot('post', `/crm/marketing-lists/nosuchlist0000000000/${path}`).send({
          contacts: [contacts.ann],
        }),
        404
      );
    }
    expectStrapiError(await asRoot('get', '/crm/marketing-lists/nosuchlist0000000000'), 404);
    expectStrapiError(
      await asRoot('get', '/crm/marketing-lists/nosuchlist0000000000/members'),
      404
    );
    expectStrapiError(await asRoot('get', '/crm/marketing-lists/nosuchlist0000000000/export'), 404);
    expectStrapiError(
      await asRoot('get', '/crm/marketing-lists').query({ pageSize: 101 }),
      400,
      /pageSize/
    );
  });

  it('removing members over REST follows the role table', async () => {
    const marketeer = await loginAs(app, 'crm_marketeer');
    const refused = await marketeer
      .agent()
      .post(`/api/crm/marketing-lists/${list}/members/remove`)
      .send({ contacts: [contacts.ann] });
    expect(refused.status).toBe(403);
    const sales = await loginAs(app, 'crm_sales');
    const allowed = await sales
      .agent()
      .post(`/api/crm/marketing-lists/${list}/members/remove`)
      .send({ contacts: [contacts.ann] });
    expect(allowed.status).toBe(200);
    expect(allowed.body.data.members).toEqual([]);
  });

  it('follows admin RBAC: readers read, only marketing-lists.add changes', async () => {
    const asReader = await createAdmin(app, 'list-reader@crm.test', [
      await adminRole(app, 'List reader', ['plugin::crm.read']),
    ]);
    const asOutsider = await createAdmin(app, 'list-outsider@crm.test', [
      await adminRole(app, 'No lists', []),
    ]);
    const asMarketer = await createAdmin(app, 'list-marketer@crm.test', [
      await adminRole(app, 'List marketer', [
        'plugin::crm.read',
        'plugin::crm.marketing-lists.add',
      ]),
    ]);
    for (const path of [
      '/crm/marketing-lists',
      `/crm/marketing-lists/${list}`,
      `/crm/marketing-lists/${list}/members`,
      `/crm/marketing-lists/${list}/export`,
    ]) {
      expect([path, (await asReader('get', path)).status]).toEqual([path, 200]);
      expect([path, (await asOutsider('get', path)).status]).toEqual([path, 403]);
    }
    const writes: [path: string, body: object][] = [
      ['/crm/marketing-lists', { data: { name: 'Nope', channel: 'email' } }],
      [`/crm/marketing-lists/${list}/members`, { contacts: [contacts.ann] }],
      [`/crm/marketing-lists/${list}/members/remove`, { contacts: [contacts.ann] }],
    ];
    for (const [path, body] of writes) {
      for (const as of [asReader, asOutsider]) {
        const response = await as('post', path).send(body);
        expect([path, response.status]).toEqual([path, 403]);
        expect(response.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
      }
    }
    expect((await asRoot('get', `/crm/marketing-lists/${list}`)).body.data.counts.members).toBe(0);

    expect((await asMarketer('post', writes[0][0]).send(writes[0][1])).status).toBe(201);
    const added = await asMarketer('post', writes[1][0]).send(writes[1][1]);
    expect(added.status).toBe(200);
    expect(added.body.data.counts.members).toBe(1);
    expect((await asMarketer('post', writes[2][0]).send(writes[2][1])).status).toBe(200);
  });
});
