import request from 'supertest';

import { startApp, type TestApp } from '../helpers/strapi';

// The routes behind the admin panel's customer pages (/crm/...): the same rules as REST, admin RBAC.
let app: TestApp;
let asRoot: Admin;

type Admin = (method: 'get' | 'post' | 'put' | 'delete', path: string) => request.Test;

const createAdmin = async (email: string, roleIds: number[]): Promise<Admin> => {
  await app.strapi.service('admin::user').create({
    email,
    firstname: 'Admin',
    lastname: email.split('@')[0],
    password: 'Admin-Password-1',
    isActive: true,
    registrationToken: null,
    roles: roleIds,
  });
  const login = await request(app.strapi.server.httpServer)
    .post('/admin/login')
    .send({ email, password: 'Admin-Password-1' });
  expect(login.status).toBe(200);
  const token = login.body.data.token as string;
  return (method, path) =>
    request(app.strapi.server.httpServer)[method](path).set('Authorization', `Bearer ${token}`);
};

const adminRole = async (name: string, actions: string[]) => {
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name, description: `${name} (tests)` });
  if (actions.length)
    await roles.assignPermissions(
      role.id,
      actions.map((action) => ({ action }))
    );
  return role.id as number;
};

const expectStrapiError = (response: request.Response, status: number, message?: RegExp) => {
  expect(response.status).toBe(status);
  expect(response.body.error).toMatchObject({
    status,
    name: expect.any(String),
    message: expect.any(String),
  });
  if (message) expect(response.body.error.message).toMatch(message);
};

beforeAll(async () => {
  app = await startApp();
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  asRoot = await createAdmin('root@crm.test', [superAdmin.id]);
});
afterAll(async () => {
  await app.stop();
});

const createCustomer = async (data: Record<string, unknown>) => {
  const response = await asRoot('post', '/crm/customers').send({ data });
  expect(response.status).toBe(201);
  return response.body.data as { documentId: string; customerNumber: string };
};

