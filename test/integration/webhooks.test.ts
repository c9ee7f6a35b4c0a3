import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import request from 'supertest';

import { importCsv } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';

// Strapi's webhooks receive the CRM's writes: entry events for REST and content-manager writes,
// one event per import job for the import and its undo, and never an SSN in clear.
const app = useTestApp();

interface Received {
  event: string;
  body: Record<string, any>;
  text: string;
}
let receiver: Server;
let received: Received[] = [];
let admin: (method: 'get' | 'post', path: string) => request.Test;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      received.push({ event: String(req.headers['x-strapi-event']), body: JSON.parse(text), text });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({
    email: 'hooks@crm.test',
    firstname: 'Hook',
    lastname: 'Admin',
    password: 'Admin-Password-1',
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  const login = await request(app.strapi.server.httpServer)
    .post('/admin/login')
    .send({ email: 'hooks@crm.test', password: 'Admin-Password-1' });
  admin = (method, path) =>
    request(app.strapi.server.httpServer)
      [method](path)
      .set('Authorization', `Bearer ${login.body.data.token}`);
  const { port } = receiver.address() as AddressInfo;
  const created = await admin('post', '/admin/webhooks').send({
    name: 'CRM receiver',
    url: `http://127.0.0.1:${port}/hook`,
    headers: {},
    events: [
      'entry.create',
      'entry.update',
      'entry.delete',
      'crm.import.finished',
      'crm.import.undone',
    ],
  });
  expect([created.status, created.body.error]).toEqual([201, undefined]);
});
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
});

const waitFor = async (test: () => boolean) => {
  for (let i = 0; i < 200 && !test(); i += 1)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return test();
};
const SECRETS = ['123-45-6789', '123456789', '219-09-9999', '219099999'];

describe('webhooks', () => {
  it("refuse an event nobody emits, and take the CRM's own", async () => {
    const refused = await admin('post', '/admin/webhooks').send({
      name: 'x',
      url: 'http://127.0.0.1:9/x',
      headers: {},
      events: ['crm.import.exploded'],
    });
    expect(refused.status).toBe(400);
  });

  it('receive REST and content-manager writes of CRM records, with the SSN masked', async () => {
    received = [];
    const rest = await app
      .api()
      .post('/api/crm/customers')
      .send({ data: { firstName: 'Hook', lastName: 'Rest', ssn: '123-45-6789' } });
    expect(rest.status).toBe(201);
    await admin('post', '/content-manager/collection-types/plugin::crm.customer')
      .send({ type: 'individual', firstName: 'Hook', lastName: 'Admin' })
      .expect(201);
    expect(
      await waitFor(() => received.filter((hook) => hook.event === 'entry.create').length >= 2)
    ).toBe(true);
    const restHook = received.find((hook) => hook.body.entry?.lastName === 'Rest')!;
    expect(restHook.body).toMatchObject({
      event: 'entry.create',
      uid: 'plugin::crm.customer',
      entry: { ssn: '***-**-6789' },
    });
    expect(received.find((hook) => hook.body.entry?.lastName === 'Admin')).toBeDefined();
    expect(SECRETS.filter((secret) => received.some((hook) => hook.text.includes(secret)))).toEqual(
      []
    );
  });

  it('receive one event for an import job and one for its undo, not one per row', async () => {
    received = [];
    const csv = [
      'Type,First Name,Last Name,SSN',
      'individual,Imp,One,219-09-9999',
      'individual,Imp,Two,',
      'individual,Imp,Three,',
    ].join('\n');
    const job = await importCsv(app, csv, 'customers');
    expect(await waitFor(() => received.some((hook) => hook.event === 'crm.import.finished'))).toBe(
      true
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.map((hook) => hook.event)).toEqual(['crm.import.finished']);
    expect(received[0].body).toMatchObject({
      event: 'crm.import.finished',
      uid: 'plugin::crm.import-job',
      job: {
        documentId: job.documentId,
        object: 'customers',
        stage: 'done',
        counts: { imported: 3 },
      },
    });
    expect(received[0].body.job).not.toHaveProperty('columns');

    received = [];
    await app.api().post(`/api/crm/imports/${job.documentId}/undo`).expect(200);
    expect(await waitFor(() => received.length > 0)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.map((hook) => hook.event)).toEqual(['crm.import.undone']);
    expect(received[0].body.job).toMatchObject({
      stage: 'undone',
      undo: { removed: { customers: 3 } },
    });
    expect(SECRETS.filter((secret) => received.some((hook) => hook.text.includes(secret)))).toEqual(
      []
    );
  });
});
