import { createCrmApi } from '../../../src/plugins/crm/admin/src/api/client';
import adminRoutes from '../../../src/plugins/crm/server/src/routes/admin';

// The admin pages reach the server only through this client: each of its calls must be a route
// the plugin serves to the admin panel (under /crm), with the method it is served with.
interface Call {
  method: string;
  url: string;
  body?: unknown;
  config?: { params?: Record<string, unknown>; responseType?: string };
}

const fakeClient = () => {
  const calls: Call[] = [];
  const answer = (data: unknown) =>
    Promise.resolve({
      data: { data, meta: {} },
      headers: new Headers({ 'Content-Disposition': 'attachment; filename="ignored-x.csv"' }),
    });
  const client = {
    get: (url: string, config?: Call['config']) => (
      calls.push({ method: 'GET', url, config }),
      answer(`GET ${url}`)
    ),
    post: (url: string, body?: unknown, config?: Call['config']) => (
      calls.push({ method: 'POST', url, body, ...(config ? { config } : {}) }),
      answer(`POST ${url}`)
    ),
    put: (url: string, body?: unknown) => (
      calls.push({ method: 'PUT', url, body }),
      answer(`PUT ${url}`)
    ),
    del: (url: string) => (calls.push({ method: 'DELETE', url }), answer(`DELETE ${url}`)),
  };
  return { calls, api: createCrmApi(client as never) };
};

const served = (adminRoutes.routes as { method: string; path: string }[]).map((route) => ({
  method: route.method,
  pattern: new RegExp(`^/crm${route.path.replace(/:[a-zA-Z]+/g, '[^/]+')}$`),
  name: `${route.method} ${route.path}`,
}));
const routeOf = (call: Call) =>
  served.find(
    // A query string written into the URL is not part of the route's path.
    (route) => route.method === call.method && route.pattern.test(call.url.split('?')[0])
  )?.name;