describe("the customer pages' admin routes", () => {
  it('tell the pages the contact point types and limits', async () => {
    const response = await asRoot('get', '/crm/settings');
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      contactPointTypes: { phone: ['home', 'cell', 'fax', 'work'] },
      limits: { individual: { address: 5, phone: 4, email: 2 } },
      maxNetworkDepth: 3,
      ssnRevealSeconds: 60,
      duplicates: { threshold: 0.8, onCreate: 'warn', blockScore: 0.95 },
    });
  });

  it('create a customer with its contact points in one save, and show it with its primaries', async () => {
    const created = await createCustomer({
      type: 'individual',
      firstName: 'Ada',
      lastName: 'Admin',
      noEmail: true,
      preferredContact: 'phone',
      ssn: '287-65-4321',
      addresses: [{ type: 'physical', line1: '1 Main St', city: 'Springfield', country: 'US' }],
      phones: [
        { type: 'home', number: '(415) 555-2671' },
        { type: 'cell', number: '(415) 555-2672', isPrimary: true },
      ],
      emails: [{ type: 'personal', address: 'Ada@Example.com' }],
    });
    expect(created.customerNumber).toMatch(/^C-\d{6}$/);

    const found = await asRoot('get', `/crm/customers/${created.documentId}`);
    expect(found.status).toBe(200);
    const customer = found.body.data;
    expect(customer).toMatchObject({
      firstName: 'Ada',
      noEmail: true,
      preferredContact: 'phone',
      ssn: '***-**-4321',
    });
    expect(customer).not.toHaveProperty('ssnEncrypted');
    expect(
      customer.phones.filter((phone: any) => phone.isPrimary).map((phone: any) => phone.number)
    ).toEqual(['+14155552672']);
    expect(customer.emails[0]).toMatchObject({ address: 'ada@example.com', isPrimary: true });
    expect(customer.addresses[0]).toMatchObject({ line1: '1 Main St', isPrimary: true });

    const home = customer.phones.find((phone: any) => phone.type === 'home');
    const switched = await asRoot('put', `/crm/customers/${created.documentId}/primary`).send({
      kind: 'phone',
      id: home.documentId,
    });
    expect(switched.status).toBe(200);
    expect(
      switched.body.data.phones
        .filter((phone: any) => phone.isPrimary)
        .map((phone: any) => phone.type)
    ).toEqual(['home']);

    const search = await asRoot('get', '/crm/customers/search').query({ q: '555-2672' });
    expect(search.status).toBe(200);
    expect(search.body.data.map((hit: any) => hit.documentId)).toContain(created.documentId);
    expect(search.body.data[0].phones).toBeDefined();
  });

  it('refuse a broken rule of a nested item with its path and message, saving nothing', async () => {
    const before = await app.strapi.db.query('plugin::crm.customer').count();
    const refused = await asRoot('post', '/crm/customers').send({
      data: {
        firstName: 'Two',
        lastName: 'Homes',
        phones: [
          { type: 'home', number: '(415) 555-1000' },
          { type: 'home', number: '(415) 555-1001' },
        ],
      },
    });
    expectStrapiError(refused, 400, /only one home phone/);
    expect(refused.body.error.details.errors.map((error: any) => error.path[0])).toContain(
      'phones'
    );
    const missingName = await asRoot('post', '/crm/customers').send({
      data: { type: 'individual', firstName: 'Only' },
    });
    expectStrapiError(missingName, 400, /lastName/);
    expect(missingName.body.error.details.errors.map((error: any) => error.path)).toContainEqual([
      'lastName',
    ]);
    expect(await app.strapi.db.query('plugin::crm.customer').count()).toBe(before);
  });

  it('answer 404 for an unknown customer', async () => {
    expectStrapiError(await asRoot('get', '/crm/customers/nosuchcustomer0000000000'), 404);
    expectStrapiError(
      await asRoot('get', '/crm/customers/nosuchcustomer0000000000/connections'),
      404
    );
  });

  it("connect customers, making the first individual the business's primary contact, and remove the link", async () => {
    const business = await createCustomer({ type: 'business', businessName: 'Acme Admin' });
    const other = await createCustomer({ type: 'business', businessName: 'Other Admin' });
    const person = await createCustomer({ firstName: 'Pat', lastName: 'Person' });

    const refusedType = await asRoot('post', '/crm/connections').send({
      data: {
        customer: business.documentId,
        connectedCustomer: person.documentId,
        relationshipType: 'friend',
      },
    });
    expectStrapiError(refusedType, 400, /employee/);
    const twoBusinesses = await asRoot('post', '/crm/connections').send({
      data: { customer: business.documentId, connectedCustomer: other.documentId },
    });
    expectStrapiError(twoBusinesses, 400, /business/);

    const connected = await asRoot('post', '/crm/connections').send({
      data: { customer: business.documentId, connectedCustomer: person.documentId, title: 'CFO' },
    });
    expect(connected.status).toBe(201);
    expect(connected.body.data).toMatchObject({ relationshipType: 'employee', title: 'CFO' });

    const overview = await asRoot('get', `/crm/customers/${business.documentId}`);
    expect(overview.body.data.primaryContact).toMatchObject({
      documentId: person.documentId,
      firstName: 'Pat',
    });
    const list = await asRoot('get', `/crm/customers/${person.documentId}/connections`);
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({
        relationshipType: 'employee',
        isPrimaryContact: true,
        customer: expect.objectContaining({ documentId: business.documentId }),
      }),
    ]);

    const second = await createCustomer({ firstName: 'Sam', lastName: 'Second' });
    await asRoot('post', '/crm/connections').send({
      data: { customer: second.documentId, connectedCustomer: business.documentId },
    });
    const chosen = await asRoot(
      'put',
      `/crm/customers/${business.documentId}/primary-contact`
    ).send({ customer: second.documentId });
    expect(chosen.status).toBe(200);
    expect(chosen.body.data.primaryContact.documentId).toBe(second.documentId);

    const removed = await asRoot('delete', `/crm/connections/${connected.body.data.documentId}`);
    expect(removed.status).toBe(204);
    expect(
      (await asRoot('get', `/crm/customers/${person.documentId}/connections`)).body.data
    ).toEqual([]);
    expectStrapiError(
      await asRoot('delete', `/crm/connections/${connected.body.data.documentId}`),
      404
    );
  });

  it('link customers in a hierarchy and loosely, refuse a cycle, draw the network and remove links', async () => {
    const head = await createCustomer({ type: 'business', businessName: 'Head Office' });
    const branch = await createCustomer({ type: 'business', businessName: 'Branch' });
    const investor = await createCustomer({ type: 'business', businessName: 'Investor' });

    const parent = await asRoot('post', '/crm/relationships').send({
      data: { kind: 'hierarchical', parent: head.documentId, child: branch.documentId },
    });
    expect(parent.status).toBe(201);
    const cycle = await asRoot('post', '/crm/relationships').send({
      data: { kind: 'hierarchical', parent: branch.documentId, child: head.documentId },
    });
    expectStrapiError(cycle, 400, /cycle/);
    expect(cycle.body.error.details.errors[0].path).toEqual(['parent']);

    const loose = await asRoot('post', '/crm/relationships').send({
      data: {
        kind: 'loose',
        customer: investor.documentId,
        linkedCustomer: head.documentId,
        type: 'investor',
      },
    });
    expect(loose.status).toBe(201);

    const relationships = await asRoot('get', `/crm/customers/${head.documentId}/relationships`);
    expect(relationships.status).toBe(200);
    expect(relationships.body.data.map((row: any) => [row.kind, row.customer.documentId])).toEqual(
      expect.arrayContaining([
        ['hierarchical', branch.documentId],
        ['loose', investor.documentId],
      ])
    );

    const network = await asRoot('get', `/crm/customers/${branch.documentId}/network`).query({
      depth: 2,
    });
    expect(network.status).toBe(200);
    expect(network.body.data.nodes.map((node: any) => node.id).sort()).toEqual(
      [head.documentId, branch.documentId, investor.documentId].sort()
    );
    expect(network.body.data.edges).toHaveLength(2);
    expect(
      (await asRoot('get', `/crm/customers/${branch.documentId}/network`).query({ depth: 1 })).body
        .data.nodes
    ).toHaveLength(2);
    expectStrapiError(
      await asRoot('get', `/crm/customers/${branch.documentId}/network`).query({ depth: 4 }),
      400,
      /depth/
    );

    expect(
      (await asRoot('delete', `/crm/relationships/${parent.body.data.documentId}`)).status
    ).toBe(204);
    const reversed = await asRoot('post', '/crm/relationships').send({
      data: { kind: 'hierarchical', parent: branch.documentId, child: head.documentId },
    });
    expect(reversed.status).toBe(201);
  });

  it('follow admin RBAC: readers read, only managers write, others are refused', async () => {
    const customer = await createCustomer({ firstName: 'Rita', lastName: 'Rbac' });
    const other = await createCustomer({ firstName: 'Otto', lastName: 'Rbac' });
    const asReader = await createAdmin('reader@crm.test', [
      await adminRole('CRM page reader', ['plugin::crm.read']),
    ]);
    const asManager = await createAdmin('manager@crm.test', [
      await adminRole('CRM page manager', ['plugin::crm.read', 'plugin::crm.manage']),
    ]);
    const asOutsider = await createAdmin('outsider@crm.test', [
      await adminRole('No CRM pages', []),
    ]);

    const reads = [
      '/crm/settings',
      `/crm/customers/${customer.documentId}`,
      `/crm/customers/${customer.documentId}/connections`,
      `/crm/customers/${customer.documentId}/relationships`,
      `/crm/customers/${customer.documentId}/network?depth=1`,
      '/crm/customers/search?q=rbac',
    ];
    for (const path of reads) {
      expect([path, (await asReader('get', path)).status]).toEqual([path, 200]);
      expect([path, (await asOutsider('get', path)).status]).toEqual([path, 403]);
    }

    const writes: [
      method: 'post' | 'put' | 'delete',
      path: string,
      body: Record<string, unknown>,
    ][] = [
      ['post', '/crm/customers', { data: { firstName: 'No', lastName: 'Way' } }],
      ['put', `/crm/customers/${customer.documentId}/primary`, { kind: 'phone', id: 'x' }],
      [
        'put',
        `/crm/customers/${customer.documentId}/primary-contact`,
        { customer: other.documentId },
      ],
      [
        'post',
        '/crm/connections',
        { data: { customer: customer.documentId, connectedCustomer: other.documentId } },
      ],
      ['delete', '/crm/connections/x', {}],
      [
        'post',
        '/crm/relationships',
        {
          data: {
            kind: 'loose',
            customer: customer.documentId,
            linkedCustomer: other.documentId,
            type: 'other',
          },
        },
      ],
      ['delete', '/crm/relationships/x', {}],
    ];
    for (const [method, path, body] of writes) {
      for (const as of [asReader, asOutsider]) {
        const response = await as(method, path).send(body);
        expect([method, path, response.status]).toEqual([method, path, 403]);
        expect(response.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
      }
    }
    expect((await asReader('get', '/crm/customers/search?q=way')).body.data).toEqual([]);

    const connected = await asManager('post', '/crm/connections').send({
      data: {
        customer: customer.documentId,
        connectedCustomer: other.documentId,
        relationshipType: 'friend',
        title: 'best friend',
      },
    });
    expect(connected.status).toBe(201);
    expect(
      (
        await asManager('post', '/crm/customers').send({
          data: { firstName: 'Made', lastName: 'ByManager' },
        })
      ).status
    ).toBe(201);
    expect((await request(app.strapi.server.httpServer).get('/crm/settings')).status).toBe(401);
  });
});
