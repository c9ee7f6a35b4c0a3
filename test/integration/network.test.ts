import { useTestApp } from '../helpers/strapi';

const app = useTestApp();

const create = async (data: Record<string, unknown>) => {
  const response = await app.api().post('/api/crm/customers').send({ data });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};
const person = (firstName: string) => create({ firstName, lastName: 'Net' });
const company = (businessName: string) => create({ type: 'business', businessName });
const connect = async (customer: string, connectedCustomer: string, relationshipType?: string) =>
  app
    .api()
    .post('/api/crm/connections')
    .send({ data: { customer, connectedCustomer, relationshipType } })
    .expect(201);
const relate = async (data: Record<string, unknown>) =>
  app.api().post('/api/crm/relationships').send({ data }).expect(201);
const network = (documentId: string, depth?: number) =>
  app
    .api()
    .get(`/api/crm/customers/${documentId}/network`)
    .query(depth === undefined ? {} : { depth });

describe('the network of a customer', () => {
  // root — a, b (connections); a — c (connection); c — d (connection); root parent of e; e investor in a
  let root: string, a: string, b: string, c: string, d: string, e: string;
  beforeAll(async () => {
    root = await company('Root Co');
    [a, b, c, d] = [await person('A'), await person('B'), await person('C'), await person('D')];
    e = await company('E Co');
    await connect(root, a);
    await connect(b, root);
    await connect(a, c, 'friend');
    await connect(c, d, 'relative');
    await relate({ kind: 'hierarchical', parent: root, child: e });
    await relate({ kind: 'loose', customer: e, linkedCustomer: root, type: 'investor' });
  });

  const ids = (nodes: { id: string }[]) => nodes.map((node) => node.id).sort();

  it('goes out to the depth asked for, each node once with its depth', async () => {
    const one = await network(root, 1);
    expect(one.status).toBe(200);
    expect(ids(one.body.data.nodes)).toEqual([root, a, b, e].sort());
    expect(one.body.data.truncated).toBe(false);
    expect(one.body.data.nodes.find((node: any) => node.id === root)).toMatchObject({
      depth: 0,
      type: 'business',
      name: 'Root Co',
    });

    const two = await network(root, 2);
    expect(ids(two.body.data.nodes)).toEqual([root, a, b, c, e].sort());
    expect(two.body.data.nodes.find((node: any) => node.id === c).depth).toBe(2);

    const three = await network(root, 3);
    expect(ids(three.body.data.nodes)).toEqual([root, a, b, c, d, e].sort());
    expect((await network(root)).body.meta).toMatchObject({ depth: 1, nodeCap: 500 });
  });

  it('lists each edge once, with its kind and label, between nodes of the answer', async () => {
    const { edges, nodes } = (await network(root, 3)).body.data;
    const present = new Set(nodes.map((node: any) => node.id));
    expect(new Set(edges.map((edge: any) => edge.id)).size).toBe(edges.length);
    expect(edges.every((edge: any) => present.has(edge.source) && present.has(edge.target))).toBe(
      true
    );
    const described = edges.map((edge: any) => `${edge.kind}:${edge.label}`).sort();
    expect(described).toEqual(
      [
        'connection:employee',
        'connection:employee',
        'connection:friend',
        'connection:relative',
        'hierarchical:parent of',
        'loose:investor in',
      ].sort()
    );
    const parentEdge = edges.find((edge: any) => edge.kind === 'hierarchical');
    expect([parentEdge.source, parentEdge.target]).toEqual([root, e]);
  });

  it('is capped, saying so with truncated', async () => {
    app.strapi.config.set('plugin::crm.networkNodeCap', 3);
    try {
      const capped = await network(root, 3);
      expect(capped.body.data.nodes).toHaveLength(3);
      expect(capped.body.data.truncated).toBe(true);
      expect(capped.body.meta.nodeCap).toBe(3);
    } finally {
      app.strapi.config.set('plugin::crm.networkNodeCap', 500);
    }
  });

  it('refuses a depth outside 1..3 and answers 404 for an unknown customer', async () => {
    expect((await network(root, 0)).status).toBe(400);
    expect((await network(root, 4)).status).toBe(400);
    expect((await app.api().get(`/api/crm/customers/${root}/network?depth=two`)).status).toBe(400);
    expect((await network('nosuchcustomer0000000000', 1)).status).toBe(404);
  });

  it('is a lone node for a customer without links', async () => {
    const alone = await person('Alone');
    const { nodes, edges, truncated } = (await network(alone, 3)).body.data;
    expect(nodes.map((node: any) => node.id)).toEqual([alone]);
    expect(edges).toEqual([]);
    expect(truncated).toBe(false);
  });
});

