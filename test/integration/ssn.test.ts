import { Writable } from 'node:stream';

import { winston } from '@strapi/logger';
import request from 'supertest';

import { generateKey } from '../../src/plugins/crm/server/src/security/field-cipher';
import { startApp, type TestApp } from '../helpers/strapi';
import { apiToken, loginAs } from '../helpers/users';

const SSN = '287-65-4321';
const SSN_DIGITS = '287654321';
const CUSTOMER = 'plugin::crm.customer';
const AUDIT = 'plugin::crm.audit-log';

let app: TestApp;
let manager: () => request.Agent;
let sales: () => request.Agent;
let adminToken: (token: string) => (method: 'get' | 'post', path: string) => request.Test;
let superAdminJwt: string;

const createAdmin = async (email: string, roleIds: number[]) => {
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
  return login.body.data.token as string;
};

beforeAll(async () => {
  app = await startApp();
  manager = (await loginAs(app, 'crm_manager')).agent;
  sales = (await loginAs(app, 'crm_sales')).agent;
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  superAdminJwt = await createAdmin('root@crm.test', [superAdmin.id]);
  adminToken = (token) => (method, path) =>
    request(app.strapi.server.httpServer)[method](path).set('Authorization', `Bearer ${token}`);
});
afterAll(async () => {
  await app.stop();
});

const createWithSsn = async (ssn: string = SSN) => {
  const response = await manager()
    .post('/api/crm/customers')
    .send({ data: { firstName: 'Sam', lastName: 'Secret', ssn } });
  expect(response.status).toBe(201);
  return response.body.data as { documentId: string; ssn: string };
};
const stored = (documentId: string) =>
  app.strapi.db.query(CUSTOMER).findOne({ where: { documentId } });
const auditRows = (documentId: string) =>
  app.strapi.db
    .query(AUDIT)
    .findMany({ where: { customerDocumentId: documentId }, orderBy: { id: 'asc' } });

describe('the SSN', () => {
  it('is validated, and a refusal does not repeat the number', async () => {
    for (const ssn of ['000-12-3456', '123-00-4567', '123-45-0000', '12345']) {
      const response = await manager()
        .post('/api/crm/customers')
        .send({ data: { firstName: 'Bad', lastName: 'Ssn', ssn } });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/^ssn /);
      expect(JSON.stringify(response.body)).not.toContain(ssn);
    }
  });

  it('is stored as ciphertext plus its mask, and every response shows the mask', async () => {
    const customer = await createWithSsn('287 65 4321');
    expect(customer.ssn).toBe('***-**-4321');
    const row = await stored(customer.documentId);
    expect(row.ssn).toBe('***-**-4321');
    expect(row.ssnEncrypted).toMatch(/^v1\./);
    expect(row.ssnEncrypted).not.toContain(SSN_DIGITS);
    const read = await sales().get(`/api/crm/customers/${customer.documentId}`);
    expect(read.body.data.ssn).toBe('***-**-4321');
    expect(read.body.data).not.toHaveProperty('ssnEncrypted');
  });

  it('keeps the number when a form sends back the mask, and removes it on null', async () => {
    const customer = await createWithSsn();
    const before = await stored(customer.documentId);
    const same = await manager()
      .put(`/api/crm/customers/${customer.documentId}`)
      .send({ data: { ssn: '***-**-4321', lastName: 'Kept' } });
    expect(same.status).toBe(200);
    expect((await stored(customer.documentId)).ssnEncrypted).toBe(before.ssnEncrypted);
    const wrongMask = await manager()
      .put(`/api/crm/customers/${customer.documentId}`)
      .send({ data: { ssn: '***-**-9999' } });
    expect(wrongMask.status).toBe(400);
    const cleared = await manager()
      .put(`/api/crm/customers/${customer.documentId}`)
      .send({ data: { ssn: null } });
    expect(cleared.body.data.ssn).toBeNull();
    expect((await stored(customer.documentId)).ssnEncrypted).toBeNull();
  });

  it('can be written through the document service too (the content manager path)', async () => {
    const customer = await app.strapi
      .documents(CUSTOMER)
      .create({ data: { firstName: 'Doc', lastName: 'Service', ssn: SSN } as never });
    expect(customer.ssn).toBe('***-**-4321');
    expect((await stored(customer.documentId)).ssnEncrypted).toMatch(/^v1\./);
  });
});

