import { crmTables, mergeHelpers } from '../helpers/merges';
import { useTestApp } from '../helpers/strapi';

// POST /api/crm/contacts/merge: fields (company, login among them), marketing lists and activity.
const app = useTestApp();
const h = mergeHelpers(app);

const membersOf = async (list: string) =>
  (
    await app
      .api()
      .get('/api/crm/contacts')
      .query({ 'filters[marketingLists][documentId][$eq]': list, includeInactive: 'true' })
  ).body.data.map((row: any) => row.documentId) as string[];
const activityOf = async (contact: string) =>
  (await app.api().get(`/api/crm/contacts/${contact}/activity`)).body.data.map(
    (row: any) => row.body
  ) as string[];

describe('merging two contacts', () => {
  it('takes fields, lists and activity onto the survivor; undo restores exactly', async () => {
    const acme = await h.company('Acme Contacts');
    const initech = await h.company('Initech Contacts');
    const s = await h.contact('Ann', 'Lee', { email: 'ann@acme.example', jobTitle: 'Buyer' });
    const a = await h.contact('Anne', 'Lee', {
      email: 'anne.lee@gmail.example',
      email2: 'ann@acme.example',
      mobilePhone: '+1 415 555 2671',
      company: acme.documentId,
      notes: 'met at the fair',
    });
    const bystander = await h.contact('By', 'Stander', { company: initech.documentId });
    const both = await h.list('Both');
    const only = await h.list('Only A');
    await h.addMembers(both.documentId, [s.documentId, a.documentId, bystander.documentId]);
    await h.addMembers(only.documentId, [a.documentId]);
    await h.comment(a.documentId, 'Called about the renewal');
    await h.comment(s.documentId, 'Sent the quote');

    const before = await crmTables(app);
    const response = await h.mergeContacts({
      survivor: s.documentId,
      merged: [a.documentId],
      fields: { firstName: a.documentId, jobTitle: a.documentId },
    });
    expect(response.status).toBe(200);
    const { data, meta } = response.body;
    expect(data).toMatchObject({
      documentId: s.documentId,
      firstName: 'Anne',
      jobTitle: null,
      email: 'ann@acme.example',
      email2: 'ann@acme.example',
      mobilePhone: '+14155552671',
      notes: 'met at the fair',
      company: expect.objectContaining({ documentId: acme.documentId }),
    });
    expect(meta).toEqual({
      merge: expect.any(String),
      moved: { listMemberships: 1, listMembershipsFolded: 1, activity: 1, otherLinks: 0 },
    });
    expect(await membersOf(both.documentId)).toEqual(
      expect.arrayContaining([s.documentId, bystander.documentId])
    );
    expect(await membersOf(both.documentId)).toHaveLength(2);
    expect(await membersOf(only.documentId)).toEqual([s.documentId]);
    expect((await activityOf(s.documentId)).sort()).toEqual([
      'Called about the renewal',
      'Sent the quote',
    ]);

    const old = await app.api().get(`/api/crm/contacts/${a.documentId}`);
    expect(old.status).toBe(200);
    expect(old.body.data.documentId).toBe(s.documentId);
    expect(old.body.meta.mergedInto).toBe(s.documentId);
    const put = await app
      .api()
      .put(`/api/crm/contacts/${a.documentId}`)
      .send({ data: { jobTitle: 'x' } });
    expect(put.status).toBe(404);
    expect(put.body.error.details.mergedInto).toBe(s.documentId);
    expect((await app.api().delete(`/api/crm/contacts/${a.documentId}`)).status).toBe(404);

    const undone = await h.undo(meta.merge);
    expect(undone.status).toBe(200);
    expect(undone.body.data).toMatchObject({
      documentId: meta.merge,
      object: 'contacts',
      survivor: s.documentId,
      merged: [a.documentId],
      undoneAt: expect.any(String),
    });
    expect(undone.body.meta.restored).toEqual([a.documentId]);
    expect(await crmTables(app)).toEqual(before);
    expect(await activityOf(a.documentId)).toEqual(['Called about the renewal']);
  });
});