describe('the network under concurrent writes', () => {
  it('20 concurrent connection adds to one business leave exactly one primary contact', async () => {
    const business = await company('Busy Co');
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => person(`P${i}`)));
    const responses = await Promise.all(
      people.map((individual) =>
        app
          .api()
          .post('/api/crm/connections')
          .send({ data: { customer: business, connectedCustomer: individual } })
      )
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
    const list = (await app.api().get(`/api/crm/customers/${business}/connections`)).body.data;
    expect(list).toHaveLength(20);
    expect(list.filter((item: any) => item.isPrimaryContact)).toHaveLength(1);
  });

  it('concurrent adds and removals keep exactly one primary contact while connections remain', async () => {
    const business = await company('Churn Co');
    const first = await Promise.all(Array.from({ length: 6 }, (_, i) => person(`Q${i}`)));
    const made = [];
    for (const individual of first)
      made.push((await connect(business, individual)).body.data.documentId);
    const later = await Promise.all(Array.from({ length: 6 }, (_, i) => person(`R${i}`)));
    await Promise.all([
      ...made
        .slice(0, 5)
        .map((documentId) => app.api().delete(`/api/crm/connections/${documentId}`)),
      ...later.map((individual) =>
        app
          .api()
          .post('/api/crm/connections')
          .send({ data: { customer: individual, connectedCustomer: business } })
      ),
    ]);
    const list = (await app.api().get(`/api/crm/customers/${business}/connections`)).body.data;
    expect(list).toHaveLength(7);
    expect(list.filter((item: any) => item.isPrimaryContact)).toHaveLength(1);
  });

  it('the same pair connected concurrently from both sides is stored once', async () => {
    const [x, y] = [await person('X'), await person('Y')];
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        app
          .api()
          .post('/api/crm/connections')
          .send({
            data:
              i % 2 ? { customer: x, connectedCustomer: y } : { customer: y, connectedCustomer: x },
          })
      )
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect((await app.api().get(`/api/crm/customers/${x}/connections`)).body.data).toHaveLength(1);
  });

  it('A→B and B→A parent links made at the same moment never both succeed', async () => {
    for (let round = 0; round < 5; round += 1) {
      const [p, q] = [await company(`P${round}`), await company(`Q${round}`)];
      const responses = await Promise.all([
        app
          .api()
          .post('/api/crm/relationships')
          .send({ data: { kind: 'hierarchical', parent: p, child: q } }),
        app
          .api()
          .post('/api/crm/relationships')
          .send({ data: { kind: 'hierarchical', parent: q, child: p } }),
      ]);
      expect(responses.map((response) => response.status).sort()).toEqual([201, 400]);
    }
  });

  it('two links that close a longer cycle together never both succeed', async () => {
    // b→c and d→a exist; a→b and c→d together would close a→b→c→d→a without sharing a customer.
    const [a, b, c, d] = [
      await company('Ca'),
      await company('Cb'),
      await company('Cc'),
      await company('Cd'),
    ];
    await relate({ kind: 'hierarchical', parent: b, child: c });
    await relate({ kind: 'hierarchical', parent: d, child: a });
    const responses = await Promise.all([
      app
        .api()
        .post('/api/crm/relationships')
        .send({ data: { kind: 'hierarchical', parent: a, child: b } }),
      app
        .api()
        .post('/api/crm/relationships')
        .send({ data: { kind: 'hierarchical', parent: c, child: d } }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 400]);
  });
});
