import request from 'supertest';

import { startApp, type TestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/users';

// What one request may load: populate depth and size, and the range of every page number.
let app: TestApp;
const LIMIT_KEY = 'plugin::crm.populateMaxRelated';

const ok = (response: request.Response, status = 200) => {
  if (response.status !== status)
    throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
};
const refused = (response: request.Response, message: string | RegExp) => {
  expect(response.status).toBe(400);
  expect(response.body).toMatchObject({
    data: null,
    error: { status: 400, name: 'ValidationError' },
  });
  expect(response.body.error.message).toMatch(message);
};

let company: string;
let customer: string;
let contacts: string[];
let bigList: string;
let smallList: string;

beforeAll(async () => {
  app = await startApp();
  company = ok(
    await app
      .api()
      .post('/api/crm/customers')
      .send({
        data: {
          type: 'business',
          businessName: 'Bounded Co',
          addresses: [{ type: 'work', line1: '1 Limit Way', city: 'Boston', country: 'US' }],
          phones: [{ type: 'work', number: '(415) 555-2671' }],
        },
      }),
    201
  ).data.documentId;
  customer = ok(
    await app
      .api()
      .post('/api/crm/customers')
      .send({
        data: {
          firstName: 'Paula',
          lastName: 'Populate',
          emails: [{ type: 'personal', address: 'paula@populate.test' }],
        },
      }),
    201
  ).data.documentId;
  contacts = [];
  for (let i = 0; i < 7; i++) {
    const created = await app
      .api()
      .post('/api/crm/contacts')
      .send({ data: { firstName: `Member${i}`, lastName: 'Bounded', company } });
    contacts.push(ok(created, 201).data.documentId);
  }
  const list = async (name: string, members: string[]) => {
    const documentId = ok(
      await app
        .api()
        .post('/api/crm/marketing-lists')
        .send({ data: { name, channel: 'email' } }),
      201
    ).data.documentId;
    ok(
      await app
        .api()
        .post(`/api/crm/marketing-lists/${documentId}/members`)
        .send({ contacts: members })
    );
    return documentId as string;
  };
  bigList = await list('Big list', contacts.slice(0, 6));
  smallList = await list('Small list', contacts.slice(5, 7));
});
afterAll(async () => {
  await app.stop();
});

/** Runs `work` with the related-records limit lowered, so a handful of records is "too many". */
const withLimit = async (limit: number, work: () => Promise<void>) => {
  const before = app.strapi.config.get(LIMIT_KEY);
  app.strapi.config.set(LIMIT_KEY, limit);
  try {
    await work();
  } finally {
    app.strapi.config.set(LIMIT_KEY, before);
  }
};

describe('populate depth and nesting', () => {
  it('refuses the members of every list of every contact of a page, naming the limit', async () => {
    refused(
      await app
        .api()
        .get(
          '/api/crm/contacts?pagination[pageSize]=100&populate[marketingLists][populate]=members'
        ),
      /populate of marketingLists\.members is refused: .*only at the first level, for at most 1,000 related records per request; page through them instead: GET \/api\/crm\/contacts\?filters\[marketingLists\]\[documentId\]=/
    );
  });

  it.each([
    [
      'nested objects',
      '/api/crm/contacts?populate[company][populate][addresses][populate]=customer',
      'company.addresses.customer is 3',
    ],
    [
      'a dotted path',
      '/api/crm/contacts?populate=company.primaryContact.addresses',
      'company.primaryContact.addresses is 3',
    ],
    [
      'an array of paths',
      '/api/crm/contacts?populate[0]=company&populate[1]=company.primaryContact.emails',
      'company.primaryContact.emails is 3',
    ],
    [
      'a nested wildcard',
      '/api/crm/addresses?populate[customer][populate][primaryContact][populate]=*',
      'customer.primaryContact.addresses is 3',
    ],
  ])('refuses a third level (%s)', async (_label, url, path) => {
    refused(await app.api().get(url), `populate goes at most 2 levels deep (${path})`);
  });

  it('refuses an unbounded relation under another one, in every syntax', async () => {
    refused(
      await app.api().get(`/api/crm/contacts/${contacts[0]}?populate=marketingLists.members`),
      'populate of marketingLists.members is refused'
    );
    refused(
      await app.api().get(`/api/crm/marketing-lists/${smallList}?populate[members][populate]=*`),
      'populate of members.marketingLists is refused'
    );
    refused(
      await app.api().get(`/api/crm/marketing-lists?populate[members][populate][activities]=true`),
      'populate of members.activities is refused'
    );
  });

  it('bounds the write routes that answer with a record', async () => {
    refused(
      await app
        .api()
        .post('/api/crm/contacts?populate=marketingLists.members')
        .send({ data: { firstName: 'New', lastName: 'Contact' } }),
      'populate of marketingLists.members is refused'
    );
    refused(
      await app
        .api()
        .put(
          `/api/crm/customers/${customer}?populate[primaryContact][populate][primaryContact][populate]=addresses`
        )
        .send({ data: { middleName: 'Q' } }),
      'populate goes at most 2 levels deep'
    );
    refused(
      await app
        .api()
        .post('/api/crm/marketing-lists?populate[members][populate]=marketingLists')
        .send({ data: { name: 'Nested', channel: 'email' } }),
      'populate of members.marketingLists is refused'
    );
  });

  it('bounds the quick search', async () => {
    refused(
      await app
        .api()
        .get('/api/crm/customers/search?q=paula&populate=primaryContact.primaryContact.emails'),
      'populate goes at most 2 levels deep'
    );
  });

  it('bounds a role user as it bounds an API token', async () => {
    const { agent } = await loginAs(app, 'crm_manager');
    refused(
      await agent().get('/api/crm/contacts?populate[marketingLists][populate]=members'),
      'populate of marketingLists.members is refused'
    );
  });

  it('bounds the admin routes that take a populate', async () => {
    const email = 'bounds-admin@crm.test';
    const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
    await app.strapi.service('admin::user').create({
      email,
      firstname: 'Bounds',
      lastname: 'Admin',
      password: 'Admin-Password-1',
      isActive: true,
      registrationToken: null,
      roles: [superAdmin.id],
    });
    const login = ok(
      await request(app.strapi.server.httpServer)
        .post('/admin/login')
        .send({ email, password: 'Admin-Password-1' })
    );
    const created = await request(app.strapi.server.httpServer)
      .post('/crm/customers?populate[primaryContact][populate][primaryContact][populate]=emails')
      .set('Authorization', `Bearer ${login.data.token}`)
      .send({ data: { type: 'individual', firstName: 'Admin', lastName: 'Made' } });
    refused(
      created,
      'populate goes at most 2 levels deep (primaryContact.primaryContact.emails is 3)'
    );
  });
});

describe('populate size', () => {
  it('refuses a list with more members than the limit and answers a small one', async () => {
    await withLimit(5, async () => {
      refused(
        await app.api().get(`/api/crm/marketing-lists/${bigList}?populate=members`),
        'populate would load 6 related records (members: 6), more than the 5 a request may load; page through them instead: GET /api/crm/contacts?filters[marketingLists][documentId]=<list documentId>'
      );
      const small = ok(
        await app.api().get(`/api/crm/marketing-lists/${smallList}?populate=members`)
      );
      expect(
        small.data.members.map((member: { documentId: string }) => member.documentId).sort()
      ).toEqual(contacts.slice(5, 7).sort());
    });
  });

  it('counts the related records of the page the list query chooses', async () => {
    await withLimit(5, async () => {
      // 6 + 2 members on the page of both lists; the filtered page holds the small list only.
      refused(
        await app.api().get('/api/crm/marketing-lists?populate[members][fields][0]=firstName'),
        'populate would load 8 related records (members: 8)'
      );
      const filtered = ok(
        await app
          .api()
          .get('/api/crm/marketing-lists')
          .query({ 'filters[name][$eq]': 'Small list', populate: 'members' })
      );
      expect(filtered.data).toHaveLength(1);
      expect(filtered.data[0].members).toHaveLength(2);
      // 8 memberships over the 7 contacts; a page of two contacts holds at most 4.
      refused(
        await app.api().get('/api/crm/contacts?populate=marketingLists'),
        'populate would load 8 related records (marketingLists: 8)'
      );
      const paged = ok(
        await app
          .api()
          .get('/api/crm/contacts')
          .query({ populate: 'marketingLists', 'pagination[pageSize]': 2, sort: 'firstName:asc' })
      );
      expect(
        paged.data.map((contact: { marketingLists: unknown[] }) => contact.marketingLists.length)
      ).toEqual([1, 1]);
      refused(
        await app.api().get('/api/crm/contacts?populate=*'),
        'populate would load 8 related records'
      );
    });
  });

  it('counts for the write routes that answer with a record', async () => {
    for (let i = 0; i < 6; i++)
      ok(
        await app
          .api()
          .post(`/api/crm/contacts/${contacts[6]}/activity`)
          .send({ data: { body: `note ${i}` } }),
        201
      );
    await withLimit(5, async () => {
      refused(
        await app
          .api()
          .put(`/api/crm/contacts/${contacts[6]}?populate=activities`)
          .send({ data: { jobTitle: 'Buyer' } }),
        'populate would load 6 related records (activities: 6), more than the 5 a request may load; page through them instead: GET /api/crm/contacts/<documentId>/activity'
      );
      const updated = ok(
        await app
          .api()
          .put(`/api/crm/contacts/${contacts[6]}?populate=marketingLists`)
          .send({ data: { jobTitle: 'Buyer' } })
      );
      expect(updated.data.marketingLists).toHaveLength(1);
    });
  });

  it('lets a count of the members through, and the paged alternative', async () => {
    await withLimit(5, async () => {
      const counted = ok(
        await app.api().get(`/api/crm/marketing-lists/${bigList}?populate[members][count]=true`)
      );
      expect(counted.data.members).toEqual({ count: 6 });
      const members = ok(
        await app
          .api()
          .get('/api/crm/contacts')
          .query({ 'filters[marketingLists][documentId]': bigList, 'pagination[pageSize]': 5 })
      );
      expect(members.meta.pagination.total).toBe(6);
    });
  });
});

describe('ordinary populates still work', () => {
  it('populate=* on a customer', async () => {
    const body = ok(await app.api().get(`/api/crm/customers/${company}?populate=*`));
    expect(body.data.addresses).toHaveLength(1);
    expect(body.data.phones).toHaveLength(1);
  });

  it('a company with its addresses on contacts, in every syntax', async () => {
    for (const query of [
      'populate[company][populate]=addresses',
      'populate=company.addresses',
      'populate[0]=company&populate[1]=company.addresses',
      'populate[company][populate][addresses][fields][0]=city',
      'populate[company][populate]=*',
    ]) {
      const body = ok(
        await app
          .api()
          .get(`/api/crm/contacts?filters[lastName]=Bounded&pagination[pageSize]=100&${query}`)
      );
      expect(body.data).toHaveLength(7);
      expect(body.data[0].company.addresses).toHaveLength(1);
    }
    const fields = ok(
      await app
        .api()
        .get(
          `/api/crm/contacts/${contacts[0]}?populate[company][fields][0]=businessName&populate[user]=true`
        )
    );
    expect(fields.data.company).toMatchObject({ businessName: 'Bounded Co' });
  });

  it('phones and emails on the quick search', async () => {
    const body = ok(
      await app.api().get('/api/crm/customers/search?q=paula&populate=phones,emails')
    );
    expect(body.data).toHaveLength(1);
    expect(body.data[0].emails).toHaveLength(1);
  });

  it('a small list with its members, and a contact with its lists and activities', async () => {
    const list = ok(await app.api().get(`/api/crm/marketing-lists/${smallList}?populate=members`));
    expect(list.data.members).toHaveLength(2);
    const contact = ok(
      await app
        .api()
        .get(`/api/crm/contacts/${contacts[6]}?populate=marketingLists,activities,company`)
    );
    expect(contact.data.activities).toHaveLength(6);
  });
});

describe('page numbers and offsets', () => {
  const BAD = ['1e300', '-2', '1.5', 'abc', ['1', '2']];
  const COLLECTIONS = [
    'customers',
    'addresses',
    'phones',
    'emails',
    'connections',
    'relationships',
    'contacts',
    'marketing-lists',
  ];
  const get = (path: string, parameter: string, value: string | string[]) =>
    app
      .api()
      .get(path)
      .query({ [parameter]: value });
  const expectNamed = (response: request.Response, parameter: string) => {
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('ValidationError');
    expect(response.body.error.message).toMatch(`${parameter}: must be a whole number from`);
  };

  it.each(BAD.map((value) => [value]))(
    'the quick search refuses page and pageSize %p',
    async (value) => {
      expectNamed(await get('/api/crm/customers/search?q=ab', 'page', value), 'page');
      expectNamed(await get('/api/crm/customers/search?q=ab', 'pageSize', value), 'pageSize');
    }
  );

  it('the quick search names the range', async () => {
    refused(
      await app.api().get('/api/crm/customers/search?q=ab&page=1000001'),
      'page: must be a whole number from 1 to 1,000,000'
    );
    refused(
      await app.api().get('/api/crm/customers/search?q=ab&pageSize=101'),
      'pageSize: must be a whole number from 1 to 100'
    );
    ok(await app.api().get('/api/crm/customers/search?q=ab&page=1000000'));
  });

  it.each(BAD.map((value) => [value]))(
    'the activity feed, the import log and the network refuse %p',
    async (value) => {
      const activity = `/api/crm/contacts/${contacts[0]}/activity`;
      expectNamed(await get(activity, 'page', value), 'page');
      expectNamed(await get(activity, 'pageSize', value), 'pageSize');
      expectNamed(await get(activity, 'pagination[page]', value), 'pagination[page]');
      expectNamed(await get(activity, 'pagination[pageSize]', value), 'pagination[pageSize]');
      expectNamed(await get('/api/crm/imports/unknown/log', 'page', value), 'page');
      expectNamed(await get('/api/crm/imports/unknown/log', 'pageSize', value), 'pageSize');
      expectNamed(await get(`/api/crm/customers/${customer}/network`, 'depth', value), 'depth');
    }
  );

  it.each(COLLECTIONS.map((plural) => [plural]))(
    'GET /api/crm/%s refuses out-of-range pagination, naming it',
    async (plural) => {
      for (const parameter of ['page', 'pageSize', 'start', 'limit']) {
        for (const value of [...BAD, '1e17']) {
          const response = await get(`/api/crm/${plural}`, `pagination[${parameter}]`, value);
          expectNamed(response, `pagination[${parameter}]`);
        }
      }
      ok(
        await app.api().get(`/api/crm/${plural}?pagination[page]=1000000&pagination[pageSize]=100`)
      );
      ok(
        await app.api().get(`/api/crm/${plural}?pagination[start]=100000000&pagination[limit]=-1`)
      );
    }
  );

  it('pages as before within the bounds', async () => {
    const page = ok(
      await app
        .api()
        .get(
          '/api/crm/contacts?filters[lastName]=Bounded&pagination[page]=2&pagination[pageSize]=3&sort=firstName:asc'
        )
    );
    expect(page.meta.pagination).toMatchObject({ page: 2, pageSize: 3, total: 7 });
    const offset = ok(
      await app
        .api()
        .get('/api/crm/contacts?filters[lastName]=Bounded&pagination[start]=5&pagination[limit]=10')
    );
    expect(offset.data).toHaveLength(2);
  });
});
