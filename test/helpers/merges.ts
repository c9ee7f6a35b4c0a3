import type { TestApp } from './strapi';

/** Tables a merge and its undo must leave exactly as they were (the merge's own records, the audit log, the change history and derived indexes aside). */
const SKIPPED = [
  /^crm_merges/,
  /^crm_merge_redirects/,
  /^crm_audit_logs/,
  /^crm_search/,
  /^crm_match_keys/,
  /^crm_sequences/,
  /^crm_import/,
  /^crm_duplicate/,
  /^crm_history/,
];

/** Every row of every CRM table (link tables included), by table, ordered by id: what "exactly as before" compares. */
export const crmTables = async (app: TestApp): Promise<Record<string, unknown[]>> => {
  const knex = app.strapi.db.connection;
  const tables = new Set<string>();
  for (const uid of Object.keys(app.strapi.contentTypes).filter((name) =>
    name.startsWith('plugin::crm.')
  )) {
    const meta = app.strapi.db.metadata.get(uid);
    tables.add(meta.tableName);
    for (const attribute of Object.values(meta.attributes) as any[])
      if (attribute.joinTable && !attribute.mappedBy) tables.add(attribute.joinTable.name);
  }
  const dump: Record<string, unknown[]> = {};
  for (const table of [...tables].sort()) {
    if (SKIPPED.some((pattern) => pattern.test(table))) continue;
    const rows = await knex(table).select('*').orderBy('id');
    dump[table] = rows.map((row: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          value instanceof Date ? value.toISOString() : value,
        ])
      )
    );
  }
  return dump;
};

type Agent = ReturnType<TestApp['api']>;

/** REST helpers of the merge tests, on a full-access token unless an agent is given. */
export const mergeHelpers = (app: TestApp) => {
  const api = (agent?: () => Agent) => (agent ?? app.api)();
  const created = (response: { status: number; body: any }) => {
    if (response.status !== 201)
      throw new Error(`create answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body.data;
  };
  return {
    person: async (firstName: string, lastName: string, data: Record<string, unknown> = {}) =>
      created(
        await api()
          .post('/api/crm/customers?populate=*')
          .send({ data: { firstName, lastName, ...data } })
      ),
    company: async (businessName: string, data: Record<string, unknown> = {}) =>
      created(
        await api()
          .post('/api/crm/customers?populate=*')
          .send({ data: { type: 'business', businessName, ...data } })
      ),
    connect: async (
      customer: string,
      connectedCustomer: string,
      data: Record<string, unknown> = {}
    ) =>
      created(
        await api()
          .post('/api/crm/connections')
          .send({ data: { customer, connectedCustomer, ...data } })
      ),
    parent: async (parent: string, child: string) =>
      created(
        await api()
          .post('/api/crm/relationships')
          .send({ data: { kind: 'hierarchical', parent, child } })
      ),
    link: async (customer: string, linkedCustomer: string, type = 'other') =>
      created(
        await api()
          .post('/api/crm/relationships')
          .send({ data: { kind: 'loose', customer, linkedCustomer, type } })
      ),
    contact: async (firstName: string, lastName: string, data: Record<string, unknown> = {}) =>
      created(
        await api()
          .post('/api/crm/contacts')
          .send({ data: { firstName, lastName, ...data } })
      ),
    list: async (name: string, channel = 'email') =>
      created(await api().post('/api/crm/marketing-lists').send({ data: { name, channel } })),
    addMembers: async (list: string, contacts: string[]) => {
      const response = await api()
        .post(`/api/crm/marketing-lists/${list}/members`)
        .send({ contacts });
      if (response.status !== 200) throw new Error(JSON.stringify(response.body));
    },
    comment: async (contact: string, body: string) =>
      created(await api().post(`/api/crm/contacts/${contact}/activity`).send({ data: { body } })),
    mergeCustomers: (
      data: Record<string, unknown>,
      extra: Record<string, unknown> = {},
      agent?: () => Agent
    ) =>
      api(agent)
        .post('/api/crm/customers/merge')
        .send({ data, ...extra }),
    mergeContacts: (
      data: Record<string, unknown>,
      extra: Record<string, unknown> = {},
      agent?: () => Agent
    ) =>
      api(agent)
        .post('/api/crm/contacts/merge')
        .send({ data, ...extra }),
    undo: (merge: string, agent?: () => Agent) =>
      api(agent).post(`/api/crm/merges/${merge}/undo`).send({}),
  };
};
