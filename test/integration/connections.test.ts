import { useTestApp } from '../helpers/strapi';

const app = useTestApp();

type Result = { ok: true; data: any } | { ok: false; status: number; message: string };

/** Writes of connections and relationships over REST and over the document service. */
const paths = {
  REST: {
    create: async (plural: string, data: Record<string, unknown>): Promise<Result> => {
      const response = await app.api().post(`/api/crm/${plural}`).send({ data });
      return response.status < 300
        ? { ok: true, data: response.body.data }
        : { ok: false, status: response.status, message: response.body.error?.message };
    },
    remove: async (plural: string, documentId: string) =>
      (await app.api().delete(`/api/crm/${plural}/${documentId}`)).status,
    setPrimaryContact: async (business: string, individual: string): Promise<Result> => {
      const response = await app
        .api()
        .put(`/api/crm/customers/${business}/primary-contact`)
        .send({ customer: individual });
      return response.status < 300
        ? { ok: true, data: response.body.data }
        : { ok: false, status: response.status, message: response.body.error?.message };
    },
  },
  'document service': {
    create: async (plural: string, data: Record<string, unknown>): Promise<Result> => {
      const uid = plural === 'connections' ? 'plugin::crm.connection' : 'plugin::crm.relationship';
      try {
        return {
          ok: true,
          data: await (app.strapi.documents(uid as never) as any).create({ data }),
        };
      } catch (error: any) {
        return {
          ok: false,
          status: error.name === 'ValidationError' ? 400 : 500,
          message: error.message,
        };
      }
    },
    remove: async (plural: string, documentId: string) => {
      const uid = plural === 'connections' ? 'plugin::crm.connection' : 'plugin::crm.relationship';
      await (app.strapi.documents(uid as never) as any).delete({ documentId });
      return 204;
    },
    // The content manager sets a primary contact by editing the business's relation field.
    setPrimaryContact: async (business: string, individual: string): Promise<Result> => {
      try {
        const data = await (app.strapi.documents('plugin::crm.customer') as any).update({
          documentId: business,
          data: { primaryContact: { connect: [{ documentId: individual }] } },
        });
        return { ok: true, data };
      } catch (error: any) {
        return {
          ok: false,
          status: error.name === 'ValidationError' ? 400 : 500,
          message: error.message,
        };
      }
    },
  },
};

const person = async (firstName: string) =>
  (
    await app
      .api()
      .post('/api/crm/customers')
      .send({ data: { firstName, lastName: 'Test' } })
  ).body.data.documentId as string;
const company = async (businessName: string) =>
  (
    await app
      .api()
      .post('/api/crm/customers')
      .send({ data: { type: 'business', businessName } })
  ).body.data.documentId as string;
const primaryContactOf = async (business: string) => {
  const row = await app.strapi.db
    .query('plugin::crm.customer')
    .findOne({ where: { documentId: business }, populate: ['primaryContact'] });
  return row.primaryContact?.documentId ?? null;
};
const connectionsList = async (customer: string) =>
  (await app.api().get(`/api/crm/customers/${customer}/connections`)).body.data as any[];
const relationshipsList = async (customer: string) =>
  (await app.api().get(`/api/crm/customers/${customer}/relationships`)).body.data as any[];