describe('merging five contacts', () => {
  it('folds their list memberships and gathers all their activity', async () => {
    const contacts: any[] = [];
    for (const [index, name] of ['Bo', 'Bob', 'Bobby', 'Robert', 'Rob'].entries())
      contacts.push(
        await h.contact(name, 'Ng', {
          ...(index === 2 ? { workPhone: '+14155550123' } : {}),
          ...(index === 4 ? { externalId: 'HS-77' } : {}),
        })
      );
    const [s, ...merged] = contacts;
    const list = await h.list('Newsletter');
    await h.addMembers(
      list.documentId,
      contacts.map((contact) => contact.documentId)
    );
    for (const contact of merged)
      await h.comment(contact.documentId, `note of ${contact.firstName}`);
    const before = await crmTables(app);
    const response = await h.mergeContacts({
      survivor: s.documentId,
      merged: merged.map((contact) => contact.documentId),
    });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      firstName: 'Bo',
      workPhone: '+14155550123',
      externalId: 'HS-77',
    });
    expect(response.body.meta.moved).toMatchObject({
      listMemberships: 0,
      listMembershipsFolded: 4,
      activity: 4,
    });
    expect(await membersOf(list.documentId)).toEqual([s.documentId]);
    expect(await activityOf(s.documentId)).toHaveLength(4);
    expect((await h.undo(response.body.meta.merge)).status).toBe(200);
    expect(await crmTables(app)).toEqual(before);
  });
});

describe('logins', () => {
  it('move with the contact that has one; two logins refuse the merge', async () => {
    const s = await h.contact('Lo', 'Gin');
    const a = await h.contact('Lo', 'Gin', { email: 'login-a@x.example' });
    const login = await app
      .api()
      .post(`/api/crm/contacts/${a.documentId}/generate-login`)
      .send({ email: 'login-a@x.example' });
    expect(login.status).toBe(201);
    const merged = await h.mergeContacts({ survivor: s.documentId, merged: [a.documentId] });
    expect(merged.status).toBe(200);
    const row = await app.strapi.db
      .query('plugin::crm.contact')
      .findOne({ where: { documentId: s.documentId }, populate: ['user'] });
    expect(row.isUser).toBe(true);
    expect(row.user.id).toBe(login.body.data.id);

    const b = await h.contact('Lo', 'Gin', { email: 'login-b@x.example' });
    await app
      .api()
      .post(`/api/crm/contacts/${b.documentId}/generate-login`)
      .send({ email: 'login-b@x.example' })
      .expect(201);
    const refused = await h.mergeContacts({ survivor: s.documentId, merged: [b.documentId] });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({
      rule: 'contact.user',
      records: [s.documentId, b.documentId],
    });
  });
});

describe('contacts and customers', () => {
  it('never merge together', async () => {
    const s = await h.contact('Mix', 'Ed');
    const customer = await h.person('Mix', 'Ed');
    const response = await h.mergeContacts({
      survivor: s.documentId,
      merged: [customer.documentId],
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.errors[0].rule).toBe('merge.object');
    expect(response.body.error.message).toMatch(/a customer and a contact never merge/);
    const keep = await app
      .api()
      .post('/api/crm/contacts/merge')
      .send({ data: { survivor: s.documentId, merged: [customer.documentId], keep: {} } });
    expect(keep.status).toBe(400);
  });

  it('go through the contact rules', async () => {
    const s = await h.contact('Rule', 'Ed');
    const a = await h.contact('Rule', 'Ed', { timezone: 'Europe/Paris' });
    const response = await h.mergeContacts(
      { survivor: s.documentId, merged: [a.documentId], fields: { timezone: a.documentId } },
      { dryRun: true }
    );
    expect(response.status).toBe(200);
    expect(response.body.data.timezone).toBe('Europe/Paris');
    expect(response.body.meta.dryRun).toBe(true);
    expect((await app.api().get(`/api/crm/contacts/${a.documentId}`)).body.data.documentId).toBe(
      a.documentId
    );
  });
});
