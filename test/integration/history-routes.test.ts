import { randomUUID } from 'node:crypto';

import type { NewHistoryEntry } from '../../src/plugins/crm/server/src/repositories/history';
import { getService } from '../../src/plugins/crm/server/src/utils/get-service';
import { adminRole, createAdmin, createRootAdmin, expectStrapiError } from '../helpers/admins';
import { useTestApp } from '../helpers/strapi';
import { apiToken, loginAs } from '../helpers/users';

// Reading a customer's or contact's history, reverting an entry, and pruning old entries.
const app = useTestApp();
const history = () => getService(app.strapi, 'history');

const CUSTOMER = 'plugin::crm.customer';
const CONTACT = 'plugin::crm.contact';
const PHONE = 'plugin::crm.phone';
const CONNECTION = 'plugin::crm.connection';
const TABLE = 'crm_history_entries';
const DAY = 24 * 60 * 60 * 1000;

type Row = { id: number; documentId: string };
const customer = async (data: Record<string, unknown>) =>
  (await app.strapi
    .documents(CUSTOMER)
    .create({ data: { type: 'individual', ...data } as never })) as unknown as Row;
const contact = async (data: Record<string, unknown>) =>
  (await app.strapi.documents(CONTACT).create({ data: data as never })) as unknown as Row;

/** Entries as a write would record them, written straight to the table. */
const reader = { type: 'user' as const, id: '9001', documentId: 'readerdoc9001', name: 'reader' };
const entry = (subject: string, at: Date, field: string, extra: Partial<NewHistoryEntry> = {}) => ({
  at,
  action: 'update' as const,
  record: { uid: CUSTOMER, documentId: subject, label: 'Reader' },
  subjectDocumentId: subject,
  actor: reader,
  changes: [{ field, before: 'a', after: 'b' }],
  ...extra,
});
const write = (entries: NewHistoryEntry[]) =>
  app.strapi.db.transaction(() => history().repository.record(entries));

/**
 * A change made below the document service and recorded by a history session of its own, so the
 * entry is there whatever else records writes; answers the entry's documentId.
 */
const recorded = async (
  uid: string,
  write: () => Promise<{ id: number; documentId: string }>,
  watched?: { id: number }
): Promise<string> => {
  const record = await app.strapi.db.transaction(async () => {
    const session = history().session({ type: 'system', id: null, name: 'tests' });
    if (watched) await session.watch(uid, [watched.id]);
    const written = await write();
    if (!watched) session.created(uid, [written.id]);
    expect(await session.flush()).toHaveLength(1);
    return written;
  });
  const row = await app.strapi.db
    .connection(TABLE)
    .where('record_document_id', record.documentId)
    .orderBy('id', 'desc')
    .first();
  return row.document_id as string;
};
const updated = (uid: string, record: { id: number; documentId: string }, data: object) =>
  recorded(
    uid,
    async () => {
      await app.strapi.db.query(uid as never).update({ where: { id: record.id }, data });
      return record;
    },
    record
  );