describe('revealing the SSN', () => {
  it('gives the full number and an expiry one minute later to crm_manager, and audits it', async () => {
    const customer = await createWithSsn();
    const started = Date.now();
    const response = await manager().post(`/api/crm/customers/${customer.documentId}/ssn/reveal`);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ documentId: customer.documentId, ssn: SSN });
    const expiresAt = Date.parse(response.body.data.expiresAt);
    expect(expiresAt - started).toBeGreaterThanOrEqual(59_000);
    expect(expiresAt - started).toBeLessThanOrEqual(61_000);
    const rows = await auditRows(customer.documentId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'ssn.reveal', outcome: 'allowed', actorType: 'user' });
    expect(JSON.stringify(rows)).not.toContain(SSN_DIGITS);
  });

  it('refuses crm_sales and a read-only token with 403, and audits each refusal', async () => {
    const customer = await createWithSsn();
    const refusedBySales = await sales().post(
      `/api/crm/customers/${customer.documentId}/ssn/reveal`
    );
    expect(refusedBySales.status).toBe(403);
    expect(JSON.stringify(refusedBySales.body)).not.toContain('4321');
    const readOnly = await apiToken(app, 'read-only');
    expect(
      (await readOnly().post(`/api/crm/customers/${customer.documentId}/ssn/reveal`)).status
    ).toBe(403);
    const rows = await auditRows(customer.documentId);
    expect(
      rows.map((row: { outcome: string; actorType: string }) => [row.outcome, row.actorType])
    ).toEqual([
      ['refused', 'user'],
      ['refused', 'api-token'],
    ]);
  });

  it('answers a reveal of an id longer than any documentId with 404 (403 when refused), auditing it with the id cut to fit', async () => {
    const longId = 'a'.repeat(4000);
    const full = await apiToken(app, 'full-access');
    const unknown = await full().post(`/api/crm/customers/${longId}/ssn/reveal`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
    expect((await sales().post(`/api/crm/customers/${longId}/ssn/reveal`)).status).toBe(403);
    const rows = await app.strapi.db
      .query(AUDIT)
      .findMany({ where: { customerDocumentId: { $startsWith: 'aaaa' } }, orderBy: { id: 'asc' } });
    expect(
      rows.map((row: { outcome: string; reason: string }) => [row.outcome, row.reason])
    ).toEqual([
      ['refused', 'customer not found'],
      ['refused', 'not permitted'],
    ]);
    expect(rows[0].customerDocumentId).toBe(`${'a'.repeat(254)}…`);
  });

  it('follows admin RBAC in the admin panel, auditing allowed and refused reveals', async () => {
    const customer = await createWithSsn();
    const asRoot = adminToken(superAdminJwt);
    const allowed = await asRoot('post', `/crm/customers/${customer.documentId}/ssn/reveal`);
    expect(allowed.status).toBe(200);
    expect(allowed.body.data.ssn).toBe(SSN);

    const reader = await app.strapi
      .service('admin::role')
      .create({ name: 'CRM reader', description: 'reads the CRM pages' });
    await app.strapi
      .service('admin::role')
      .assignPermissions(reader.id, [{ action: 'plugin::crm.read' }]);
    const asReader = adminToken(await createAdmin('reader@crm.test', [reader.id]));
    expect((await asReader('get', '/crm/customers/search?q=secret')).status).toBe(200);
    expect(
      (await asReader('post', `/crm/customers/${customer.documentId}/ssn/reveal`)).status
    ).toBe(403);

    const outsider = await app.strapi
      .service('admin::role')
      .create({ name: 'No CRM', description: 'no CRM actions' });
    const asOutsider = adminToken(await createAdmin('outsider@crm.test', [outsider.id]));
    expect((await asOutsider('get', '/crm/customers/search?q=secret')).status).toBe(403);

    const rows = await auditRows(customer.documentId);
    expect(
      rows.map((row: { outcome: string; actorType: string }) => [row.outcome, row.actorType])
    ).toEqual([
      ['allowed', 'admin'],
      ['refused', 'admin'],
    ]);
  });

  it('keeps the audit log out of reach of every writer', async () => {
    const write = app.strapi.documents(AUDIT as never) as any;
    await expect(
      write.create({ data: { action: 'x', outcome: 'allowed', actorType: 'user' } })
    ).rejects.toThrow(/audit log/);
    const [row] = await app.strapi.db.query(AUDIT).findMany({ limit: 1 });
    await expect(
      write.update({ documentId: row.documentId, data: { outcome: 'refused' } })
    ).rejects.toThrow(/audit log/);
    await expect(write.delete({ documentId: row.documentId })).rejects.toThrow(/audit log/);
    const routes = (
      app.strapi.plugin('crm').routes as unknown as Record<string, { routes: { path: string }[] }>
    )['content-api'].routes;
    expect(routes.filter((route) => /audit/.test(route.path))).toEqual([]);
  });
});