const refused = (result: Result, message: string | RegExp) => {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.data)}`);
  expect(result.status).toBe(400);
  expect(result.message).toMatch(message);
};
const ok = (result: Result) => {
  if (!result.ok) throw new Error(`expected success, got ${result.status}: ${result.message}`);
  return result.data;
};

describe.each(Object.entries(paths))('connections through %s', (_name, write) => {
  it('connect individuals with a relationship type and title', async () => {
    const [ann, bob] = [await person('Ann'), await person('Bob')];
    const connection = ok(
      await write.create('connections', {
        customer: ann,
        connectedCustomer: bob,
        relationshipType: 'relative',
        title: 'mother',
      })
    );
    expect(connection).toMatchObject({ relationshipType: 'relative', title: 'mother' });
    refused(
      await write.create('connections', {
        customer: ann,
        connectedCustomer: await person('Cy'),
        relationshipType: 'enemy',
      }),
      /relationshipType/
    );
  });

  it('refuses business to business, a self-connection and the same pair twice', async () => {
    const [acme, globex, ann] = [
      await company('Acme'),
      await company('Globex'),
      await person('Ann'),
    ];
    refused(
      await write.create('connections', { customer: acme, connectedCustomer: globex }),
      'two businesses cannot be connected'
    );
    refused(
      await write.create('connections', { customer: ann, connectedCustomer: ann }),
      'cannot be connected to itself'
    );
    ok(await write.create('connections', { customer: acme, connectedCustomer: ann }));
    refused(
      await write.create('connections', { customer: ann, connectedCustomer: acme }),
      'already connected'
    );
    refused(await write.create('connections', { customer: acme }), 'needs a connectedCustomer');
  });

  it('makes a connection with a business always an employee one', async () => {
    const [acme, ann, bob] = [await company('Acme'), await person('Ann'), await person('Bob')];
    refused(
      await write.create('connections', {
        customer: acme,
        connectedCustomer: ann,
        relationshipType: 'friend',
      }),
      'always of type employee'
    );
    const connection = ok(
      await write.create('connections', { customer: bob, connectedCustomer: acme, title: 'CFO' })
    );
    expect(connection).toMatchObject({ relationshipType: 'employee', title: 'CFO' });
  });

  it('makes the first individual the primary contact, lets it change, and promotes on removal', async () => {
    const [acme, ann, bob, cy, outsider] = [
      await company('Acme'),
      await person('Ann'),
      await person('Bob'),
      await person('Cy'),
      await person('Out'),
    ];
    const first = ok(await write.create('connections', { customer: acme, connectedCustomer: ann }));
    const second = ok(
      await write.create('connections', { customer: bob, connectedCustomer: acme })
    );
    ok(await write.create('connections', { customer: acme, connectedCustomer: cy }));
    expect(await primaryContactOf(acme)).toBe(ann);

    ok(await write.setPrimaryContact(acme, cy));
    expect(await primaryContactOf(acme)).toBe(cy);
    refused(
      await write.setPrimaryContact(acme, outsider),
      'must be an individual connected to this business'
    );
    expect(await primaryContactOf(acme)).toBe(cy);

    const list = await connectionsList(acme);
    // The same ISO 8601 timestamps as every other read, on either database.
    for (const item of list) expect(new Date(item.createdAt).toISOString()).toBe(item.createdAt);
    expect(
      list.filter((item) => item.isPrimaryContact).map((item) => item.customer.documentId)
    ).toEqual([cy]);

    const cyConnection = list.find((item) => item.customer.documentId === cy);
    await write.remove('connections', cyConnection.documentId);
    expect(await primaryContactOf(acme)).toBe(ann); // the oldest remaining
    await write.remove('connections', first.documentId);
    expect(await primaryContactOf(acme)).toBe(bob);
    await write.remove('connections', second.documentId);
    expect(await primaryContactOf(acme)).toBeNull();
  });
});

describe('connections, read and cascaded', () => {
  it('are listed from either side with the other customer and the primary-contact flag', async () => {
    const [acme, ann] = [await company('Acme Listing'), await person('Ann')];
    await app
      .api()
      .post('/api/crm/connections')
      .send({ data: { customer: ann, connectedCustomer: acme, title: 'Buyer' } })
      .expect(201);
    const fromBusiness = await connectionsList(acme);
    expect(fromBusiness).toEqual([
      expect.objectContaining({
        relationshipType: 'employee',
        title: 'Buyer',
        direction: 'incoming',
        isPrimaryContact: true,
        customer: expect.objectContaining({
          documentId: ann,
          type: 'individual',
          name: 'Ann Test',
          customerNumber: expect.stringMatching(/^C-/),
        }),
      }),
    ]);
    const fromPerson = await connectionsList(ann);
    expect(fromPerson[0]).toMatchObject({
      direction: 'outgoing',
      isPrimaryContact: true,
      customer: { documentId: acme, name: 'Acme Listing', type: 'business' },
    });
  });

  it('go with a deleted customer, and the business promotes the next contact', async () => {
    const [acme, ann, bob] = [
      await company('Acme Cascade'),
      await person('Ann'),
      await person('Bob'),
    ];
    for (const individual of [ann, bob]) {
      await app
        .api()
        .post('/api/crm/connections')
        .send({ data: { customer: acme, connectedCustomer: individual } })
        .expect(201);
    }
    expect(await primaryContactOf(acme)).toBe(ann);
    await app.api().delete(`/api/crm/customers/${ann}`).expect(204);
    expect(await primaryContactOf(acme)).toBe(bob);
    expect((await connectionsList(acme)).map((item) => item.customer.documentId)).toEqual([bob]);
  });

  it('keep their rules when a customer changes type', async () => {
    const [acme, ann] = [await company('Acme Type'), await person('Ann')];
    await app
      .api()
      .post('/api/crm/connections')
      .send({ data: { customer: acme, connectedCustomer: ann } })
      .expect(201);
    const response = await app
      .api()
      .put(`/api/crm/customers/${ann}`)
      .send({ data: { type: 'business', businessName: 'Ann Ltd' } });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch('two businesses cannot be connected');
  });

  it('refuses changing the customers of an existing connection', async () => {
    const [ann, bob, cy] = [await person('Ann'), await person('Bob'), await person('Cy')];
    const created = await app
      .api()
      .post('/api/crm/connections')
      .send({ data: { customer: ann, connectedCustomer: bob } });
    const moved = await app
      .api()
      .put(`/api/crm/connections/${created.body.data.documentId}`)
      .send({ data: { connectedCustomer: cy } });
    expect(moved.status).toBe(400);
    const retitled = await app
      .api()
      .put(`/api/crm/connections/${created.body.data.documentId}`)
      .send({ data: { title: 'cousin', relationshipType: 'relative' } });
    expect(retitled.status).toBe(200);
    expect(retitled.body.data).toMatchObject({ title: 'cousin', relationshipType: 'relative' });
  });
});

describe.each(Object.entries(paths))('relationships through %s', (_name, write) => {
  it('link a parent and a child, one parent per child, never a cycle', async () => {
    const [head, branch, shop, other] = [
      await company('Head'),
      await company('Branch'),
      await company('Shop'),
      await company('Other'),
    ];
    ok(await write.create('relationships', { kind: 'hierarchical', parent: head, child: branch }));
    ok(await write.create('relationships', { kind: 'hierarchical', parent: branch, child: shop }));
    refused(
      await write.create('relationships', { kind: 'hierarchical', parent: other, child: shop }),
      'already has a parent'
    );
    refused(
      await write.create('relationships', { kind: 'hierarchical', parent: shop, child: head }),
      'its own ancestor'
    );
    refused(
      await write.create('relationships', { kind: 'hierarchical', parent: head, child: head }),
      'related to itself'
    );
    refused(
      await write.create('relationships', { kind: 'hierarchical', parent: head }),
      'needs a child'
    );
    refused(
      await write.create('relationships', {
        kind: 'hierarchical',
        parent: other,
        child: head,
        type: 'investor',
      }),
      'no type'
    );
  });

  it('link loosely with a type, many per customer, once per pair and type', async () => {
    const [fund, startup, partner] = [
      await company('Fund'),
      await company('Startup'),
      await company('Partner'),
    ];
    const link = ok(
      await write.create('relationships', {
        kind: 'loose',
        customer: fund,
        linkedCustomer: startup,
        type: 'investor',
      })
    );
    expect(link).toMatchObject({ kind: 'loose', type: 'investor' });
    refused(
      await write.create('relationships', {
        kind: 'loose',
        customer: fund,
        linkedCustomer: startup,
        type: 'investor',
      }),
      'already have a link of this type'
    );
    ok(
      await write.create('relationships', {
        kind: 'loose',
        customer: fund,
        linkedCustomer: startup,
        type: 'other',
      })
    );
    ok(
      await write.create('relationships', {
        kind: 'loose',
        customer: fund,
        linkedCustomer: partner,
      })
    );
    refused(
      await write.create('relationships', {
        kind: 'loose',
        customer: fund,
        linkedCustomer: fund,
        type: 'other',
      }),
      'related to itself'
    );
    refused(
      await write.create('relationships', {
        kind: 'loose',
        customer: fund,
        linkedCustomer: partner,
        type: 'rival',
      }),
      /type must be one of/
    );
    refused(
      await write.create('relationships', {
        kind: 'loose',
        customer: fund,
        linkedCustomer: partner,
        parent: startup,
      }),
      'not parent'
    );
    refused(
      await write.create('relationships', { customer: fund, linkedCustomer: partner }),
      'kind is required'
    );
  });
});

describe('relationships, read and removed', () => {
  it('are listed both ways with labels from each side, and can be removed', async () => {
    const [group, subsidiary, investor] = [
      await company('Group'),
      await company('Sub'),
      await company('Investor'),
    ];
    await app
      .api()
      .post('/api/crm/relationships')
      .send({ data: { kind: 'hierarchical', parent: group, child: subsidiary } })
      .expect(201);
    await app
      .api()
      .post('/api/crm/relationships')
      .send({
        data: { kind: 'loose', customer: subsidiary, linkedCustomer: group, type: 'subsidiary' },
      })
      .expect(201);
    const investment = await app
      .api()
      .post('/api/crm/relationships')
      .send({
        data: { kind: 'loose', customer: investor, linkedCustomer: group, type: 'investor' },
      });

    const labels = (list: any[]) =>
      list.map((item) => `${item.label} ${item.customer.name}`).sort();
    expect(labels(await relationshipsList(group))).toEqual([
      'has investor Investor',
      'has subsidiary Sub',
      'parent of Sub',
    ]);
    expect(labels(await relationshipsList(subsidiary))).toEqual([
      'child of Group',
      'subsidiary of Group',
    ]);
    for (const item of await relationshipsList(group))
      expect(new Date(item.createdAt).toISOString()).toBe(item.createdAt);
    expect(labels(await relationshipsList(investor))).toEqual(['investor in Group']);

    await app.api().delete(`/api/crm/relationships/${investment.body.data.documentId}`).expect(204);
    expect(await relationshipsList(investor)).toEqual([]);
  });

  it('go with a deleted customer; its child becomes a root that can be given a new parent', async () => {
    const [oldParent, child, newParent] = [
      await company('Old'),
      await company('Child'),
      await company('New'),
    ];
    await app
      .api()
      .post('/api/crm/relationships')
      .send({ data: { kind: 'hierarchical', parent: oldParent, child } })
      .expect(201);
    await app.api().delete(`/api/crm/customers/${oldParent}`).expect(204);
    expect(await relationshipsList(child)).toEqual([]);
    await app
      .api()
      .post('/api/crm/relationships')
      .send({ data: { kind: 'hierarchical', parent: newParent, child } })
      .expect(201);
  });
});