describe('reading the history', () => {
  let jane: { id: number; documentId: string };
  let other: { documentId: string };
  const days = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 12));

  beforeAll(async () => {
    jane = await customer({ firstName: 'Jane', lastName: 'Reader' });
    other = await customer({ firstName: 'Otto', lastName: 'Other' });
    await write(
      Array.from({ length: 30 }, (_, i) =>
        entry(jane.documentId, days(i), i % 2 ? 'lastName' : 'firstName')
      )
    );
    // A contact point and a connection show in the history of their customers.
    await write([
      entry(jane.documentId, days(30), 'number', {
        record: { uid: PHONE, documentId: 'phonedoc', label: '+14155550100' },
      }),
      entry(other.documentId, days(31), 'title', {
        record: { uid: CONNECTION, documentId: 'linkdoc', label: 'Otto — Jane' },
        otherSubjectDocumentId: jane.documentId,
      }),
      entry(other.documentId, days(32), 'firstName'),
    ]);
  });

  const read = (query: string, id = jane.documentId) =>
    app.api().get(`/api/crm/customers/${id}/history?actor=9001&${query}`);

  it('answers pages newest first, with the contact points and links of the customer', async () => {
    const first = await read('pageSize=10');
    expect(first.status).toBe(200);
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 4, total: 32 });
    expect(first.body.data.map((e: any) => e.at)).toEqual(
      Array.from({ length: 10 }, (_, i) => days(31 - i).toISOString())
    );
    expect(first.body.data[0]).toEqual({
      documentId: expect.any(String),
      at: days(31).toISOString(),
      action: 'update',
      record: { uid: CONNECTION, documentId: 'linkdoc', label: 'Otto — Jane' },
      actor: { type: 'user', id: '9001', name: 'reader' },
      changes: [{ field: 'title', before: 'a', after: 'b' }],
    });
    expect(first.body.data[1].record.uid).toBe(PHONE);
    const last = await read('page=4&pageSize=10');
    expect(last.body.data.map((e: any) => e.at)).toEqual([
      days(1).toISOString(),
      days(0).toISOString(),
    ]);
    const strapiStyle = await read('pagination[page]=2&pagination[pageSize]=30');
    expect(strapiStyle.body.meta.pagination).toEqual({
      page: 2,
      pageSize: 30,
      pageCount: 2,
      total: 32,
    });
    expect(strapiStyle.body.data).toHaveLength(2);
    const defaults = await read('');
    expect(defaults.body.meta.pagination).toMatchObject({ page: 1, pageSize: 25 });
    // Entries of another customer only, never.
    const others = await read('pageSize=100', other.documentId);
    expect(others.body.meta.pagination.total).toBe(2);
  });

  it('filters by field, actor (id or documentId) and dates', async () => {
    const byField = await read('field=lastName&pageSize=100');
    expect(byField.body.meta.pagination.total).toBe(15);
    expect(
      byField.body.data.every((e: any) => e.changes.some((c: any) => c.field === 'lastName'))
    ).toBe(true);
    const byDocumentId = await app
      .api()
      .get(`/api/crm/customers/${jane.documentId}/history?actor=readerdoc9001`);
    expect(byDocumentId.body.meta.pagination.total).toBe(32);
    const nobody = await app
      .api()
      .get(`/api/crm/customers/${jane.documentId}/history?actor=somebody-else`);
    expect(nobody.body.meta.pagination.total).toBe(0);
    // A day as `to` is the whole day.
    const between = await read('from=2026-01-11&to=2026-01-13');
    expect(between.body.data.map((e: any) => e.at)).toEqual([
      days(12).toISOString(),
      days(11).toISOString(),
      days(10).toISOString(),
    ]);
    const fromTime = await read('from=2026-01-31T12:00:00Z');
    expect(fromTime.body.meta.pagination.total).toBe(2);
  });

  it('refuses a wrong parameter with a 400 naming it', async () => {
    const cases: [string, RegExp][] = [
      ['from=yesterday', /^from: /],
      ['to=2026-02-30', /^to: /],
      ['from=2026-02-01&to=2026-01-01', /^from: must not be after to/],
      ['pageSize=101', /^pageSize: /],
      ['page=0', /^page: /],
      ['pagination[pageSize]=1e3', /^pagination\[pageSize\]: /],
      ['field=last%25', /^field: /],
    ];
    for (const [query, message] of cases) {
      const response = await app
        .api()
        .get(`/api/crm/customers/${jane.documentId}/history?${query}`);
      expect([query, response.status]).toEqual([query, 400]);
      expect(response.body.error.message).toMatch(message);
    }
  });

  it('answers 404 for a customer or contact that does not exist', async () => {
    expectStrapiError(await app.api().get('/api/crm/customers/nosuchcustomer/history'), 404);
    expectStrapiError(await app.api().get('/api/crm/contacts/nosuchcontact/history'), 404);
    // A customer's documentId is no contact.
    expectStrapiError(await app.api().get(`/api/crm/contacts/${jane.documentId}/history`), 404);
  });

  it("reads a contact's history", async () => {
    const kim = await contact({ firstName: 'Kim', lastName: 'Contact' });
    await write([
      entry(kim.documentId, days(2), 'jobTitle', {
        record: { uid: CONTACT, documentId: kim.documentId, label: 'Kim Contact' },
      }),
    ]);
    const response = await app.api().get(`/api/crm/contacts/${kim.documentId}/history?actor=9001`);
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([
      expect.objectContaining({ record: expect.objectContaining({ uid: CONTACT }) }),
    ]);
  });

  it('is read by every CRM role and read-only tokens, and by nobody else', async () => {
    for (const role of ['crm_admin', 'crm_manager', 'crm_sales', 'crm_marketeer']) {
      const { agent } = await loginAs(app, role);
      const response = await agent().get(`/api/crm/customers/${jane.documentId}/history`);
      expect([role, response.status]).toEqual([role, 200]);
    }
    const readOnly = await apiToken(app, 'read-only');
    expect((await readOnly().get(`/api/crm/customers/${jane.documentId}/history`)).status).toBe(
      200
    );
    const authenticated = (await loginAs(app, 'authenticated')).agent;
    expect(
      (await authenticated().get(`/api/crm/customers/${jane.documentId}/history`)).status
    ).toBe(403);
    expect([401, 403]).toContain(
      (await app.anonymous().get(`/api/crm/customers/${jane.documentId}/history`)).status
    );
  });

  it('is read by admins holding the read action on the admin routes', async () => {
    const readers = await adminRole(app, 'History readers', ['plugin::crm.read']);
    const admin = await createAdmin(app, 'history-reader@crm.test', [readers]);
    const response = await admin('get', `/crm/customers/${jane.documentId}/history?actor=9001`);
    expect(response.status).toBe(200);
    expect(response.body.meta.pagination.total).toBe(32);
    expect((await admin('post', '/crm/history/nosuchentry/revert')).status).toBe(403);
    const nobody = await createAdmin(app, 'history-nobody@crm.test', [
      await adminRole(app, 'No CRM', []),
    ]);
    expect((await nobody('get', `/crm/contacts/${jane.documentId}/history`)).status).toBe(403);
  });
});