describe('the admin API client', () => {
  it('calls only routes the server serves to the admin panel, and each of them', async () => {
    const { calls, api } = fakeClient();
    const file = new File(['a,b\n1,2\n'], 'people.csv', { type: 'text/csv' });
    await Promise.all([
      api.settings(),
      api.searchCustomers('acme'),
      api.customer('c1'),
      api.createCustomer({ type: 'business', businessName: 'Acme' }),
      api.setPrimary('c1', 'phone', 'p1'),
      api.revealSsn('c1'),
      api.connections('c1'),
      api.setPrimaryContact('c1', 'c2'),
      api.relationships('c1'),
      api.network('c1', 2),
      api.createConnection({
        customer: 'c1',
        connectedCustomer: 'c2',
        relationshipType: 'employee',
      }),
      api.deleteConnection('k1'),
      api.createRelationship({ kind: 'hierarchical', parent: 'c1', child: 'c2' }),
      api.deleteRelationship('r1'),
      api.imports.upload(file, 'contacts'),
      api.imports.job('j1'),
      api.imports.setMapping('j1', { Email: 'email' }),
      api.imports.setMode('j1', { mode: 'upsert' }),
      api.duplicates.ofCustomer('c1'),
      api.duplicates.ofContact('k1'),
      api.duplicates.checkCustomer({ firstName: 'Ada' }),
      api.duplicates.checkContact({ firstName: 'Ada' }),
      api.duplicates.startScan('customers'),
      api.duplicates.scan('s1'),
      api.merges.customers({ survivor: 'c1', merged: ['c2'] }),
      api.merges.contacts({ survivor: 'k1', merged: ['k2'] }, { dryRun: true }),
      api.merges.undo('m1'),
      api.merges.customers({ survivor: 'c1', merged: ['c2'] }),
      api.merges.contacts({ survivor: 'k1', merged: ['k2'] }),
      api.merges.undo('m1'),
      api.imports.referenceData('j1'),
      api.imports.decide('j1', [{ key: 'acme', action: 'create' }]),
      api.imports.start('j1'),
      api.imports.undo('j1'),
      api.imports.log('j1', { status: ['invalid', 'failed'], page: 2, pageSize: 25 }),
      api.imports.ignoredCsv('j1'),
      api.imports.list(2, 10),
      api.updateCustomer('c1', { businessName: 'Acme' }),
      api.customerContacts('c1'),
      api.socialLookup('c1'),
      api.updateSocialProfile('c1', {
        data: { firstName: 'Ada' },
        source: { service: 'gravatar', email: 'ada@example.test' },
      }),
      ...(['address', 'phone', 'email'] as const).flatMap((kind) => [
        api.contactPoints.create(kind, { customer: 'c1' }),
        api.contactPoints.update(kind, 'p1', { isPrimary: true }),
        api.contactPoints.remove(kind, 'p1'),
      ]),
      api.contacts.list({ q: 'ada', includeInactive: true }),
      api.contacts.one('k1'),
      api.contacts.generateLogin('k1', 'ada@example.test'),
      api.contacts.convert('k1'),
      api.contacts.activity('k1'),
      api.contacts.comment('k1', 'Met at the fair'),
      api.contacts.exportCsv(['k1', 'k2']),
      api.marketingLists.list(),
      api.marketingLists.one('l1'),
      api.marketingLists.members('l1', { reachable: false }),
      api.marketingLists.create({ name: 'Spring', channel: 'email' }),
      api.marketingLists.addMembers('l1', ['k1']),
      api.marketingLists.removeMembers('l1', ['k1']),
      api.marketingLists.exportCsv('l1'),
      ...(['customers', 'contacts'] as const).flatMap((subject) => [
        api.history.of(subject, 'c1', { field: 'lastName' }),
        api.personalData.exportJson(subject, 'c1'),
        api.personalData.exportZip(subject, 'c1'),
        api.personalData.erase(subject, 'c1'),
      ]),
      api.history.revert('h1'),
      api.erasures.list(),
      api.erasures.remove('x1'),
    ]);
    expect(calls.filter((call) => routeOf(call) === undefined)).toEqual([]);
    const reached = new Set(calls.map(routeOf));
    expect(served.map((route) => route.name).filter((name) => !reached.has(name))).toEqual([]);
  });

  it('answers the data of the envelope', async () => {
    const { api } = fakeClient();
    await expect(api.customer('c1')).resolves.toBe('GET /crm/customers/c1');
    await expect(api.imports.start('j1')).resolves.toBe('POST /crm/imports/j1/start');
  });

  it('sends bodies and queries in the shapes the routes read', async () => {
    const { calls, api } = fakeClient();
    await api.createConnection({
      customer: 'c1',
      connectedCustomer: 'c2',
      relationshipType: 'friend',
    });
    await api.setPrimary('c1', 'email', 'e1');
    await api.imports.decide('j1', [{ key: 'acme', action: 'skip' }], 'skip');
    await api.imports.log('j1', { status: ['invalid', 'ignored'], page: 3, pageSize: 10 });
    await api.searchCustomers('acme');
    expect(calls).toEqual([
      {
        method: 'POST',
        url: '/crm/connections',
        body: { data: { customer: 'c1', connectedCustomer: 'c2', relationshipType: 'friend' } },
      },
      { method: 'PUT', url: '/crm/customers/c1/primary', body: { kind: 'email', id: 'e1' } },
      {
        method: 'PUT',
        url: '/crm/imports/j1/reference-data',
        body: { decisions: [{ key: 'acme', action: 'skip' }], applyToAll: 'skip' },
      },
      {
        method: 'GET',
        url: '/crm/imports/j1/log',
        config: { params: { status: 'invalid,ignored', page: 3, pageSize: 10 } },
      },
      {
        method: 'GET',
        url: '/crm/customers/search',
        config: { params: { q: 'acme', page: 1, pageSize: 10 } },
      },
    ]);
  });

  it('creates a likely duplicate only when asked, and answers the possible duplicates', async () => {
    const { calls, api } = fakeClient();
    await expect(api.createCustomer({ type: 'individual' })).resolves.toEqual({
      customer: 'POST /crm/customers',
      possibleDuplicates: [],
    });
    await api.createCustomer({ type: 'individual' }, { allowDuplicate: true });
    expect(calls).toEqual([
      { method: 'POST', url: '/crm/customers', body: { data: { type: 'individual' } } },
      {
        method: 'POST',
        url: '/crm/customers',
        body: { data: { type: 'individual' } },
        config: { params: { allowDuplicate: true } },
      },
    ]);
  });

  it('sends merges, their dry runs and undos in the shapes the routes read', async () => {
    const { calls, api } = fakeClient();
    const request = {
      survivor: 'c1',
      merged: ['c2'],
      fields: { firstName: 'c2' },
      keep: { email: ['e1', 'e2'] },
    };
    await api.merges.customers(request, { dryRun: true });
    await api.merges.customers(request);
    await expect(api.merges.undo('m1')).resolves.toEqual({
      data: 'POST /crm/merges/m1/undo',
      meta: {},
    });
    expect(calls).toEqual([
      { method: 'POST', url: '/crm/customers/merge', body: { data: request, dryRun: true } },
      { method: 'POST', url: '/crm/customers/merge', body: { data: request } },
      { method: 'POST', url: '/crm/merges/m1/undo' },
    ]);
  });

  it('asks for a history page with its filters, and for the zip of the personal data', async () => {
    const { calls, api } = fakeClient();
    await api.history.of('contacts', 'k1', { page: 2, pageSize: 10, field: 'email', actor: 'a1' });
    await api.personalData.exportZip('customers', 'c1');
    expect(calls).toEqual([
      {
        method: 'GET',
        url: '/crm/contacts/k1/history',
        config: { params: { page: 2, pageSize: 10, field: 'email', actor: 'a1' } },
      },
      {
        method: 'GET',
        url: '/crm/customers/c1/personal-data?format=zip',
        config: { responseType: 'blob' },
      },
    ]);
  });

  it('names the downloaded ignored rows after the server', async () => {
    const { api } = fakeClient();
    await expect(api.imports.ignoredCsv('j1')).resolves.toMatchObject({
      fileName: 'ignored-x.csv',
    });
  });
});
