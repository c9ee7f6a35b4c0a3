import {
  adminRole,
  createAdmin,
  createRootAdmin,
  expectStrapiError,
  type Admin,
} from '../helpers/admins';
import { useTestApp } from '../helpers/strapi';

// The Contacts page's routes (/crm/contacts…) and a customer's contacts, contact points and
// update: admin RBAC in front of the same rules as REST.
const app = useTestApp();
let asRoot: Admin;
let globex: { documentId: string; customerNumber: string };
let initech: { documentId: string; customerNumber: string };
const contacts: Record<string, string> = {};

const createContact = async (data: Record<string, unknown>) => {
  const response = await app.api().post('/api/crm/contacts').send({ data });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

beforeAll(async () => {
  asRoot = await createRootAdmin(app);
  const customer = async (businessName: string) =>
    (
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { type: 'business', businessName } })
        .expect(201)
    ).body.data;
  globex = await customer('Globex Corporation');
  initech = await customer('Initech');
  contacts.hank = await createContact({
    firstName: 'Hank',
    lastName: 'Scorpio',
    email: 'hank@globex.test',
    jobTitle: 'CEO',
    company: globex.documentId,
  });
  contacts.frank = await createContact({
    firstName: 'Frank',
    lastName: 'Grimes',
    email: 'frank@elsewhere.test',
    company: globex.documentId,
    active: false,
  });
  contacts.peter = await createContact({
    firstName: 'Peter',
    lastName: 'Gibbons',
    email2: 'peter@initech.test',
    mobilePhone: '+14155550101',
    company: initech.documentId,
  });
  contacts.milton = await createContact({
    firstName: 'Milton',
    lastName: 'Waddams',
    jobTitle: '=HYPERLINK("x"), keeper',
  });
});

describe('GET /crm/contacts', () => {
  it('lists active contacts by name with their company, paged', async () => {
    const response = await asRoot('get', '/crm/contacts').query({ page: 1, pageSize: 2 });
    expect(response.status).toBe(200);
    expect(response.body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 3 });
    expect(response.body.data.map((contact: any) => contact.lastName)).toEqual([
      'Gibbons',
      'Scorpio',
    ]);
    expect(response.body.data[0]).toEqual({
      documentId: contacts.peter,
      firstName: 'Peter',
      middleName: null,
      lastName: 'Gibbons',
      displayName: 'Peter Gibbons',
      jobTitle: null,
      email: null,
      email2: 'peter@initech.test',
      mobilePhone: '+14155550101',
      mobilePhone2: null,
      workPhone: null,
      active: true,
      doNotEmail: false,
      doNotCall: false,
      isUser: false,
      company: {
        documentId: initech.documentId,
        customerNumber: initech.customerNumber,
        type: 'business',
        displayName: `Initech (${initech.customerNumber})`,
      },
      convertedCustomer: null,
    });
    const second = await asRoot('get', '/crm/contacts').query({ page: 2, pageSize: 2 });
    expect(second.body.data.map((contact: any) => contact.lastName)).toEqual(['Waddams']);
  });

  it('includes inactive contacts when asked', async () => {
    const response = await asRoot('get', '/crm/contacts').query({ includeInactive: 'true' });
    expect(response.body.meta.pagination.total).toBe(4);
    expect(response.body.data.find((c: any) => c.documentId === contacts.frank)).toMatchObject({
      active: false,
    });
  });

  it("matches names, e-mails and the company's name and number, every word", async () => {
    const search = async (q: string, extra: Record<string, string> = {}) =>
      (await asRoot('get', '/crm/contacts').query({ q, ...extra })).body.data
        .map((contact: any) => contact.firstName)
        .sort();
    expect(await search('scorp')).toEqual(['Hank']);
    expect(await search('INITECH.test')).toEqual(['Peter']);
    expect(await search('globex')).toEqual(['Hank']);
    expect(await search('globex', { includeInactive: 'true' })).toEqual(['Frank', 'Hank']);
    expect(await search(globex.customerNumber)).toEqual(['Hank']);
    expect(await search('hank globex')).toEqual(['Hank']);
    expect(await search('peter globex')).toEqual([]);
    expect(await search('nobody')).toEqual([]);
  });

  it("filters by a company's documentId", async () => {
    const response = await asRoot('get', '/crm/contacts').query({
      company: globex.documentId,
      includeInactive: 'true',
    });
    expect(response.body.data.map((contact: any) => contact.firstName).sort()).toEqual([
      'Frank',
      'Hank',
    ]);
    const unknown = await asRoot('get', '/crm/contacts').query({ company: 'nosuchcustomer000' });
    expect(unknown.status).toBe(200);
    expect(unknown.body.data).toEqual([]);
  });

  it('refuses a bad query, naming the parameter', async () => {
    expectStrapiError(
      await asRoot('get', '/crm/contacts').query({ includeInactive: 'yes' }),
      400,
      /includeInactive/
    );
    expectStrapiError(
      await asRoot('get', '/crm/contacts').query({ pageSize: 1000 }),
      400,
      /pageSize/
    );
    expectStrapiError(await asRoot('get', '/crm/contacts').query({ page: 0 }), 400, /page/);
    expectStrapiError(await asRoot('get', '/crm/contacts?q=a&q=b'), 400, /q/);
  });
});