describe('reverting an entry', () => {
  const revert = (entryId: string, agent = app.api) =>
    agent().post(`/api/crm/history/${entryId}/revert`).send({});
  const fieldOf = async (uid: string, id: number, field: string) =>
    ((await app.strapi.db.query(uid as never).findOne({ where: { id } })) as any)[field];

  it("writes back an update's values before, itself recorded", async () => {
    const ann = await customer({ firstName: 'Ann', lastName: 'Revert' });
    const change = await updated(CUSTOMER, ann, { firstName: 'Anna', lastName: 'Reverted' });
    const { agent, user } = await loginAs(app, 'crm_manager');
    const response = await revert(change, agent);
    expect(response.status).toBe(200);
    expect(await fieldOf(CUSTOMER, ann.id, 'firstName')).toBe('Ann');
    expect(await fieldOf(CUSTOMER, ann.id, 'lastName')).toBe('Revert');
    expect(response.body.meta).toEqual({
      reverted: change,
      record: { uid: CUSTOMER, documentId: ann.documentId },
    });
    expect(response.body.data).toMatchObject({
      action: 'update',
      record: { uid: CUSTOMER, documentId: ann.documentId },
      actor: { type: 'user', id: String(user.id) },
      changes: [
        { field: 'firstName', before: 'Anna', after: 'Ann' },
        { field: 'lastName', before: 'Reverted', after: 'Revert' },
      ],
    });
    // The revert is in the customer's history like any change.
    const page = await app.api().get(`/api/crm/customers/${ann.documentId}/history`);
    expect(page.body.data[0].documentId).toBe(response.body.data.documentId);
  });

  it('refuses with a 409 naming the field when it changed since, and changes nothing', async () => {
    const bob = await customer({ firstName: 'Bob', lastName: 'Conflict' });
    const first = await updated(CUSTOMER, bob, { firstName: 'Bobby' });
    await updated(CUSTOMER, bob, { firstName: 'Robert' });
    const response = await revert(first);
    expectStrapiError(response, 409, /firstName changed since/);
    expect(response.body.error.details).toEqual({ entry: first, fields: ['firstName'] });
    expect(await fieldOf(CUSTOMER, bob.id, 'firstName')).toBe('Robert');
  });

  it('refuses a changed SSN, whose entry holds only masks', async () => {
    const sam = await customer({ firstName: 'Sam', lastName: 'Secret' });
    const change = await updated(CUSTOMER, sam, { ssn: '***-**-6789' });
    const response = await revert(change);
    expectStrapiError(response, 409, /^ssn: .*mask/);
    expect(response.body.error.details.fields).toEqual(['ssn']);
  });

  it('writes back a relation by documentId', async () => {
    const [acme, globex] = [
      await customer({ type: 'business', businessName: 'Acme Revert' }),
      await customer({ type: 'business', businessName: 'Globex Revert' }),
    ];
    const kim = await contact({ firstName: 'Kim', lastName: 'Mover', company: acme.documentId });
    const change = await updated(CONTACT, kim, { company: globex.id });
    const response = await revert(change);
    expect(response.status).toBe(200);
    const now = await app.strapi
      .documents(CONTACT)
      .findOne({ documentId: kim.documentId, populate: ['company'] });
    expect((now as any).company.documentId).toBe(acme.documentId);
  });

  it('deletes a created record, and creates a deleted contact point again', async () => {
    const owner = await customer({ firstName: 'Pat', lastName: 'Phone' });
    const created = await recorded(PHONE, async () => {
      const phone = await app.strapi.db.query(PHONE).create({
        data: {
          documentId: randomUUID().replace(/-/g, '').slice(0, 24),
          type: 'cell',
          number: '+14155550123',
          isPrimary: true,
          customer: owner.id,
        },
      });
      return phone as { id: number; documentId: string };
    });
    const undone = await revert(created);
    expect(undone.status).toBe(200);
    expect(undone.body.data).toMatchObject({ action: 'delete' });
    expect(await app.strapi.db.query(PHONE).count({ where: { number: '+14155550123' } })).toBe(0);
    // Reverting the create again: the record is gone.
    expectStrapiError(await revert(created), 409);

    const deleted = undone.body.data.documentId as string;
    const restored = await revert(deleted);
    expect(restored.status).toBe(200);
    expect(restored.body.data).toMatchObject({ action: 'create' });
    const phone = (await app.strapi.db.query(PHONE).findOne({
      where: { documentId: restored.body.meta.record.documentId },
      populate: ['customer'],
    })) as any;
    expect(phone).toMatchObject({ number: '+14155550123', type: 'cell' });
    expect(phone.customer.documentId).toBe(owner.documentId);
  });

  it('creates a deleted connection again, between the same customers', async () => {
    const [ida, ned] = [
      await customer({ firstName: 'Ida', lastName: 'Linked' }),
      await customer({ firstName: 'Ned', lastName: 'Linked' }),
    ];
    const link = (await app.strapi.documents(CONNECTION).create({
      data: {
        customer: ida.documentId,
        connectedCustomer: ned.documentId,
        relationshipType: 'friend',
        title: 'Old friends',
      } as never,
    })) as unknown as Row;
    const deletion = await recorded(
      CONNECTION,
      async () => {
        await app.strapi.db.query(CONNECTION).delete({ where: { id: link.id } });
        return link;
      },
      link
    );
    const { agent } = await loginAs(app, 'crm_manager');
    const restored = await revert(deletion, agent);
    expect(restored.status).toBe(200);
    const again = (await app.strapi.db.query(CONNECTION).findOne({
      where: { documentId: restored.body.meta.record.documentId },
      populate: ['customer', 'connectedCustomer'],
    })) as any;
    expect(again).toMatchObject({ relationshipType: 'friend', title: 'Old friends' });
    expect([again.customer.documentId, again.connectedCustomer.documentId]).toEqual([
      ida.documentId,
      ned.documentId,
    ]);
    // Both customers' histories show it.
    for (const side of [ida, ned]) {
      const page = await app.api().get(`/api/crm/customers/${side.documentId}/history`);
      expect(page.body.data[0]).toMatchObject({
        action: 'create',
        record: { uid: CONNECTION, documentId: again.documentId },
      });
    }
  });

  it('refuses to create a deleted customer again, and an unknown entry', async () => {
    const gone = await customer({ firstName: 'Gone', lastName: 'Customer' });
    const deletion = await recorded(
      CUSTOMER,
      async () => {
        await app.strapi.db.query(CUSTOMER).delete({ where: { id: gone.id } });
        return gone;
      },
      gone
    );
    expectStrapiError(await revert(deletion), 400, /customer cannot be restored/);
    expectStrapiError(await revert('nosuchentry'), 404);
  });

  it('is for crm_admin and crm_manager (and admins who manage), not crm_sales nor crm_marketeer', async () => {
    const cy = await customer({ firstName: 'Cy', lastName: 'Roles' });
    const change = await updated(CUSTOMER, cy, { firstName: 'Cyrus' });
    for (const role of ['crm_sales', 'crm_marketeer']) {
      const { agent } = await loginAs(app, role);
      expect([role, (await revert(change, agent)).status]).toEqual([role, 403]);
    }
    expect([401, 403]).toContain((await revert(change, app.anonymous)).status);
    const readOnly = await apiToken(app, 'read-only');
    expect((await revert(change, readOnly)).status).toBe(403);
    expect(await fieldOf(CUSTOMER, cy.id, 'firstName')).toBe('Cyrus');
    const root = await createRootAdmin(app, 'history-root@crm.test');
    const response = await root('post', `/crm/history/${change}/revert`);
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({ actor: { type: 'admin' } });
    expect(await fieldOf(CUSTOMER, cy.id, 'firstName')).toBe('Cy');
    const { agent } = await loginAs(app, 'crm_admin');
    expectStrapiError(await revert(change, agent), 409, /firstName changed since/);
  });
});