describe('key rotation', () => {
  it('re-encrypts every SSN with the newest key; older keys still read until then', async () => {
    const keys = () => app.strapi.config.get('plugin::crm.encryptionKeys') as string[];
    const original = keys();
    const customers = [await createWithSsn(), await createWithSsn('111-22-3333')];
    const newest = generateKey();
    app.strapi.config.set('plugin::crm.encryptionKeys', [newest, ...original]);
    try {
      const ssn = app.strapi.plugin('crm').service('ssn');
      const revealedBefore = await ssn.reveal(
        customers[1].documentId,
        { type: 'user', id: null, name: 'test' },
        true
      );
      expect(revealedBefore.ssn).toBe('111-22-3333');
      const total = await app.strapi.db
        .query(CUSTOMER)
        .count({ where: { ssnEncrypted: { $notNull: true } } });
      expect(await ssn.rotateKeys()).toBe(total);
      expect(await ssn.rotateKeys()).toBe(0);

      app.strapi.config.set('plugin::crm.encryptionKeys', [newest]);
      const revealed = await ssn.reveal(
        customers[1].documentId,
        { type: 'user', id: null, name: 'test' },
        true
      );
      expect(revealed.ssn).toBe('111-22-3333');
    } finally {
      app.strapi.config.set('plugin::crm.encryptionKeys', original);
    }
  });
});

describe('the leak sweep', () => {
  it('finds the plain number in exactly one place: the allowed reveal response', async () => {
    const logged: string[] = [];
    const capture = new winston.transports.Stream({
      level: 'silly',
      stream: new Writable({
        write(chunk, _encoding, done) {
          logged.push(chunk.toString());
          done();
        },
      }),
    });
    const previousLevel = app.strapi.log.level;
    app.strapi.log.level = 'silly';
    app.strapi.log.add(capture);
    const leaks: string[] = [];
    const inspect = (where: string, payload: unknown) => {
      const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
      if (text.includes(SSN) || text.includes(SSN_DIGITS)) leaks.push(where);
    };

    try {
      const viaRest = await createWithSsn();
      const viaDocuments = await app.strapi.documents(CUSTOMER).create({
        data: { type: 'business', businessName: 'Secretive Inc', ssn: SSN } as never,
      });
      const refused = await manager()
        .post('/api/crm/customers')
        .send({ data: { firstName: 'Bad', lastName: 'Ssn', ssn: `${SSN}0` } });
      inspect('refused write', refused.body);
      await manager()
        .post('/api/crm/phones')
        .send({ data: { number: '(415) 555-2671', customer: viaRest.documentId } });
      await manager()
        .post('/api/crm/emails')
        .send({ data: { address: 'sam@secret.example', customer: viaRest.documentId } });
      await manager()
        .post('/api/crm/addresses')
        .send({ data: { line1: '1 Quiet St', city: 'Boston', customer: viaRest.documentId } });

      const reads = [
        '/api/crm/customers?populate=*',
        `/api/crm/customers/${viaRest.documentId}?populate=*`,
        `/api/crm/customers/${viaDocuments.documentId}?populate=*`,
        '/api/crm/customers/search?q=secret&populate=*',
        '/api/crm/customers/search?q=4321',
        '/api/crm/addresses?populate=*',
        '/api/crm/phones?populate=*',
        '/api/crm/emails?populate=*',
        '/api/crm/emails?populate[customer][populate]=*',
      ];
      for (const path of reads) {
        for (const [who, agent] of [
          ['manager', manager],
          ['sales', sales],
        ] as const) {
          const response = await agent().get(path);
          expect(response.status).toBe(200);
          inspect(`${who} GET ${path}`, response.body);
        }
      }
      const admin = adminToken(superAdminJwt);
      for (const path of [
        '/content-manager/collection-types/plugin::crm.customer',
        `/content-manager/collection-types/plugin::crm.customer/${viaRest.documentId}`,
        '/content-manager/collection-types/plugin::crm.audit-log',
        '/crm/customers/search?q=secret',
      ]) {
        const response = await admin('get', path);
        expect(response.status).toBe(200);
        inspect(`admin GET ${path}`, response.body);
      }
      inspect(
        'sales reveal',
        (await sales().post(`/api/crm/customers/${viaRest.documentId}/ssn/reveal`)).body
      );

      const reveal = await manager().post(`/api/crm/customers/${viaRest.documentId}/ssn/reveal`);
      expect(JSON.stringify(reveal.body)).toContain(SSN);

      const knex = app.strapi.db.connection;
      const tables: string[] =
        app.strapi.db.dialect.client === 'sqlite'
          ? (await knex.raw("select name from sqlite_master where type = 'table'")).map(
              (row: { name: string }) => row.name
            )
          : (
              await knex.raw(
                "select table_name from information_schema.tables where table_schema = 'public'"
              )
            ).rows.map((row: { table_name: string }) => row.table_name);
      expect(tables).toContain('crm_customers');
      for (const table of tables) inspect(`table ${table}`, await knex(table).select('*'));
      inspect('logs', logged.join('\n'));
      expect(logged.length).toBeGreaterThan(0);
    } finally {
      app.strapi.log.remove(capture);
      app.strapi.log.level = previousLevel;
    }
    expect(leaks).toEqual([]);
  });
});