describe('GET /crm/contacts/:id', () => {
  it('answers a contact with its company, converted customer and marketing lists', async () => {
    const list = await app
      .api()
      .post('/api/crm/marketing-lists')
      .send({ data: { name: 'Villains', channel: 'email' } })
      .expect(201);
    await app
      .api()
      .post(`/api/crm/marketing-lists/${list.body.data.documentId}/members`)
      .send({ contacts: [contacts.hank] })
      .expect(200);
    const response = await asRoot('get', `/crm/contacts/${contacts.hank}`);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      documentId: contacts.hank,
      displayName: 'Hank Scorpio',
      jobTitle: 'CEO',
      company: { documentId: globex.documentId, displayName: expect.stringMatching(/^Globex/) },
      convertedCustomer: null,
      marketingLists: [
        { documentId: list.body.data.documentId, name: 'Villains', channel: 'email' },
      ],
    });
  });

  it('answers 404 for an unknown contact', async () => {
    expectStrapiError(await asRoot('get', '/crm/contacts/nosuchcontact000000000'), 404);
  });
});

describe('GET /crm/contacts/export', () => {
  it('answers the chosen contacts as CSV, neutralising formulas', async () => {
    const response = await asRoot(
      'get',
      `/crm/contacts/export?contacts=${contacts.hank}&contacts=${contacts.milton}`
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="contacts.csv"');
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'firstName,middleName,lastName,jobTitle,email,email2,mobilePhone,mobilePhone2,workPhone,company,customerNumber,active,doNotEmail,doNotCall'
    );
    expect(lines.slice(1)).toEqual([
      `Hank,,Scorpio,CEO,hank@globex.test,,,,,Globex Corporation,${globex.customerNumber},true,false,false`,
      `Milton,,Waddams,"'=HYPERLINK(""x""), keeper",,,,,,,,true,false,false`,
    ]);
    const one = await asRoot('get', `/crm/contacts/export?contacts=${contacts.peter}`);
    expect(one.text.trim().split('\r\n')).toHaveLength(2);
  });

  it('refuses no contacts or an unknown one, naming the parameter', async () => {
    expectStrapiError(await asRoot('get', '/crm/contacts/export'), 400, /contacts/);
    const unknown = await asRoot(
      'get',
      `/crm/contacts/export?contacts=${contacts.hank}&contacts=nosuchcontact000000000`
    );
    expectStrapiError(unknown, 400, /nosuchcontact000000000/);
    expect(unknown.body.error.details.errors[0].path).toEqual(['contacts']);
  });
});