describe('pruning old entries', () => {
  const setRetention = (days: number | null) =>
    app.strapi.config.set('plugin::crm.historyRetentionDays', days);
  afterEach(() => setRetention(null));

  it('deletes entries older than the retention in batches, and keeps the others', async () => {
    const subject = (await customer({ firstName: 'Old', lastName: 'Entries' })).documentId;
    const now = Date.now();
    const old = Array.from({ length: 5_050 }, (_, i) =>
      entry(subject, new Date(now - 40 * DAY - i * 1000), 'firstName')
    );
    await write([
      ...old,
      entry(subject, new Date(now - 29 * DAY), 'lastName'),
      entry(subject, new Date(now - DAY), 'lastName'),
    ]);
    const count = async () =>
      Number(
        (
          await app.strapi.db
            .connection(TABLE)
            .where('subject_document_id', subject)
            .where('actor_id', reader.id)
            .count({ n: '*' })
        )[0].n
      );
    expect(await count()).toBe(5_052);
    const retention = getService(app.strapi, 'history-retention');

    // Without a retention, everything stays.
    expect(await retention.prune()).toBe(0);
    expect(await count()).toBe(5_052);

    setRetention(30);
    expect(await retention.prune()).toBeGreaterThanOrEqual(5_050);
    expect(await count()).toBe(2);
    const left = await app.api().get(`/api/crm/customers/${subject}/history?actor=9001`);
    expect(left.body.meta.pagination.total).toBe(2);
  });
});
