import { crmTables, mergeHelpers } from '../helpers/merges';
import { useTestApp } from '../helpers/strapi';

// POST /api/crm/customers/merge: fields, contact points, connections, relationships, contacts and
// primary contacts of any number of customers onto one; old ids lead to the survivor; undo is exact.
const app = useTestApp();
const h = mergeHelpers(app);

const connectionsOf = async (documentId: string) =>
  (await app.api().get(`/api/crm/customers/${documentId}/connections`)).body.data as any[];
const relationshipsOf = async (documentId: string) =>
  (await app.api().get(`/api/crm/customers/${documentId}/relationships`)).body.data as any[];
const contactsAt = async (documentId: string) =>
  (
    await app
      .api()
      .get('/api/crm/contacts')
      .query({ 'filters[company][documentId][$eq]': documentId, includeInactive: 'true' })
  ).body.data as any[];
const primaryContactOf = async (documentId: string) =>
  (await app.api().get(`/api/crm/customers/${documentId}`).query({ populate: 'primaryContact' }))
    .body.data.primaryContact?.documentId ?? null;

describe('merging two customers', () => {
  it('moves connections, relationships and contacts, pools contact points, and undoes exactly', async () => {
    const ann = await h.person('Ann', 'Lee', {
      phones: [{ type: 'cell', number: '(415) 555-2671' }],
      emails: [{ type: 'personal', address: 'ann@example.com' }],
    });
    const dup = await h.person('Anne', 'Lee', {
      middleName: 'Q',
      dateOfBirth: '1985-03-15',
      phones: [
        { type: 'home', number: '+14155552671' },
        { type: 'work', number: '+14155550000' },
      ],
      emails: [{ type: 'work', address: 'ANN@example.com' }],
      addresses: [{ type: 'physical', line1: '1 Main St', city: 'Springfield' }],
    });
    const bob = await h.person('Bob', 'Ray');
    const acme = await h.company('Acme');
    await h.connect(dup.documentId, bob.documentId, { relationshipType: 'friend' });
    await h.connect(ann.documentId, bob.documentId, { relationshipType: 'relative' });
    await h.connect(acme.documentId, dup.documentId);
    await h.connect(ann.documentId, dup.documentId);
    await h.link(dup.documentId, bob.documentId, 'investor');
    expect(await primaryContactOf(acme.documentId)).toBe(dup.documentId);

    const before = await crmTables(app);
    const response = await h.mergeCustomers({ survivor: ann.documentId, merged: [dup.documentId] });
    expect(response.status).toBe(200);
    const { data, meta } = response.body;
    expect(data).toMatchObject({
      documentId: ann.documentId,
      firstName: 'Ann',
      middleName: 'Q',
      dateOfBirth: '1985-03-15',
    });
    expect(data.phones.map((p: any) => [p.number, p.isPrimary]).sort()).toEqual([
      ['+14155550000', false],
      ['+14155552671', true],
    ]);
    expect(data.emails).toEqual([expect.objectContaining({ address: 'ann@example.com' })]);
    expect(data.addresses).toEqual([
      expect.objectContaining({ line1: '1 Main St', isPrimary: true }),
    ]);
    expect(meta).toEqual({
      merge: expect.any(String),
      moved: expect.objectContaining({
        phones: 1,
        emails: 0,
        addresses: 1,
        duplicatePoints: 2,
        leftOutPoints: 0,
        connections: 1,
        connectionsFolded: 1,
        connectionsRemoved: 1,
        relationships: 1,
        primaryContactOf: 1,
      }),
    });

    // The relative connection (the survivor's own) stays; the friend one folded into it.
    const connections = await connectionsOf(ann.documentId);
    expect(connections.map((c) => [c.customer.documentId, c.relationshipType]).sort()).toEqual(
      [
        [acme.documentId, 'employee'],
        [bob.documentId, 'relative'],
      ].sort()
    );
    expect(await primaryContactOf(acme.documentId)).toBe(ann.documentId);
    expect((await relationshipsOf(ann.documentId)).map((r) => r.label)).toEqual(['investor in']);
    const search = await app.api().get('/api/crm/customers/search').query({ q: 'Anne' });
    expect(search.body.data.map((c: any) => c.documentId)).not.toContain(dup.documentId);

    expect((await h.undo(meta.merge)).status).toBe(200);
    expect(await crmTables(app)).toEqual(before);
    expect(await primaryContactOf(acme.documentId)).toBe(dup.documentId);
    const again = await h.undo(meta.merge);
    expect(again.status).toBe(409);
    expect(again.body.error.details.rule).toBe('merge.undone');
  });
});