describe('contact actions', () => {
  it('generate a login as REST does: 201, then 409 for a second one', async () => {
    const created = await asRoot('post', `/crm/contacts/${contacts.peter}/generate-login`).send({
      email: 'peter.login@initech.test',
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ email: 'peter.login@initech.test' });
    expect(created.body.data).not.toHaveProperty('password');
    expectStrapiError(
      await asRoot('post', `/crm/contacts/${contacts.peter}/generate-login`).send({
        email: 'peter.other@initech.test',
      }),
      409,
      /already has a login/
    );
    expectStrapiError(
      await asRoot('post', `/crm/contacts/${contacts.milton}/generate-login`).send({
        email: 'peter.login@initech.test',
      }),
      409,
      /already used/
    );
    expectStrapiError(
      await asRoot('post', `/crm/contacts/${contacts.milton}/generate-login`).send({}),
      400,
      /email/
    );
    expectStrapiError(
      await asRoot('post', '/crm/contacts/nosuchcontact000000000/generate-login').send({
        email: 'nobody@initech.test',
      }),
      404
    );
    const view = await asRoot('get', `/crm/contacts/${contacts.peter}`);
    expect(view.body.data.isUser).toBe(true);
  });

  it('convert a contact into a customer (201), then 409', async () => {
    const converted = await asRoot('post', `/crm/contacts/${contacts.hank}/convert`);
    expect(converted.status).toBe(201);
    expect(converted.body.data).toMatchObject({
      type: 'individual',
      firstName: 'Hank',
      lastName: 'Scorpio',
    });
    expect(converted.body.data).not.toHaveProperty('ssnEncrypted');
    expectStrapiError(await asRoot('post', `/crm/contacts/${contacts.hank}/convert`), 409);
    expectStrapiError(await asRoot('post', '/crm/contacts/nosuchcontact000000000/convert'), 404);
    const view = await asRoot('get', `/crm/contacts/${contacts.hank}`);
    expect(view.body.data.convertedCustomer).toMatchObject({
      documentId: converted.body.data.documentId,
      type: 'individual',
    });
    const rest = await app.api().get(`/api/crm/customers/${converted.body.data.documentId}`);
    expect(rest.status).toBe(200);
  });

  it('comment as the admin, and read the feed newest first', async () => {
    const first = await asRoot('post', `/crm/contacts/${contacts.milton}/activity`).send({
      data: { body: 'Wants his stapler back', authorName: 'someone else' },
    });
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({
      body: 'Wants his stapler back',
      authorType: 'admin',
      authorName: 'root@crm.test',
    });
    expect(first.body.data.authorId).toEqual(expect.any(String));
    await asRoot('post', `/crm/contacts/${contacts.milton}/activity`)
      .send({ data: { body: 'Moved to the basement' } })
      .expect(201);
    const feed = await asRoot('get', `/crm/contacts/${contacts.milton}/activity`).query({
      pageSize: 1,
    });
    expect(feed.status).toBe(200);
    expect(feed.body.data.map((entry: any) => entry.body)).toEqual(['Moved to the basement']);
    expect(feed.body.meta.pagination).toMatchObject({ page: 1, pageSize: 1, total: 2 });
    const rest = await app.api().get(`/api/crm/contacts/${contacts.milton}/activity`);
    expect(rest.body.data.map((entry: any) => entry.authorType)).toEqual(['admin', 'admin']);

    expectStrapiError(
      await asRoot('post', `/crm/contacts/${contacts.milton}/activity`).send({
        data: { body: '' },
      }),
      400
    );
    expectStrapiError(
      await asRoot('post', `/crm/contacts/${contacts.milton}/activity`).send({}),
      400,
      /data/
    );
    expectStrapiError(
      await asRoot('post', '/crm/contacts/nosuchcontact000000000/activity').send({
        data: { body: 'hello' },
      }),
      404
    );
    expectStrapiError(await asRoot('get', '/crm/contacts/nosuchcontact000000000/activity'), 404);
    expectStrapiError(
      await asRoot('get', `/crm/contacts/${contacts.milton}/activity`).query({ pageSize: 'x' }),
      400,
      /pageSize/
    );
  });
});

