import { useTestApp } from '../helpers/strapi';

const app = useTestApp();

const create = async (data: Record<string, unknown>) => {
  const response = await app.api().post('/api/crm/customers').send({ data });
  expect(response.status).toBe(201);
  return response.body.data as Record<string, any>;
};

const expectStrapiError = (
  response: { status: number; body: any },
  status: number,
  message?: RegExp
) => {
  expect(response.status).toBe(status);
  expect(response.body).toMatchObject({
    data: null,
    error: { status, name: expect.any(String), message: expect.any(String) },
  });
  if (message) expect(response.body.error.message).toMatch(message);
};

describe('the customers REST API', () => {
  let ada: Record<string, any>;
  let acme: Record<string, any>;
  beforeAll(async () => {
    ada = await create({
      firstName: 'Ada',
      lastName: 'Lovelace',
      phones: [{ type: 'cell', number: '(415) 555-2671' }],
      emails: [{ address: 'ada@analytical.example' }],
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
  });

  it('answers in the { data, meta } shape with documentId and standard query parameters', async () => {
    const response = await app.api().get('/api/crm/customers').query({
      'filters[type]': 'individual',
      sort: 'lastName:asc',
      'pagination[pageSize]': 1,
      populate: 'emails',
    });
    expect(response.status).toBe(200);
    expect(response.body.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: 2, total: 2 });
    expect(response.body.data[0]).toMatchObject({
      lastName: 'Babbage',
      emails: [{ address: 'charles@analytical.example' }],
    });
    expect(response.body.data[0].documentId).toEqual(expect.any(String));
  });

  it('refuses filters and fields the query engine cannot read with a 400 naming where, and still reads the ones it can', async () => {
    const refused: [Record<string, string>, RegExp][] = [
      [{ 'filters[$and]': 'x' }, /^filters\.\$and: \$and takes a list of conditions$/],
      [{ 'filters[$or][0]': 'x' }, /^filters\.\$or\[0\]: must be an object/],
      [
        { 'filters[lastName][$between]': 'a' },
        /^filters\.lastName\.\$between: takes a list of two values$/,
      ],
      [{ 'filters[lastName][$and]': 'a' }, /is not a filter operator/],
      [{ 'filters[id][$gt]': 'abc' }, /^filters\.id\.\$gt: expects a whole number/],
      [{ 'filters[id][$eq]': '99999999999' }, /expects a whole number/],
      [{ 'filters[phones][$in]': 'NaN' }, /^filters\.phones\.\$in: expects a whole number/],
      [
        { 'filters[primaryContact][$notIn]': '0x10' },
        /^filters\.primaryContact\.\$notIn: expects a whole number/,
      ],
      [
        { 'filters[primaryContact][lastName]': 'A', 'filters[primaryContact][$eq]': '1' },
        /mixes operators/,
      ],
      [{ 'filters[id][$contains]': '1' }, /\$contains applies to text fields only/],
      [{ fields: '' }, /^fields: "" is not a field$/],
      [{ 'fields[0]': 'constructor' }, /"constructor" is not a field/],
      [{ 'populate[phones][filters][id][$eq]': 'abc' }, /^populate\.phones\.filters\.id\.\$eq: /],
    ];
    for (const [query, message] of refused)
      expectStrapiError(await app.api().get('/api/crm/customers').query(query), 400, message);

    const either = await app.api().get('/api/crm/customers').query({
      'filters[$or][0][lastName]': 'Lovelace',
      'filters[$or][1][lastName]': 'Babbage',
      fields: 'lastName',
    });
    expect(either.body.data.map((customer: any) => customer.lastName).sort()).toEqual([
      'Babbage',
      'Lovelace',
    ]);
    const byPhone = await app
      .api()
      .get('/api/crm/customers')
      .query({ 'filters[phones][number][$contains]': '555267', 'filters[id][$gte]': '1' });
    expect(byPhone.body.data.map((customer: any) => customer.documentId)).toEqual([ada.documentId]);
    await expect(
      app.strapi.documents('plugin::crm.customer').findMany({ filters: { $or: 'x' } } as never)
    ).rejects.toThrow('$or takes a list of conditions');
  });

  it('refuses a sort through a relation with a broken direction, which Strapi reads as a deeper path, with a 400', async () => {
    for (const sort of ['customer.firstName:sideways', ['customer.firstName:sideways']]) {
      expectStrapiError(
        await app.api().get('/api/crm/phones').query({ sort }),
        400,
        /"customer\.firstName\.sideways" is not a field to sort by/
      );
    }
    expectStrapiError(
      await app
        .api()
        .get('/api/crm/customers')
        .query({ 'populate[phones][sort]': 'number:sideways' }),
      400,
      /^populate\.phones\.sort: sorts asc or desc$/
    );
    const sorted = await app
      .api()
      .get('/api/crm/phones')
      .query({ sort: 'customer.lastName:desc,number:asc' });
    expect(sorted.status).toBe(200);
    expect(sorted.body.data.length).toBeGreaterThan(0);
  });

  it('reads one customer with its contact points', async () => {
    const response = await app
      .api()
      .get(`/api/crm/customers/${ada.documentId}`)
      .query({ populate: '*' });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      documentId: ada.documentId,
      customerNumber: ada.customerNumber,
      phones: [{ number: '+14155552671', type: 'cell', isPrimary: true }],
    });
  });

  it('answers 404 for unknown ids', async () => {
    expectStrapiError(await app.api().get('/api/crm/customers/nosuchcustomer0000000000'), 404);
    expectStrapiError(
      await app
        .api()
        .put('/api/crm/customers/nosuchcustomer0000000000')
        .send({ data: { firstName: 'X' } }),
      404
    );
    expectStrapiError(await app.api().delete('/api/crm/customers/nosuchcustomer0000000000'), 404);
    expectStrapiError(await app.api().get('/api/crm/phones/nosuchphone0000000000000'), 404);
  });

  it('answers 400 to malformed JSON, a missing data wrapper, wrong types and unknown fields', async () => {
    const malformed = await app
      .api()
      .post('/api/crm/customers')
      .set('Content-Type', 'application/json')
      .send('{"data": {"firstName": ');
    expect(malformed.status).toBe(400);
    expectStrapiError(
      await app.api().post('/api/crm/customers').send({ firstName: 'No', lastName: 'Wrapper' }),
      400,
      /data/
    );
    expectStrapiError(
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { firstName: ['A'], lastName: 'B' } }),
      400
    );
    expectStrapiError(
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { firstName: 'A', lastName: 'B', shoeSize: 44 } }),
      400,
      /shoeSize/
    );
    expectStrapiError(
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { firstName: 'A', lastName: 'B', dateOfBirth: 'yesterday' } }),
      400,
      /dateOfBirth/
    );
  });

  it('answers 400 to a multipart body that cannot be read, on any route', async () => {
    const before = await app.strapi.db.query('plugin::crm.customer').count();
    const noBoundary = await app
      .api()
      .post('/api/crm/customers')
      .set('Content-Type', 'multipart/form-data')
      .send('no boundary here');
    expectStrapiError(noBoundary, 400, /boundary/);
    const cutShort = await app
      .api()
      .put(`/api/crm/customers/${ada.documentId}/primary`)
      .set('Content-Type', 'multipart/form-data; boundary=XYZ')
      .send(
        '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nFirst Name\r\nA'
      );
    expectStrapiError(cutShort, 400, /stream ended unexpectedly/);
    expect(await app.strapi.db.query('plugin::crm.customer').count()).toBe(before);
  });

  it('refuses text holding the NUL character (which PostgreSQL cannot store) in ids, queries and bodies with a 400', async () => {
    const before = await app.strapi.db.query('plugin::crm.customer').count();
    expectStrapiError(
      await app.api().get('/api/crm/customers/abc%00def'),
      400,
      /^path\.id: text must not contain the NUL character/
    );
    expectStrapiError(await app.api().post('/api/crm/imports/%00/start'), 400, /NUL/);
    expectStrapiError(
      await app.api().get('/api/crm/emails').query({ 'filters[address][$notIn]': 'a\u0000b' }),
      400,
      /^query\.filters\.address\.\$notIn: /
    );
    const body = await app
      .api()
      .post('/api/crm/customers')
      .send({ data: { firstName: 'Nul\u0000', lastName: 'Byte' } });
    expectStrapiError(body, 400, /^body\.data\.firstName: /);
    expect(body.body.error.details.errors[0].path).toEqual(['body', 'data', 'firstName']);
    const primary = await app
      .api()
      .put(`/api/crm/customers/${ada.documentId}/primary`)
      .send({ kind: 'phone', id: '\u0000' });
    expectStrapiError(primary, 400, /NUL/);
    expect(await app.strapi.db.query('plugin::crm.customer').count()).toBe(before);
  });

  it('refuses a field named like a member every object inherits (constructor, hasOwnProperty) with a 400, saving nothing', async () => {
    const before = await app.strapi.db.query('plugin::crm.customer').count();
    expectStrapiError(
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { firstName: 'A', lastName: 'B', constructor: { toString: 'x' } } }),
      400,
      /^constructor is not a field$/
    );
    const nested = await app
      .api()
      .post('/api/crm/customers')
      .send({
        data: {
          firstName: 'A',
          lastName: 'B',
          phones: [{ type: 'home', number: '(415) 555-2672', hasOwnProperty: 1 }],
        },
      });
    expectStrapiError(nested, 400, /^phones\[0\]: hasOwnProperty cannot be used as a key$/);
    expect(nested.body.error.details.errors[0].path).toEqual(['phones', 0, 'hasOwnProperty']);
    const phone = (await app.strapi.db
      .query('plugin::crm.phone')
      .findOne({ where: { number: '+14155552671' } })) as { documentId: string };
    expectStrapiError(
      await app
        .api()
        .put(`/api/crm/phones/${phone.documentId}`)
        .send({ data: { type: 'fax', hasOwnProperty: 0 } }),
      400,
      /hasOwnProperty/
    );
    expect(await app.strapi.db.query('plugin::crm.customer').count()).toBe(before);
    await expect(
      (app.strapi.documents('plugin::crm.marketing-list') as any).create({
        data: { name: 'List', toString: 'x' },
      })
    ).rejects.toThrow('toString is not a field');
  });

  it("refuses such a key inside a field's value too (an object standing for text), saving nothing", async () => {
    const shadowing = await app
      .api()
      .post('/api/crm/marketing-lists')
      .send({ data: { name: { toString: 'x' }, channel: 'email' } });
    expectStrapiError(shadowing, 400, /^name: toString cannot be used as a key$/);
    expect(shadowing.body.error.details.errors[0].path).toEqual(['name', 'toString']);
    expectStrapiError(
      await app
        .api()
        .post('/api/crm/marketing-lists')
        .send({ data: { name: 'List', channel: [{ valueOf: 1 }] } }),
      400,
      /^channel\[0\]: valueOf cannot be used as a key$/
    );
    expect(await app.strapi.db.query('plugin::crm.marketing-list').count()).toBe(0);
  });

  it('answers a reference to an id no row can have (past the id column) as a record that does not exist', async () => {
    const before = await app.strapi.db.query('plugin::crm.connection').count();
    for (const connectedCustomer of [
      1e300,
      99999999999,
      { id: 2 ** 40 },
      { connect: [{ id: 1e300 }] },
    ]) {
      const response = await app
        .api()
        .post('/api/crm/connections')
        .send({
          data: { customer: ada.documentId, connectedCustomer, relationshipType: 'friend' },
        });
      expectStrapiError(response, 400, /^connectedCustomer: customer \d.* does not exist$/);
    }
    expect(await app.strapi.db.query('plugin::crm.connection').count()).toBe(before);
    expectStrapiError(
      await app
        .api()
        .post('/api/crm/phones')
        .send({ data: { type: 'fax', number: '(415) 555-0100', customer: 99999999999 } }),
      400,
      /does not exist/
    );
    expectStrapiError(
      await app
        .api()
        .post('/api/crm/contacts')
        .send({ data: { firstName: 'C', lastName: 'D', company: { set: [{ id: 2 ** 40 }] } } }),
      400,
      /company: .*does not exist/
    );
    expectStrapiError(
      await app
        .api()
        .post('/api/crm/contacts')
        .send({ data: { firstName: 'C', lastName: 'D', isUser: true, user: 1e300 } }),
      400,
      /user does not exist/
    );
    const byCompany = await app
      .api()
      .get('/api/crm/contacts')
      .query({ 'filters[company][id]': '99999999999' });
    expect(byCompany.status).toBe(200);
    expect(byCompany.body.data).toEqual([]);
  });

  it('refuses a data that is a list rather than one record, however deep it nests, with a 400 on every record route', async () => {
    let deep: unknown = 'deep';
    for (let level = 0; level < 2000; level += 1) deep = [deep];
    const phone = (await app.strapi.db
      .query('plugin::crm.phone')
      .findOne({ where: { number: '+14155552671' } })) as { documentId: string };
    const writes: [string, string][] = [
      ['post', '/api/crm/marketing-lists'],
      ['post', '/api/crm/contacts'],
      ['post', '/api/crm/phones'],
      ['put', `/api/crm/phones/${phone.documentId}`],
      ['post', '/api/crm/connections'],
    ];
    for (const [method, path] of writes) {
      for (const data of [deep, [{ name: 'A list', firstName: 'A', lastName: 'B' }]]) {
        expectStrapiError(
          await (app.api() as any)[method](path).send({ data }),
          400,
          /^Missing "data" payload in the request body$/
        );
      }
    }
    expect(await app.strapi.db.query('plugin::crm.marketing-list').count()).toBe(0);
  });

  it('names the broken rule and the field in the error details', async () => {
    const response = await app
      .api()
      .post('/api/crm/customers')
      .send({ data: { type: 'business' } });
    expectStrapiError(response, 400, /a business customer needs a businessName/);
    expect(response.body.error.details.errors).toEqual([
      expect.objectContaining({ path: ['businessName'], rule: 'customer.required' }),
    ]);
    const nested = await app
      .api()
      .post('/api/crm/customers')
      .send({ data: { firstName: 'A', lastName: 'B', emails: [{ address: 'nope' }] } });
    expectStrapiError(nested, 400, /emails\[0\]/);
    expect(nested.body.error.details.errors[0].path).toEqual(['emails', 0, 'address']);
  });

  it('refuses Strapi relation syntax for contact points on the customer', async () => {
    const phone = await app
      .api()
      .get('/api/crm/phones')
      .query({ 'filters[customer][documentId]': ada.documentId });
    const response = await app
      .api()
      .put(`/api/crm/customers/${acme.documentId}`)
      .send({ data: { phones: { connect: [phone.body.data[0].documentId] } } });
    expectStrapiError(response, 400, /phones are given as a list of objects/);
  });

  describe('PUT /customers/:id/primary', () => {
    it('switches the primary of a kind', async () => {
      const customer = await create({
        firstName: 'Grace',
        lastName: 'Hopper',
        emails: [
          { type: 'personal', address: 'grace@home.example' },
          { type: 'work', address: 'grace@navy.example' },
        ],
      });
      const stored = await app
        .api()
        .get(`/api/crm/customers/${customer.documentId}`)
        .query({ populate: 'emails' });
      const work = stored.body.data.emails.find((email: any) => email.type === 'work');
      expect(work.isPrimary).toBe(false);
      const response = await app
        .api()
        .put(`/api/crm/customers/${customer.documentId}/primary`)
        .send({ kind: 'email', id: work.documentId });
      expect(response.status).toBe(200);
      const primaries = response.body.data.emails
        .filter((email: any) => email.isPrimary)
        .map((email: any) => email.address);
      expect(primaries).toEqual(['grace@navy.example']);
    });

    it('refuses a bad body, and a point of another customer', async () => {
      expectStrapiError(
        await app
          .api()
          .put(`/api/crm/customers/${ada.documentId}/primary`)
          .send({ kind: 'fax', id: 'x' }),
        400,
        /kind/
      );
      expectStrapiError(
        await app.api().put(`/api/crm/customers/${ada.documentId}/primary`).send({ kind: 'email' }),
        400,
        /id/
      );
      const acmeEmails = await app
        .api()
        .get(`/api/crm/customers/${acme.documentId}?populate=emails`);
      const foreign = acmeEmails.body.data.emails[0].documentId;
      expectStrapiError(
        await app
          .api()
          .put(`/api/crm/customers/${ada.documentId}/primary`)
          .send({ kind: 'email', id: foreign }),
        404
      );
      expectStrapiError(
        await app
          .api()
          .put('/api/crm/customers/nosuchcustomer0000000000/primary')
          .send({ kind: 'email', id: foreign }),
        404
      );
    });
  });

  describe('GET /customers/search', () => {
    const search = (q: string, extra: Record<string, unknown> = {}) =>
      app
        .api()
        .get('/api/crm/customers/search')
        .query({ q, ...extra });
    const names = (response: { body: any }) =>
      response.body.data.map(
        (customer: any) => customer.businessName ?? `${customer.firstName} ${customer.lastName}`
      );

    it('finds by name, business name, customer number, email and phone digits', async () => {
      expect(names(await search('lovelace'))).toEqual(['Ada Lovelace']);
      expect(names(await search('ada love'))).toEqual(['Ada Lovelace']);
      expect(names(await search('ROCKET'))).toEqual(['Acme Rockets']);
      expect(names(await search(acme.customerNumber))).toEqual(['Acme Rockets']);
      expect(names(await search('sales@acme'))).toEqual(['Acme Rockets']);
      expect(names(await search('555-2671'))).toEqual(['Ada Lovelace']);
      expect(names(await search('4155552671'))).toEqual(['Ada Lovelace']);
      expect(names(await search('nobody-matches-this'))).toEqual([]);
    });

    it('ranks an exact email or customer number first and paginates with a total', async () => {
      const byDomain = await search('analytical.example');
      expect(byDomain.body.meta.pagination).toMatchObject({ total: 2 });
      const exact = await search('charles@analytical.example');
      expect(names(exact)[0]).toBe('Charles Babbage');
      const paged = await search('analytical', { pageSize: 1, page: 2 });
      expect(paged.body.data).toHaveLength(1);
      expect(paged.body.meta.pagination).toEqual({
        page: 2,
        pageSize: 1,
        pageCount: 2,
        total: 2,
        totalIsExact: true,
      });
      const numbered = await search(ada.customerNumber.toLowerCase());
      expect(names(numbered)[0]).toBe('Ada Lovelace');
    });

    it('refuses a missing query', async () => {
      expectStrapiError(await app.api().get('/api/crm/customers/search'), 400, /q is required/);
      expectStrapiError(await search('   '), 400, /q is required/);
    });
  });
});