describe('merging five businesses', () => {
  it('brings every connection, relationship, contact and primary contact onto the survivor', async () => {
    const [s, a, b, c, d] = [
      await h.company('Globex', { emails: [{ type: 'work', address: 'info@globex.example' }] }),
      await h.company('Globex Inc', { emails: [{ type: 'work', address: 'INFO@globex.example' }] }),
      await h.company('Globex Corporation', {
        phones: [{ type: 'work', number: '+14155551111' }],
      }),
      await h.company('Globex Corp.', { externalId: 'SF-GLOBEX' }),
      await h.company('GLOBEX'),
    ];
    const [p1, p2, p3, p4] = [
      await h.person('Pam', 'One'),
      await h.person('Pat', 'Two'),
      await h.person('Peg', 'Three'),
      await h.person('Pia', 'Four'),
    ];
    await h.connect(s.documentId, p1.documentId, { title: 'CEO' });
    await h.connect(a.documentId, p1.documentId, { title: 'Chief' });
    await h.connect(a.documentId, p2.documentId);
    await h.connect(p3.documentId, b.documentId);
    await h.connect(c.documentId, p4.documentId);
    const holding = await h.company('Holding');
    const branch = await h.company('Branch');
    const investor = await h.company('Investor');
    await h.parent(holding.documentId, a.documentId);
    await h.parent(b.documentId, branch.documentId);
    await h.parent(s.documentId, c.documentId);
    await h.link(investor.documentId, s.documentId, 'investor');
    await h.link(investor.documentId, d.documentId, 'investor');
    await h.link(c.documentId, d.documentId, 'subsidiary');
    await h.contact('Cy', 'AtA', { company: a.documentId });
    await h.contact('Di', 'AtB', { company: b.documentId });
    await h.contact('Ed', 'AtS', { company: s.documentId });

    const before = await crmTables(app);
    const response = await h.mergeCustomers({
      survivor: s.documentId,
      merged: [a.documentId, b.documentId, c.documentId, d.documentId],
      fields: { businessName: b.documentId },
    });
    expect(response.status).toBe(200);
    const { data, meta } = response.body;
    expect(data).toMatchObject({ businessName: 'Globex Corporation', externalId: 'SF-GLOBEX' });
    expect(data.emails).toHaveLength(1);
    expect(data.phones).toEqual([
      expect.objectContaining({ number: '+14155551111', isPrimary: true }),
    ]);
    expect(meta.moved).toMatchObject({
      connections: 3,
      connectionsFolded: 1,
      contacts: 2,
      relationships: 2,
      relationshipsFolded: 1,
      relationshipsRemoved: 2,
      duplicatePoints: 1,
      phones: 1,
    });

    const connections = await connectionsOf(s.documentId);
    expect(connections.map((row) => row.customer.documentId).sort()).toEqual(
      [p1.documentId, p2.documentId, p3.documentId, p4.documentId].sort()
    );
    expect(connections.find((row) => row.customer.documentId === p1.documentId)).toMatchObject({
      title: 'CEO',
      isPrimaryContact: true,
    });
    const relationships = await relationshipsOf(s.documentId);
    expect(relationships.map((row) => [row.label, row.customer.documentId]).sort()).toEqual(
      [
        ['child of', holding.documentId],
        ['parent of', branch.documentId],
        ['has investor', investor.documentId],
      ].sort()
    );
    expect((await contactsAt(s.documentId)).map((row) => row.firstName).sort()).toEqual([
      'Cy',
      'Di',
      'Ed',
    ]);
    for (const merged of [a, b, c, d]) {
      const old = await app.api().get(`/api/crm/customers/${merged.documentId}`);
      expect(old.status).toBe(200);
      expect(old.body.meta.mergedInto).toBe(s.documentId);
      expect(old.body.data.documentId).toBe(s.documentId);
    }
    // External ids of the merged customers are free again, except the one the survivor took.
    const taken = await app
      .api()
      .post('/api/crm/customers')
      .send({ data: { type: 'business', businessName: 'Other', externalId: 'SF-GLOBEX' } });
    expect(taken.status).toBe(400);
    expect(taken.body.error.message).toMatch(s.documentId);

    expect((await h.undo(meta.merge)).status).toBe(200);
    expect(await crmTables(app)).toEqual(before);
  });
});