describe("a customer's contacts, fields and contact points", () => {
  it("lists a customer's contacts, inactive ones included", async () => {
    const response = await asRoot('get', `/crm/customers/${globex.documentId}/contacts`).query({
      pageSize: 10,
    });
    expect(response.status).toBe(200);
    expect(response.body.data.map((contact: any) => [contact.firstName, contact.active])).toEqual([
      ['Frank', false],
      ['Hank', true],
    ]);
    expect(response.body.meta.pagination).toMatchObject({ total: 2, pageSize: 10 });
    expectStrapiError(await asRoot('get', '/crm/customers/nosuchcustomer00000000/contacts'), 404);
    expectStrapiError(
      await asRoot('get', `/crm/customers/${globex.documentId}/contacts`).query({ page: 'two' }),
      400,
      /page/
    );
  });

  it('updates a customer through the same rules as REST', async () => {
    const updated = await asRoot('put', `/crm/customers/${initech.documentId}`).send({
      data: { businessName: 'Initech Inc' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ businessName: 'Initech Inc' });
    const rest = await app.api().get(`/api/crm/customers/${initech.documentId}`);
    expect(rest.body.data.businessName).toBe('Initech Inc');
    expectStrapiError(
      await asRoot('put', `/crm/customers/${initech.documentId}`).send({
        data: { businessName: '' },
      }),
      400,
      /businessName/
    );
    expectStrapiError(await asRoot('put', `/crm/customers/${initech.documentId}`).send({}), 400);
    expectStrapiError(
      await asRoot('put', '/crm/customers/nosuchcustomer00000000').send({
        data: { businessName: 'X' },
      }),
      404
    );
  });

  it('creates, changes and removes contact points through the same gates as REST', async () => {
    const phone = await asRoot('post', '/crm/phones').send({
      data: { type: 'work', number: '(415) 555-0199', customer: initech.documentId },
    });
    expect(phone.status).toBe(201);
    expect(phone.body.data).toMatchObject({ number: '+14155550199', isPrimary: true });
    const duplicateType = await asRoot('post', '/crm/phones').send({
      data: { type: 'work', number: '(415) 555-0198', customer: initech.documentId },
    });
    expectStrapiError(duplicateType, 400, /work/);
    const changed = await asRoot('put', `/crm/phones/${phone.body.data.documentId}`).send({
      data: { number: '(415) 555-0177' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.data.number).toBe('+14155550177');

    const email = await asRoot('post', '/crm/emails').send({
      data: { type: 'work', address: 'Info@Initech.test', customer: initech.documentId },
    });
    expect(email.status).toBe(201);
    expect(email.body.data.address).toBe('info@initech.test');
    expectStrapiError(
      await asRoot('post', '/crm/emails').send({
        data: { type: 'work', address: 'not an address', customer: initech.documentId },
      }),
      400,
      /address/
    );
    const address = await asRoot('post', '/crm/addresses').send({
      data: {
        type: 'physical',
        line1: '1 Initech Way',
        city: 'Austin',
        country: 'US',
        customer: initech.documentId,
      },
    });
    expect(address.status).toBe(201);

    const rest = await app
      .api()
      .get(`/api/crm/customers/${initech.documentId}`)
      .query({ populate: ['phones', 'emails', 'addresses'] });
    expect(rest.body.data.phones.map((p: any) => p.number)).toEqual(['+14155550177']);
    expect(rest.body.data.emails.map((e: any) => e.address)).toEqual(['info@initech.test']);
    expect(rest.body.data.addresses.map((a: any) => a.line1)).toEqual(['1 Initech Way']);

    expect((await asRoot('delete', `/crm/phones/${phone.body.data.documentId}`)).status).toBe(204);
    expectStrapiError(await asRoot('delete', `/crm/phones/${phone.body.data.documentId}`), 404);
    expectStrapiError(
      await asRoot('put', '/crm/emails/nosuchemail0000000000').send({
        data: { address: 'x@y.test' },
      }),
      404
    );
  });
});

describe('admin RBAC', () => {
  it('lets a CRM reader read but not act, and refuses those without the CRM', async () => {
    const asReader = await createAdmin(app, 'contact-reader@crm.test', [
      await adminRole(app, 'Contact reader', ['plugin::crm.read']),
    ]);
    const asOutsider = await createAdmin(app, 'contact-outsider@crm.test', [
      await adminRole(app, 'No contacts', []),
    ]);
    const reads = [
      '/crm/contacts',
      `/crm/contacts/${contacts.milton}`,
      `/crm/contacts/export?contacts=${contacts.milton}`,
      `/crm/contacts/${contacts.milton}/activity`,
      `/crm/customers/${globex.documentId}/contacts`,
    ];
    for (const path of reads) {
      expect([path, (await asReader('get', path)).status]).toEqual([path, 200]);
      expect([path, (await asOutsider('get', path)).status]).toEqual([path, 403]);
    }
    const writes: [method: 'post' | 'put' | 'delete', path: string, body: object][] = [
      ['post', `/crm/contacts/${contacts.milton}/generate-login`, { email: 'm@initech.test' }],
      ['post', `/crm/contacts/${contacts.milton}/convert`, {}],
      ['post', `/crm/contacts/${contacts.milton}/activity`, { data: { body: 'no' } }],
      ['put', `/crm/customers/${initech.documentId}`, { data: { businessName: 'No' } }],
      ['post', '/crm/phones', { data: { type: 'home', number: '1', customer: 'x' } }],
      ['put', '/crm/emails/x', { data: {} }],
      ['delete', '/crm/addresses/x', {}],
    ];
    for (const [method, path, body] of writes) {
      for (const as of [asReader, asOutsider]) {
        const response = await as(method, path).send(body);
        expect([method, path, response.status]).toEqual([method, path, 403]);
        expect(response.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
      }
    }
    const view = (await asRoot('get', `/crm/contacts/${contacts.milton}`)).body.data;
    expect(view).toMatchObject({ isUser: false, convertedCustomer: null });
  });

  it('gives each action to the admins holding its own permission', async () => {
    const asActor = await createAdmin(app, 'contact-actor@crm.test', [
      await adminRole(app, 'Contact actor', [
        'plugin::crm.read',
        'plugin::crm.contacts.generate-login',
        'plugin::crm.contacts.convert',
        'plugin::crm.activity.comment',
      ]),
    ]);
    const comment = await asActor('post', `/crm/contacts/${contacts.milton}/activity`).send({
      data: { body: 'From the actor' },
    });
    expect(comment.status).toBe(201);
    expect(comment.body.data.authorName).toBe('contact-actor@crm.test');
    expect(
      (
        await asActor('post', `/crm/contacts/${contacts.milton}/generate-login`).send({
          email: 'milton@initech.test',
        })
      ).status
    ).toBe(201);
    expect((await asActor('post', `/crm/contacts/${contacts.milton}/convert`)).status).toBe(201);
    // Managing customers is not among them.
    expect(
      (
        await asActor('put', `/crm/customers/${initech.documentId}`).send({
          data: { businessName: 'No' },
        })
      ).status
    ).toBe(403);
  });
});
