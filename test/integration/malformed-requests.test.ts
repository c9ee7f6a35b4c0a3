import type { UID } from '@strapi/strapi';
import request from 'supertest';

import { CRM_ROLES } from '../../src/plugins/crm/server/src/permissions';
import {
  generateRequests,
  IdRef,
  stringifyWithRefs,
  type FuzzRequest,
  type FuzzRoute,
  type ModelShape,
} from '../helpers/fuzz';
import { startApp, type TestApp } from '../helpers/strapi';
import { apiToken, loginAs } from '../helpers/users';

/**
 * Seeded malformed requests over every CRM route (content API and admin), from callers of every
 * kind: none may answer 5xx, every 4xx is in Strapi's error shape, and a refused write leaves
 * every CRM table as it was. `FUZZ_SEED` and `FUZZ_COUNT` change the draw; a failure names its
 * seed so that it reproduces.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20240611);
const COUNT = Number(process.env.FUZZ_COUNT ?? 3000);
const REPORTED = Number(process.env.FUZZ_REPORTED ?? 50);

type Agent = () => request.Agent;
let app: TestApp;
const callers: Record<string, Agent> = {};

// ---------------------------------------------------------------------------------------------
// Live records behind `:id` and the ids in bodies; each resource keeps a fixed number of slots,
// refilled when an accepted write removes one, so later requests still reach real records.

type Pools = Record<string, string[]>;
const pools: Pools = {};
const uniq = () => Math.random().toString(36).slice(2, 8);

const created = async (response: request.Response, what: string) => {
  if (response.status >= 300)
    throw new Error(`seeding ${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.data as Record<string, any>;
};
const createCustomer = async (data: Record<string, unknown>) =>
  created(await app.api().post('/api/crm/customers').send({ data }), 'a customer');
const individual = () => createCustomer({ firstName: 'Seed', lastName: `Person ${uniq()}` });
const business = () =>
  createCustomer({ type: 'business', businessName: `Seed Business ${uniq()}` });
/** The documentId of a customer's contact point of one kind. */
const pointOf = async (uid: UID.ContentType, customer: string) =>
  (
    (await app.strapi.db
      .query(uid)
      .findOne({ where: { customer: { documentId: customer } }, select: ['documentId'] })) as {
      documentId: string;
    }
  ).documentId;
const upload = (csv: string, object: string) =>
  app
    .api()
    .post('/api/crm/imports')
    .field('object', object)
    .attach('file', Buffer.from(csv), `${object}.csv`);