describe('fields', () => {
  it("take the survivor's values, then the merged ones', or the record named per field", async () => {
    const s = await h.person('Al', 'Bee', { ssn: '123-45-6789', gender: 'male' });
    const a = await h.person('Albert', 'Bee', {
      ssn: '234-56-7890',
      maritalStatus: 'married',
      externalId: 'X-1',
    });
    const response = await h.mergeCustomers(
      {
        survivor: s.documentId,
        merged: [a.documentId],
        fields: { ssn: a.documentId, firstName: a.documentId, gender: a.documentId },
      },
      { dryRun: true }
    );
    expect(response.status).toBe(200);
    expect(response.body.meta).toEqual({ dryRun: true, moved: expect.any(Object) });
    expect(response.body.data).toMatchObject({
      firstName: 'Albert',
      gender: null,
      maritalStatus: 'married',
      externalId: 'X-1',
      ssn: '***-**-7890',
    });
    expect(response.body.data.ssnEncrypted).toBeUndefined();

    const merged = await h.mergeCustomers({
      survivor: s.documentId,
      merged: [a.documentId],
      fields: { ssn: a.documentId },
    });
    expect(merged.status).toBe(200);
    const reveal = await app.api().post(`/api/crm/customers/${s.documentId}/ssn/reveal`);
    expect(reveal.body.data.ssn).toBe('234-56-7890');
    const audit = await app.strapi.db
      .query('plugin::crm.audit-log')
      .findMany({ where: { action: 'merge', customerDocumentId: s.documentId } });
    expect(audit).toHaveLength(1);
    expect(audit[0].reason).toMatch(merged.body.meta.merge);
  });

  it('go through the customer rules', async () => {
    const s = await h.person('Al', 'Cee');
    const a = await h.company('Cee Ltd');
    const mixed = await h.mergeCustomers({ survivor: s.documentId, merged: [a.documentId] });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.details.errors[0].rule).toBe('merge.type');
    expect(mixed.body.error.message).toMatch(`${a.documentId} is a business`);

    const b = await h.person('Bo', 'Cee');
    const unknownField = await h.mergeCustomers({
      survivor: s.documentId,
      merged: [b.documentId],
      fields: { type: b.documentId, lastName: 'nosuchrecord' },
    });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.details.errors.map((e: any) => e.rule)).toEqual([
      'merge.field',
      'merge.fields.source',
    ]);
  });
});

describe('requests naming the wrong records', () => {
  it('are refused, naming them', async () => {
    const s = await h.person('Ida', 'Dee');
    const a = await h.person('Ida', 'D');
    const twice = await h.mergeCustomers({
      survivor: s.documentId,
      merged: [a.documentId, a.documentId],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toMatch(`merged[1]: ${a.documentId} is listed twice`);
    const itself = await h.mergeCustomers({ survivor: s.documentId, merged: [s.documentId] });
    expect(itself.status).toBe(400);
    expect(itself.body.error.details.errors[0].rule).toBe('merge.survivor');
    const unknown = await h.mergeCustomers({
      survivor: s.documentId,
      merged: ['nosuchcustomer000000000'],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch('customer nosuchcustomer000000000 not found');
    const contact = await h.contact('Con', 'Tact');
    const wrongType = await h.mergeCustomers({
      survivor: s.documentId,
      merged: [contact.documentId],
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.errors[0].rule).toBe('merge.object');
    const empty = await app.api().post('/api/crm/customers/merge').send({});
    expect(empty.status).toBe(400);

    const merged = await h.mergeCustomers({ survivor: s.documentId, merged: [a.documentId] });
    expect(merged.status).toBe(200);
    const gone = await h.mergeCustomers({ survivor: a.documentId, merged: [s.documentId] });
    expect(gone.status).toBe(409);
    expect(gone.body.error.details).toMatchObject({
      rule: 'merge.merged',
      mergedInto: { [a.documentId]: s.documentId },
    });
  });
});

describe('contact points over the limits', () => {
  it('are a 400 listing the candidates, settled by keep; the points left out come back with an undo', async () => {
    const s = await h.person('Kim', 'Eff', {
      phones: [
        { type: 'cell', number: '+14155550001' },
        { type: 'home', number: '+14155550002' },
        { type: 'work', number: '+14155550003' },
      ],
    });
    const a = await h.person('Kim', 'F', {
      phones: [
        { type: 'cell', number: '+14155550004' },
        { type: 'fax', number: '+14155550005' },
        { type: 'home', number: '+14155550002' },
      ],
    });
    const before = await crmTables(app);
    const refused = await h.mergeCustomers({ survivor: s.documentId, merged: [a.documentId] });
    expect(refused.status).toBe(400);
    const [conflict] = refused.body.error.details.conflicts;
    expect(conflict).toMatchObject({
      kind: 'phone',
      rules: expect.arrayContaining(['contactPoint.limit', 'contactPoint.onePerType']),
    });
    expect(conflict.candidates.map((c: any) => c.value)).toEqual([
      '+14155550001',
      '+14155550002',
      '+14155550003',
      '+14155550004',
      '+14155550005',
    ]);
    expect(conflict.candidates[3]).toEqual({
      documentId: a.phones.find((p: any) => p.number === '+14155550004').documentId,
      type: 'cell',
      value: '+14155550004',
      customer: a.documentId,
      isPrimary: true,
    });
    expect(refused.body.error.message).toMatch(/keep\.phone/);
    expect(await crmTables(app)).toEqual(before);

    const keep = conflict.candidates
      .filter((c: any) => c.value !== '+14155550004')
      .map((c: any) => c.documentId);
    const merged = await h.mergeCustomers({
      survivor: s.documentId,
      merged: [a.documentId],
      keep: { phone: keep },
    });
    expect(merged.status).toBe(200);
    expect(merged.body.data.phones.map((p: any) => p.number).sort()).toEqual([
      '+14155550001',
      '+14155550002',
      '+14155550003',
      '+14155550005',
    ]);
    expect(merged.body.meta.moved).toMatchObject({
      leftOutPoints: 1,
      duplicatePoints: 1,
      phones: 1,
    });
    expect((await h.undo(merged.body.meta.merge)).status).toBe(200);
    expect(await crmTables(app)).toEqual(before);
  });
});

describe('the hierarchy', () => {
  it('refuses a merge that would close a cycle, or give the survivor two parents (409)', async () => {
    const top = await h.company('Top');
    const mid = await h.company('Mid');
    const low = await h.company('Low');
    await h.parent(top.documentId, mid.documentId);
    await h.parent(mid.documentId, low.documentId);
    const before = await crmTables(app);
    const cycle = await h.mergeCustomers({ survivor: low.documentId, merged: [top.documentId] });
    expect(cycle.status).toBe(409);
    expect(cycle.body.error.details.rule).toBe('relationship.cycle');
    expect(cycle.body.error.message).toMatch(/cycle/);

    const other = await h.company('Other Top');
    const side = await h.company('Side');
    await h.parent(other.documentId, side.documentId);
    const twoParents = await h.mergeCustomers({
      survivor: low.documentId,
      merged: [side.documentId],
    });
    expect(twoParents.status).toBe(409);
    expect(twoParents.body.error.details.rule).toBe('relationship.oneParent');
    await app.api().delete(`/api/crm/customers/${other.documentId}`).expect(204);
    await app.api().delete(`/api/crm/customers/${side.documentId}`).expect(204);
    expect(await crmTables(app)).toEqual(before);

    // A parent and its child merged: the link between them goes, no cycle.
    const merged = await h.mergeCustomers({ survivor: mid.documentId, merged: [low.documentId] });
    expect(merged.status).toBe(200);
    expect(merged.body.meta.moved.relationshipsRemoved).toBe(1);
    expect((await relationshipsOf(mid.documentId)).map((r) => r.label)).toEqual(['child of']);
  });
});

describe('a dry run', () => {
  it('answers what the merge would do and writes nothing', async () => {
    const s = await h.person('Dry', 'Run', {
      emails: [{ type: 'personal', address: 'dry@x.example' }],
    });
    const a = await h.person('Dry', 'Runner', {
      middleName: 'M',
      emails: [{ type: 'work', address: 'runner@x.example' }],
    });
    const friend = await h.person('Fr', 'Iend');
    await h.connect(a.documentId, friend.documentId, { relationshipType: 'friend' });
    const before = await crmTables(app);
    const dry = await h.mergeCustomers(
      { survivor: s.documentId, merged: [a.documentId] },
      { dryRun: true }
    );
    expect(dry.status).toBe(200);
    expect(dry.body.meta.merge).toBeUndefined();
    expect(dry.body.meta.dryRun).toBe(true);
    expect(await crmTables(app)).toEqual(before);
    expect(
      await app.strapi.db.query('plugin::crm.merge').count({ where: { survivor: s.documentId } })
    ).toBe(0);
    expect(
      (await app.api().get(`/api/crm/customers/${a.documentId}`)).body.meta?.mergedInto
    ).toBeUndefined();

    const real = await h.mergeCustomers({ survivor: s.documentId, merged: [a.documentId] });
    expect(real.status).toBe(200);
    const comparable = (body: any) => ({
      ...body.data,
      updatedAt: undefined,
      emails: body.data.emails.map((e: any) => ({ ...e, updatedAt: undefined })),
    });
    expect(comparable(real.body)).toEqual(comparable(dry.body));
    expect(real.body.meta.moved).toEqual(dry.body.meta.moved);
  });
});

describe("a merged customer's documentId", () => {
  it('reads as the survivor, refuses writes with 404 naming it, and follows later merges', async () => {
    const s = await h.person('Old', 'Id');
    const a = await h.person('Old', 'Eyed');
    const t = await h.person('Older', 'Id');
    const first = await h.mergeCustomers({ survivor: s.documentId, merged: [a.documentId] });
    expect(first.status).toBe(200);
    for (const method of ['put', 'delete'] as const) {
      const write =
        method === 'put'
          ? await app
              .api()
              .put(`/api/crm/customers/${a.documentId}`)
              .send({ data: { lastName: 'Z' } })
          : await app.api().delete(`/api/crm/customers/${a.documentId}`);
      expect(write.status).toBe(404);
      expect(write.body.error.details).toMatchObject({ mergedInto: s.documentId });
    }
    const second = await h.mergeCustomers({ survivor: t.documentId, merged: [s.documentId] });
    expect(second.status).toBe(200);
    const old = await app.api().get(`/api/crm/customers/${a.documentId}`);
    expect(old.status).toBe(200);
    expect(old.body.data.documentId).toBe(t.documentId);
    // `merge` names the merge that took the id; `mergedInto` where it leads now.
    expect(old.body.meta).toMatchObject({
      mergedInto: t.documentId,
      merge: first.body.meta.merge,
    });
    expect((await app.api().get('/api/crm/customers/nosuchcustomer000000000')).status).toBe(404);

    // The first merge's survivor is merged away: its undo waits for the second one's.
    const blocked = await h.undo(first.body.meta.merge);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.details.reasons.join(' ')).toMatch(
      `the survivor ${s.documentId} was merged into ${t.documentId}`
    );
    expect((await h.undo(second.body.meta.merge)).status).toBe(200);
    expect((await app.api().get(`/api/crm/customers/${a.documentId}`)).body.meta.mergedInto).toBe(
      s.documentId
    );
    expect((await h.undo(first.body.meta.merge)).status).toBe(200);
    const back = await app.api().get(`/api/crm/customers/${a.documentId}`);
    expect(back.body.data.documentId).toBe(a.documentId);
    expect(back.body.meta.mergedInto).toBeUndefined();
  });
});

describe('the merge record', () => {
  it('is stored read-only, with the snapshot the undo needs and no SSN in it', async () => {
    const s = await h.person('Rec', 'Ord');
    const a = await h.person('Rec', 'Orde', { ssn: '345-67-8901' });
    const response = await h.mergeCustomers({ survivor: s.documentId, merged: [a.documentId] });
    const row = await app.strapi.db
      .query('plugin::crm.merge')
      .findOne({ where: { documentId: response.body.meta.merge } });
    expect(row).toMatchObject({
      object: 'customers',
      survivor: s.documentId,
      merged: [a.documentId],
      actorType: 'api-token',
      undoneAt: null,
    });
    expect(row.snapshot.ops.length).toBeGreaterThan(0);
    const visible = JSON.stringify(row.snapshot);
    expect(visible).not.toMatch(/ssn_encrypted/);
    expect(JSON.stringify(row.sealed)).toMatch(/ssn_encrypted/);
    await expect(
      app.strapi
        .documents('plugin::crm.merge' as never)
        .update({ documentId: response.body.meta.merge, data: { survivor: 'x' } } as never)
    ).rejects.toThrow(/merge API only/);
  });
});