const waitForImports = async () => {
  for (let waited = 0; waited < 60_000; waited += 50) {
    if (
      (await app.strapi.db
        .query('plugin::crm.import-job')
        .count({ where: { stage: 'running' } })) === 0
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('an import is still running after a minute');
};

/** Makes one new live record of a resource (to seed a slot, or refill one an accepted write removed). */
const FACTORIES: Record<string, (slot: number) => Promise<string>> = {
  customers: async (slot) => (await (slot % 2 ? business() : individual())).documentId,
  addresses: async () => {
    const owner = await createCustomer({
      firstName: 'Seed',
      lastName: 'Addressed',
      addresses: [{ type: 'physical', line1: '1 Seed St', city: 'Seedville', country: 'US' }],
    });
    return pointOf('plugin::crm.address', owner.documentId);
  },
  phones: async () => {
    const owner = await individual();
    return (
      await created(
        await app
          .api()
          .post('/api/crm/phones')
          .send({ data: { type: 'cell', number: '(415) 555-0142', customer: owner.documentId } }),
        'a phone'
      )
    ).documentId;
  },
  emails: async () => {
    const owner = await individual();
    return (
      await created(
        await app
          .api()
          .post('/api/crm/emails')
          .send({
            data: {
              type: 'personal',
              address: `seed${uniq()}@example.com`,
              customer: owner.documentId,
            },
          }),
        'an email'
      )
    ).documentId;
  },
  connections: async (slot) => {
    const [one, two] = [slot % 2 ? await business() : await individual(), await individual()];
    const data = {
      customer: one.documentId,
      connectedCustomer: two.documentId,
      relationshipType: slot % 2 ? 'employee' : 'friend',
    };
    return (
      await created(await app.api().post('/api/crm/connections').send({ data }), 'a connection')
    ).documentId;
  },
  relationships: async (slot) => {
    const [one, two] = [await business(), await business()];
    const data =
      slot % 2
        ? { kind: 'hierarchical', parent: one.documentId, child: two.documentId }
        : {
            kind: 'loose',
            customer: one.documentId,
            linkedCustomer: two.documentId,
            type: 'investor',
          };
    return (
      await created(await app.api().post('/api/crm/relationships').send({ data }), 'a relationship')
    ).documentId;
  },
  contacts: async (slot) => {
    const company = pools.customers?.[1];
    const data = {
      firstName: 'Seed',
      lastName: `Contact ${uniq()}`,
      email: `contact${uniq()}@example.com`,
      active: slot !== 2,
      ...(slot === 0 && company ? { company } : {}),
    };
    const contact = await created(
      await app.api().post('/api/crm/contacts').send({ data }),
      'a contact'
    );
    await app
      .api()
      .post(`/api/crm/contacts/${contact.documentId}/activity`)
      .send({ data: { body: 'Seeded comment' } });
    return contact.documentId;
  },
  'marketing-lists': async (slot) => {
    const list = await created(
      await app
        .api()
        .post('/api/crm/marketing-lists')
        .send({ data: { name: `Seed list ${uniq()}`, channel: slot % 2 ? 'phone' : 'email' } }),
      'a list'
    );
    const members = (pools.contacts ?? []).slice(0, 2);
    if (members.length)
      await app
        .api()
        .post(`/api/crm/marketing-lists/${list.documentId}/members`)
        .send({ contacts: members });
    return list.documentId;
  },
  imports: async (slot) => {
    if (slot === 1)
      return (
        await created(
          await upload('First Name,Last Name,Email\nImp,Orted,imp@example.com\n', 'customers'),
          'an import'
        )
      ).documentId;
    const job = await created(
      await upload(
        'First Name,Surname,E-mail,Company Name\nAda,Imported,ada@acme.example,Acme\nCy,Unknown,cy@initech.example,Initech LLC\n',
        'contacts'
      ),
      'an import'
    );
    if (slot === 2) {
      await app
        .api()
        .put(`/api/crm/imports/${job.documentId}/reference-data`)
        .send({ applyToAll: 'skip' });
      await app.api().post(`/api/crm/imports/${job.documentId}/start`);
      await waitForImports();
    }
    return job.documentId;
  },
};
const SLOTS: Record<string, number> = {
  customers: 4,
  addresses: 2,
  phones: 2,
  emails: 2,
  connections: 2,
  relationships: 2,
  contacts: 3,
  'marketing-lists': 2,
  imports: 3,
};
const UID_OF: Record<string, string> = {
  customers: 'plugin::crm.customer',
  addresses: 'plugin::crm.address',
  phones: 'plugin::crm.phone',
  emails: 'plugin::crm.email',
  connections: 'plugin::crm.connection',
  relationships: 'plugin::crm.relationship',
  contacts: 'plugin::crm.contact',
  'marketing-lists': 'plugin::crm.marketing-list',
  imports: 'plugin::crm.import-job',
};

/** A business with a connected individual, a relationship, a contact with a comment, a list with members, import jobs. */
const seed = async () => {
  const ada = await createCustomer({
    firstName: 'Ada',
    lastName: 'Lovelace',
    ssn: '287-65-4321',
    addresses: [{ type: 'physical', line1: '1 Main St', city: 'Springfield', country: 'US' }],
    phones: [{ type: 'cell', number: '(415) 555-2671' }],
    emails: [{ type: 'personal', address: 'ada@analytical.example' }],
  });
  const acme = await createCustomer({
    type: 'business',
    businessName: 'Acme Rockets',
    emails: [{ type: 'work', address: 'sales@acme.example' }],
  });
  const bob = await createCustomer({
    firstName: 'Bob',
    lastName: 'Builder',
    phones: [{ type: 'home', number: '(415) 555-3000' }],
  });
  const sub = await business();
  pools.customers = [ada.documentId, acme.documentId, bob.documentId, sub.documentId];
  pools.addresses = [
    await pointOf('plugin::crm.address', ada.documentId),
    await FACTORIES.addresses(1),
  ];
  pools.phones = [
    await pointOf('plugin::crm.phone', ada.documentId),
    await pointOf('plugin::crm.phone', bob.documentId),
  ];
  pools.emails = [
    await pointOf('plugin::crm.email', ada.documentId),
    await pointOf('plugin::crm.email', acme.documentId),
  ];
  const employee = await created(
    await app
      .api()
      .post('/api/crm/connections')
      .send({
        data: {
          customer: acme.documentId,
          connectedCustomer: bob.documentId,
          relationshipType: 'employee',
          title: 'Engineer',
        },
      }),
    'a connection'
  );
  const friends = await created(
    await app
      .api()
      .post('/api/crm/connections')
      .send({
        data: {
          customer: ada.documentId,
          connectedCustomer: bob.documentId,
          relationshipType: 'friend',
        },
      }),
    'a connection'
  );
  pools.connections = [employee.documentId, friends.documentId];
  const parent = await created(
    await app
      .api()
      .post('/api/crm/relationships')
      .send({ data: { kind: 'hierarchical', parent: acme.documentId, child: sub.documentId } }),
    'a relationship'
  );
  const investor = await created(
    await app
      .api()
      .post('/api/crm/relationships')
      .send({
        data: {
          kind: 'loose',
          customer: ada.documentId,
          linkedCustomer: acme.documentId,
          type: 'investor',
        },
      }),
    'a relationship'
  );
  pools.relationships = [parent.documentId, investor.documentId];
  pools.contacts = [];
  for (let slot = 0; slot < SLOTS.contacts; slot += 1)
    pools.contacts.push(await FACTORIES.contacts(slot));
  pools['marketing-lists'] = [];
  for (let slot = 0; slot < SLOTS['marketing-lists']; slot += 1)
    pools['marketing-lists'].push(await FACTORIES['marketing-lists'](slot));
  pools.imports = [];
  for (let slot = 0; slot < SLOTS.imports; slot += 1)
    pools.imports.push(await FACTORIES.imports(slot));
};

/** Refills the slots whose record an accepted write removed. */
const refillPools = async () => {
  for (const [resource, ids] of Object.entries(pools)) {
    const alive = new Set(
      (
        (await app.strapi.db
          .query(UID_OF[resource] as never)
          .findMany({ where: { documentId: { $in: ids } }, select: ['documentId'] })) as {
          documentId: string;
        }[]
      ).map((row) => row.documentId)
    );
    for (let slot = 0; slot < ids.length; slot += 1)
      if (!alive.has(ids[slot])) ids[slot] = await FACTORIES[resource](slot);
  }
};

// ---------------------------------------------------------------------------------------------
// A cheap fingerprint of every CRM table: row count, highest id and latest updated_at.

let fingerprintSql = '';
const prepareFingerprint = async () => {
  const tables = new Set<string>(['crm_import_rows', 'crm_search_index', 'up_users']);
  for (const [uid, meta] of app.strapi.db.metadata as unknown as Map<
    string,
    { tableName: string; attributes: Record<string, { joinTable?: { name: string } }> }
  >) {
    if (!uid.startsWith('plugin::crm.')) continue;
    tables.add(meta.tableName);
    for (const attribute of Object.values(meta.attributes))
      if (attribute.joinTable) tables.add(attribute.joinTable.name);
  }
  const parts: string[] = [];
  for (const table of [...tables].sort()) {
    if (!(await app.strapi.db.connection.schema.hasTable(table))) continue;
    const columns = Object.keys(await app.strapi.db.connection(table).columnInfo());
    const key = ['id', 'seq', 'customer_id'].find((column) => columns.includes(column));
    parts.push(
      `SELECT '${table}' AS t, COUNT(*) AS n, ${key ? `CAST(MAX(${key}) AS TEXT)` : 'CAST(NULL AS TEXT)'} AS m, ` +
        `${columns.includes('updated_at') ? 'CAST(MAX(updated_at) AS TEXT)' : 'CAST(NULL AS TEXT)'} AS u FROM ${table}`
    );
  }
  fingerprintSql = parts.join(' UNION ALL ');
};
const fingerprint = async (): Promise<Record<string, string>> => {
  const result = await app.strapi.db.connection.raw(fingerprintSql);
  const rows = (Array.isArray(result) ? result : result.rows) as {
    t: string;
    n: unknown;
    m: unknown;
    u: unknown;
  }[];
  return Object.fromEntries(rows.map((row) => [row.t, `${row.n}|${row.m}|${row.u}`]));
};
const changedTables = (before: Record<string, string>, after: Record<string, string>) =>
  Object.keys(before)
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table} ${before[table]} → ${after[table]}`);

/** Routes whose refusals are recorded on purpose: an SSN reveal, allowed or not, leaves an audit row. */
const AUDITED_HANDLERS = new Set(['customer.revealSsn', 'admin-customer.revealSsn']);

// ---------------------------------------------------------------------------------------------
// Sending a drawn request.

const encode = (value: string) => {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
};
const liveId = (ref: IdRef) => pools[ref.resource]?.[ref.slot] ?? 'noslotforthisresource000';
const shownId = (ref: IdRef) => `<${ref.resource}#${ref.slot}>`;
const prefixOf = (route: FuzzRoute) => (route.type === 'admin' ? '/crm' : '/api/crm');
const urlOf = (fuzz: FuzzRequest) => {
  const id = fuzz.id instanceof IdRef ? liveId(fuzz.id) : fuzz.id?.literal;
  const path = `${prefixOf(fuzz.route)}${fuzz.route.path.replace(':id', id ?? '')}`;
  const query = [
    fuzz.query.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&'),
    fuzz.rawQuery,
  ]
    .filter(Boolean)
    .join('&');
  return query ? `${path}?${query}` : path;
};

const send = async (fuzz: FuzzRequest): Promise<request.Response> => {
  const method = fuzz.route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
  let test = callers[fuzz.caller]()[method](urlOf(fuzz)).timeout(60_000);
  const { body } = fuzz;
  if (body.kind === 'json')
    test = test
      .set('Content-Type', 'application/json')
      .send(stringifyWithRefs(body.value, liveId) ?? '');
  if (body.kind === 'raw')
    test = test.set({ 'Content-Type': body.contentType, ...body.headers }).send(body.text);
  if (body.kind === 'multipart') {
    for (const [name, value] of body.fields) test = test.field(name, value);
    for (const file of body.files)
      test = test.attach(file.field, file.content, {
        filename: file.filename,
        contentType: file.contentType ?? 'text/csv',
      });
  }
  return test;
};

/** A line of the report: what was sent, by whom, and what came back. */
const describeRequest = (fuzz: FuzzRequest) => {
  const url = urlOf(fuzz);
  const shown = url.length > 160 ? `${url.slice(0, 160)}… (${url.length} chars)` : url;
  const body =
    fuzz.body.kind === 'json'
      ? (stringifyWithRefs(fuzz.body.value, shownId) ?? '')
      : fuzz.body.kind === 'raw'
        ? `${fuzz.body.contentType}: ${fuzz.body.text}`
        : '';
  const bodyShown = body.length > 200 ? `${body.slice(0, 200)}… (${body.length} chars)` : body;
  return `#${fuzz.index} ${fuzz.route.method} ${shown} as ${fuzz.caller} [${fuzz.label}]${bodyShown ? ` body ${bodyShown}` : ''}`;
};

// ---------------------------------------------------------------------------------------------

const createAdmin = async (email: string, roleIds: number[]): Promise<Agent> => {
  await app.strapi.service('admin::user').create({
    email,
    firstname: 'Fuzz',
    lastname: email.split('@')[0],
    password: 'Admin-Password-1',
    isActive: true,
    registrationToken: null,
    roles: roleIds,
  });
  const login = await request(app.strapi.server.httpServer)
    .post('/admin/login')
    .send({ email, password: 'Admin-Password-1' });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status}`);
  const token = login.body.data.token as string;
  return () => request.agent(app.strapi.server.httpServer).set('Authorization', `Bearer ${token}`);
};
const adminRole = async (name: string, actions: string[]) => {
  const roles = app.strapi.service('admin::role');
  const role = await roles.create({ name, description: `${name} (fuzz)` });
  if (actions.length)
    await roles.assignPermissions(
      role.id,
      actions.map((action) => ({ action }))
    );
  return role.id as number;
};

beforeAll(async () => {
  app = await startApp();
  callers.anonymous = app.anonymous;
  callers['garbage bearer'] = () => app.anonymous().set('Authorization', 'Bearer not.a.jwt');
  callers['long bearer'] = () => app.anonymous().set('Authorization', `Bearer ${'x'.repeat(5000)}`);
  callers['basic auth'] = () => app.anonymous().set('Authorization', 'Basic dXNlcjpwYXNz');
  callers['full-access token'] = app.api;
  callers['read-only token'] = await apiToken(app, 'read-only');
  callers['custom token'] = await apiToken(app, 'custom', [
    'plugin::crm.customer.find',
    'plugin::crm.customer.findOne',
    'plugin::crm.contact.create',
    'plugin::crm.contact.update',
    'plugin::crm.import.findOne',
  ]);
  callers.authenticated = (await loginAs(app, 'authenticated')).agent;
  for (const role of CRM_ROLES) callers[role] = (await loginAs(app, role)).agent;
  const superAdmin = await app.strapi.service('admin::role').getSuperAdmin();
  callers['super admin'] = await createAdmin('fuzz-root@crm.test', [superAdmin.id]);
  callers['admin reader'] = await createAdmin('fuzz-reader@crm.test', [
    await adminRole('Fuzz reader', ['plugin::crm.read']),
  ]);
  callers['admin importer'] = await createAdmin('fuzz-importer@crm.test', [
    await adminRole('Fuzz importer', ['plugin::crm.import']),
  ]);
  callers['admin without CRM'] = await createAdmin('fuzz-none@crm.test', [
    await adminRole('Fuzz none', []),
  ]);
  await seed();
  await prepareFingerprint();
});
afterAll(async () => {
  await app.stop();
});

interface Failure {
  key: string;
  line: string;
}

it(
  "answers every malformed request over every CRM route with a 4xx in Strapi's shape, saving nothing",
  async () => {
    const pluginRoutes = app.strapi.plugin('crm').routes as unknown as Record<
      string,
      { type: FuzzRoute['type']; routes: Omit<FuzzRoute, 'type'>[] }
    >;
    const routes: FuzzRoute[] = Object.values(pluginRoutes).flatMap(({ type, routes: list }) =>
      list.map(({ method, path, handler }) => ({
        type,
        method,
        path,
        handler: String(handler).replace(/^plugin::crm\./, ''),
      }))
    );
    const models: Record<string, ModelShape> = {};
    for (const uid of Object.keys(app.strapi.contentTypes).filter((name) =>
      name.startsWith('plugin::crm.')
    )) {
      models[uid] = {
        uid,
        attributes: (app.strapi.getModel(uid as never) as unknown as ModelShape).attributes,
      };
    }
    const requests = generateRequests({
      seed: SEED,
      count: COUNT,
      routes,
      models,
      slots: SLOTS,
      callers: {
        'content-api': [
          [30, 'full-access token'],
          [6, 'read-only token'],
          [6, 'custom token'],
          [10, 'crm_admin'],
          [10, 'crm_manager'],
          [10, 'crm_sales'],
          [8, 'crm_marketeer'],
          [4, 'authenticated'],
          [6, 'anonymous'],
          [1, 'garbage bearer'],
          [1, 'long bearer'],
          [1, 'basic auth'],
          [3, 'super admin'],
        ],
        admin: [
          [60, 'super admin'],
          [12, 'admin reader'],
          [8, 'admin importer'],
          [5, 'admin without CRM'],
          [8, 'anonymous'],
          [1, 'garbage bearer'],
          [1, 'long bearer'],
          [1, 'basic auth'],
          [7, 'full-access token'],
        ],
      },
    });
    for (const route of routes)
      if (!requests.some((fuzz) => fuzz.route === route))
        throw new Error(`no request drawn for ${route.method} ${route.path}`);

    // What the server logged for the request (the cause of a 500).
    const logged: string[] = [];
    const log = app.strapi.log as unknown as { error: (...args: unknown[]) => void };
    const logError = log.error;
    log.error = (...args: unknown[]) => {
      logged.push(
        args
          .map((arg) =>
            arg instanceof Error
              ? `${arg.name}: ${arg.message} ${arg.stack?.split('\n')[1]?.trim() ?? ''}`
              : String(arg)
          )
          .join(' ')
      );
    };

    const failures = new Map<string, { line: string; count: number }>();
    const fail = ({ key, line }: Failure) => {
      const known = failures.get(key);
      if (known) known.count += 1;
      else failures.set(key, { line, count: 1 });
    };
    const statuses: Record<string, number> = {};
    const started = Date.now();
    try {
      for (const fuzz of requests) {
        const isWrite = fuzz.route.method !== 'GET';
        const before = isWrite ? await fingerprint() : undefined;
        logged.length = 0;
        let response: request.Response;
        try {
          response = await send(fuzz);
        } catch (error) {
          fail({
            key: `${fuzz.route.method} ${fuzz.route.path} no response`,
            line: `${describeRequest(fuzz)} → no response: ${(error as Error).message}`,
          });
          continue;
        }
        const { status } = response;
        statuses[status] = (statuses[status] ?? 0) + 1;
        const message = String(response.body?.error?.message ?? '').slice(0, 300);
        const routeKey = `${fuzz.route.type} ${fuzz.route.method} ${fuzz.route.path}`;
        const normalised = message.replace(/[a-z0-9]{24}/g, '<id>').replace(/\d+/g, 'N');
        const cause = logged.length ? ` — server logged: ${logged.join(' | ').slice(0, 400)}` : '';
        if (status >= 500) {
          fail({
            key: `${routeKey} ${status} ${normalised} ${logged[0]?.slice(0, 80) ?? ''}`,
            line: `${describeRequest(fuzz)} → ${status} ${message}${cause}`,
          });
        } else if (status >= 400) {
          const error = response.body?.error;
          const shaped =
            response.body?.data === null &&
            error &&
            error.status === status &&
            typeof error.name === 'string' &&
            typeof error.message === 'string';
          if (!shaped) {
            fail({
              key: `${routeKey} ${status} shape`,
              line: `${describeRequest(fuzz)} → ${status} not in Strapi's error shape: ${(response.text ?? '').slice(0, 200)}${cause}`,
            });
          }
        }
        if (isWrite && status >= 400 && status < 500) {
          const changed = changedTables(before!, await fingerprint()).filter(
            (table) =>
              !(AUDITED_HANDLERS.has(fuzz.route.handler) && table.startsWith('crm_audit_logs'))
          );
          if (changed.length) {
            fail({
              key: `${routeKey} ${status} changed ${normalised}`,
              line: `${describeRequest(fuzz)} → ${status} ${message}, yet changed ${changed.join('; ')}`,
            });
          }
        }
        if (isWrite && status < 300) {
          // An accepted write may start an import or remove a seeded record.
          await waitForImports();
          await refillPools();
        }
      }
    } finally {
      log.error = logError;
    }
    const polluted = ({} as Record<string, unknown>).polluted;
    if (polluted !== undefined)
      fail({
        key: 'prototype',
        line: `Object.prototype was polluted: polluted = ${JSON.stringify(polluted)}`,
      });

    if (process.env.FUZZ_VERBOSE) {
      console.log(
        `${requests.length} requests over ${routes.length} routes in ${Math.round((Date.now() - started) / 1000)} s; statuses ${JSON.stringify(statuses)}`
      );
    }
    if (failures.size > 0) {
      const lines = [...failures.values()]
        .slice(0, REPORTED)
        .map(({ line, count }) => `- ${line}${count > 1 ? ` (×${count})` : ''}`);
      throw new Error(
        `${failures.size} distinct failures in ${requests.length} malformed requests (FUZZ_SEED=${SEED} FUZZ_COUNT=${COUNT} reproduces them)` +
          `${failures.size > REPORTED ? `, the first ${REPORTED}` : ''}:\n${lines.join('\n')}`
      );
    }
  },
  20 * 60_000
);
