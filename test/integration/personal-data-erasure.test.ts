import type { Knex } from 'knex';

import { ERASED_PERSON_NAME, REDACTED_VALUE } from '../../src/plugins/crm/contracts';
import { getService } from '../../src/plugins/crm/server/src/utils/get-service';
import { adminRole, createAdmin, createRootAdmin, expectStrapiError } from '../helpers/admins';
import { importCsv } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/users';

// Erasing a person: names replaced, contact points, SSN and personal fields gone, the same person's
// contacts erased too, history redacted, every table scanned afterwards; the erasure list then
// keeps the person from coming back through REST and imports.
const app = useTestApp();

const CUSTOMER = 'plugin::crm.customer';
const CONTACT = 'plugin::crm.contact';

/** Every text or JSON column of every table of the database. */
const textColumns = async (knex: Knex): Promise<[table: string, column: string][]> => {
  if (knex.client.config.client === 'sqlite' || knex.client.config.client === 'better-sqlite3') {
    const tables = (await knex.raw(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )) as { name: string }[];
    const columns: [string, string][] = [];
    for (const { name } of tables) {
      const info = (await knex.raw(`PRAGMA table_info("${name}")`)) as {
        name: string;
        type: string;
      }[];
      for (const column of info)
        if (/char|text|json|clob|^$/i.test(column.type)) columns.push([name, column.name]);
    }
    return columns;
  }
  const result = await knex.raw(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema()
       AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'character')`
  );
  return (result.rows as { table_name: string; column_name: string }[]).map((row) => [
    row.table_name,
    row.column_name,
  ]);
};

/** Where any of `needles` still appears: `table.column: needle`, case-insensitive. */
const scanDatabase = async (needles: string[]): Promise<string[]> => {
  const knex = app.strapi.db.connection;
  const postgres = app.strapi.db.dialect.client === 'postgres';
  const found: string[] = [];
  for (const [table, column] of await textColumns(knex)) {
    const value = postgres ? `LOWER(CAST("${column}" AS TEXT))` : `LOWER("${column}")`;
    for (const needle of needles) {
      const hits = await knex(table)
        .whereRaw(`${value} LIKE ?`, [`%${needle.toLowerCase()}%`])
        .count({ n: '*' });
      if (Number(hits[0].n) > 0) found.push(`${table}.${column}: ${needle}`);
    }
  }
  return found;
};

const api = () => app.api();
const created = async (path: string, data: Record<string, unknown>) => {
  const response = await api().post(`/api/crm/${path}`).send({ data });
  if (response.status !== 201) throw new Error(`${path}: ${JSON.stringify(response.body)}`);
  return response.body.data as { id: number; documentId: string };
};

/** A person with records of every type, and the history of a few updates. */
const buildPerson = async (tag: string) => {
  const jane = await created('customers', {
    type: 'individual',
    firstName: `Zelphine${tag}`,
    middleName: `Quorra${tag}`,
    lastName: `Vandermeulen${tag}`,
    gender: 'female',
    dateOfBirth: '1981-04-12',
    maritalStatus: 'married',
    ssn: `372-61-${tag}8`,
    externalId: `crm-ext-${tag}`,
    addresses: [
      { type: 'physical', line1: `77 Wisteria${tag} Lane`, city: 'Fairview', country: 'US' },
    ],
    phones: [
      { type: 'cell', number: `+1202555${tag}1` },
      { type: 'work', number: `+1202555${tag}2` },
    ],
    emails: [{ type: 'personal', address: `zelphine.${tag}@example.com` }],
  });
  const acme = await created('customers', { type: 'business', businessName: `Acme ${tag}` });
  const friend = await created('customers', {
    type: 'individual',
    firstName: 'Fred',
    lastName: `Friend${tag}`,
  });
  await created('connections', {
    customer: jane.documentId,
    connectedCustomer: acme.documentId,
    title: 'Owner',
  });
  await created('relationships', {
    kind: 'loose',
    customer: jane.documentId,
    linkedCustomer: friend.documentId,
    type: 'other',
  });
  await api()
    .put(`/api/crm/customers/${jane.documentId}`)
    .send({ data: { lastName: `Vandermeulen${tag}x`, middleName: `Quorra${tag}y` } })
    .expect(200);

  // Contacts that are the same person: one by e-mail, one by mobile; one that is not.
  const byEmail = await created('contacts', {
    firstName: `Zelphine${tag}`,
    lastName: `Vandermeulen${tag}`,
    email: `Zelphine.${tag}@example.com`,
    mobilePhone: `+1202555${tag}3`,
    birthday: '1981-04-12',
    notes: `met at the Brightwater${tag} fair`,
    jobTitle: `Chief Quibbler${tag}`,
    company: acme.documentId,
  });
  const byPhone = await created('contacts', {
    firstName: 'Z.',
    lastName: `Vandermeulen${tag}`,
    // Reached through the contact found by e-mail: the same person, round after round.
    mobilePhone2: `+1202555${tag}3`,
    otherContacts: `skype: zelphine${tag}`,
  });
  const colleague = await created('contacts', {
    firstName: 'Colin',
    lastName: `Colleague${tag}`,
    // The work number of the erased customer is a switchboard: no identity.
    workPhone: `+1202555${tag}2`,
    company: acme.documentId,
  });
  await api()
    .put(`/api/crm/contacts/${byEmail.documentId}`)
    .send({ data: { jobTitle: `Chief Quibbler${tag}!` } })
    .expect(200);
  const list = await created('marketing-lists', { name: `Newsletter ${tag}`, channel: 'email' });
  await api()
    .post(`/api/crm/marketing-lists/${list.documentId}/members`)
    .send({ contacts: [byEmail.documentId, byPhone.documentId, colleague.documentId] })
    .expect(200);
  await api()
    .post(`/api/crm/contacts/${byEmail.documentId}/activity`)
    .send({ data: { body: `Zelphine${tag} called about her Brightwater${tag} order` } })
    .expect(201);

  // History written through a session too, whatever the write paths record.
  const history = getService(app.strapi, 'history');
  await app.strapi.db.transaction(async () => {
    const session = history.session();
    await session.watch(CUSTOMER, [jane.id]);
    await app.strapi.db
      .query(CUSTOMER)
      .update({ where: { id: jane.id }, data: { firstName: `Zelphine${tag}` } });
    await session.watch(CONTACT, [byEmail.id]);
    await app.strapi.db
      .query(CONTACT)
      .update({ where: { id: byEmail.id }, data: { notes: `met at the Brightwater${tag} gala` } });
    await session.flush();
  });
  return { jane, acme, friend, byEmail, byPhone, colleague, list };
};

const personalValues = (tag: string) => [
  `Zelphine${tag}`,
  `Vandermeulen${tag}`,
  `Quorra${tag}`,
  `zelphine.${tag}@example.com`,
  `+1202555${tag}1`,
  `202555${tag}1`,
  `+1202555${tag}3`,
  `Wisteria${tag}`,
  `Brightwater${tag}`,
  `Quibbler${tag}`,
  `crm-ext-${tag}`,
  `37261${tag}8`,
  `372-61-${tag}8`,
  '1981-04-12',
];

describe('erasing a customer', () => {
  it('removes every personal value from every table, keeping the records and their links', async () => {
    const person = await buildPerson('440');
    const historyTable = app.strapi.db.metadata.get('plugin::crm.history-entry').tableName;
    expect(
      Number((await app.strapi.db.connection(historyTable).count({ n: '*' }))[0].n)
    ).toBeGreaterThan(0);
    expect(await scanDatabase([`Zelphine440`, `zelphine.440@example.com`])).not.toEqual([]);
    // The REST writes above wrote entries of their own: the contact's, its comment's, the links'.
    expect(
      await app.strapi.db.query('plugin::crm.history-entry').count({
        where: { subjectDocumentId: person.byEmail.documentId },
      })
    ).toBeGreaterThanOrEqual(3);

    const admin = (await loginAs(app, 'crm_admin')).agent;
    const erased = await admin().post(`/api/crm/customers/${person.jane.documentId}/erase`);
    expect(erased.status).toBe(200);
    expect(erased.body.data).toMatchObject({
      record: { kind: 'customer', documentId: person.jane.documentId },
      alreadyErased: false,
      contactPointsDeleted: 4,
      listed: 3,
    });
    expect(erased.body.data.erased.customers).toEqual([person.jane.documentId]);
    expect([...erased.body.data.erased.contacts].sort()).toEqual(
      [person.byEmail.documentId, person.byPhone.documentId].sort()
    );

    // No personal value left anywhere, in any format stored.
    expect(await scanDatabase(personalValues('440'))).toEqual([]);

    // The records and their non-personal links stay.
    const jane = await app.strapi.db.query(CUSTOMER).findOne({
      where: { documentId: person.jane.documentId },
    });
    expect(jane).toMatchObject({
      firstName: ERASED_PERSON_NAME,
      lastName: expect.stringMatching(/^ER-/),
      middleName: null,
      ssn: null,
      ssnEncrypted: null,
      ssnHash: null,
      dateOfBirth: null,
      customerNumber: expect.any(String),
    });
    const connections = await api().get(`/api/crm/customers/${person.acme.documentId}/connections`);
    expect(connections.body.data).toHaveLength(1);
    const relationships = await api().get(
      `/api/crm/customers/${person.friend.documentId}/relationships`
    );
    expect(relationships.body.data).toHaveLength(1);
    const byEmail = await app.strapi.db.query(CONTACT).findOne({
      where: { documentId: person.byEmail.documentId },
      populate: { company: true, marketingLists: true },
    });
    expect(byEmail).toMatchObject({
      firstName: ERASED_PERSON_NAME,
      email: null,
      notes: null,
      company: { documentId: person.acme.documentId },
      marketingLists: [],
    });
    const colleague = await app.strapi.db.query(CONTACT).findOne({
      where: { documentId: person.colleague.documentId },
      populate: { marketingLists: true },
    });
    expect(colleague).toMatchObject({ firstName: 'Colin', workPhone: '+12025554402' });
    expect(colleague.marketingLists).toHaveLength(1);

    // The name is not searchable; the history says what changed, with redacted values.
    const search = await api().get('/api/crm/customers/search').query({ q: 'Zelphine440' });
    expect(search.body.data).toEqual([]);
    const entries = await app.strapi.db.query('plugin::crm.history-entry').findMany({
      where: { recordDocumentId: person.jane.documentId },
      orderBy: { id: 'desc' },
    });
    const last = entries[0];
    expect(last.changes).toEqual(
      expect.arrayContaining([
        { field: 'firstName', before: REDACTED_VALUE, after: ERASED_PERSON_NAME },
        { field: 'ssn', before: REDACTED_VALUE, after: null },
      ])
    );

    // Audited: who, when, which record; not what.
    const audit = await app.strapi.db.query('plugin::crm.audit-log').findMany({
      where: { action: 'personal-data.erase', customerDocumentId: person.jane.documentId },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ outcome: 'allowed', actorType: 'user' });

    // Erasing twice changes nothing.
    const again = await admin().post(`/api/crm/customers/${person.jane.documentId}/erase`);
    expect(again.status).toBe(200);
    expect(again.body.meta).toEqual({ alreadyErased: true });
    expect(
      await app.strapi.db.query('plugin::crm.history-entry').count({
        where: { recordDocumentId: person.jane.documentId },
      })
    ).toBe(entries.length);
    expect(await app.strapi.db.query('plugin::crm.erasure').count({})).toBe(3);
  });

  it('keeps the erased person from coming back, until the list entry is removed', async () => {
    const person = await buildPerson('550');
    await app.api().post(`/api/crm/customers/${person.jane.documentId}/erase`).expect(200);

    const refused = await api()
      .post('/api/crm/contacts')
      .send({
        data: { firstName: 'New', lastName: 'Person', email: ' ZELPHINE.550@example.com ' },
      });
    expectStrapiError(refused, 409, /email: this person asked to be erased/);
    const nested = await api()
      .post('/api/crm/customers')
      .send({
        data: {
          type: 'individual',
          firstName: 'New',
          lastName: 'Person',
          phones: [{ type: 'cell', number: '(202) 555-5501' }],
        },
      });
    expectStrapiError(nested, 409, /phones\[0\]\.number: this person asked to be erased/);
    const point = await api()
      .post('/api/crm/emails')
      .send({ data: { customer: person.friend.documentId, address: 'zelphine.550@example.com' } });
    expectStrapiError(point, 409, /address: this person asked to be erased/);
    // A work number is no identity: the colleague keeps it, and others may use it.
    await api()
      .post('/api/crm/contacts')
      .send({ data: { firstName: 'Other', lastName: 'Colleague', workPhone: '+12025555502' } })
      .expect(201);
    expect(
      await app.strapi.db.query(CONTACT).count({ where: { email: 'zelphine.550@example.com' } })
    ).toBe(0);

    // The import ignores the row, with the reason.
    const job = await importCsv(
      app,
      'First Name,Last Name,Email\nNew,Comer,zelphine.550@example.com\nOther,Person,other.550@example.com\n'
    );
    expect(job.counts).toMatchObject({ imported: 1, ignored: 1 });
    const ignored = await api().get(`/api/crm/imports/${job.documentId}/ignored`);
    expect(ignored.text).toContain('this person asked to be erased');

    // The admin panel lists the entries (no values) and removes them: the person may come back.
    const root = await createAdmin(app, 'eraser@crm.test', [
      await adminRole(app, 'Erasers', ['plugin::crm.personal-data']),
    ]);
    const listed = await root('get', '/crm/erasures').query({ pageSize: 100 });
    expect(listed.status).toBe(200);
    const mine = listed.body.data.filter(
      (entry: { recordDocumentId: string }) => entry.recordDocumentId === person.jane.documentId
    );
    expect(mine.map((entry: { kind: string }) => entry.kind).sort()).toEqual([
      'email',
      'phone',
      'phone',
    ]);
    expect(JSON.stringify(listed.body)).not.toMatch(/zelphine|2025555501/i);
    // The content manager reaches the same check, and cannot write the list.
    const cm = await createRootAdmin(app, 'root-erasure@crm.test');
    const viaCm = await cm('post', '/content-manager/collection-types/plugin::crm.contact').send({
      firstName: 'Via',
      lastName: 'Manager',
      mobilePhone: '+12025555501',
    });
    expectStrapiError(viaCm, 409, /mobilePhone: this person asked to be erased/);
    const forged = await cm('post', '/content-manager/collection-types/plugin::crm.erasure').send({
      kind: 'email',
      hash: 'x',
      erasedAt: new Date().toISOString(),
    });
    expect(forged.status).toBe(400);
    expect(
      (
        await cm(
          'delete',
          `/content-manager/collection-types/plugin::crm.erasure/${mine[0].documentId}`
        )
      ).status
    ).toBe(400);
    for (const entry of mine)
      expect((await root('delete', `/crm/erasures/${entry.documentId}`)).status).toBe(200);
    expect((await root('delete', `/crm/erasures/${mine[0].documentId}`)).status).toBe(404);
    await api()
      .post('/api/crm/contacts')
      .send({ data: { firstName: 'Back', lastName: 'Again', email: 'zelphine.550@example.com' } })
      .expect(201);
    const back = await importCsv(app, 'First Name,Last Name,Mobile\nBack,Again,+12025555501\n');
    expect(back.counts).toMatchObject({ imported: 1, ignored: 0 });
  });
});

describe('erasing a contact', () => {
  it('erases the contacts that are the same person and leaves customers as they are', async () => {
    const person = await buildPerson('660');
    const erased = await app.api().post(`/api/crm/contacts/${person.byPhone.documentId}/erase`);
    expect(erased.status).toBe(200);
    expect([...erased.body.data.erased.contacts].sort()).toEqual(
      [person.byEmail.documentId, person.byPhone.documentId].sort()
    );
    expect(erased.body.data.erased.customers).toEqual([]);
    const contact = await app.strapi.db
      .query(CONTACT)
      .findOne({ where: { documentId: person.byEmail.documentId } });
    expect(contact).toMatchObject({
      firstName: ERASED_PERSON_NAME,
      email: null,
      mobilePhone: null,
    });
    const feed = await api().get(`/api/crm/contacts/${person.byEmail.documentId}/activity`);
    expect(feed.body.data.map((item: { body: string }) => item.body)).toEqual([REDACTED_VALUE]);
    // The contacts' values are gone from every table; the customer keeps its own.
    const left = await scanDatabase(['Brightwater660', 'Quibbler660', '+12025556603']);
    expect(left).toEqual([]);
    const jane = await app.strapi.db
      .query(CUSTOMER)
      .findOne({ where: { documentId: person.jane.documentId } });
    expect(jane.firstName).toBe('Zelphine660');
  });
});

describe('erasing an imported and merged person', () => {
  it('clears their staged import rows and the snapshot of the merge, which can no longer be undone', async () => {
    const job = await importCsv(
      app,
      [
        'First Name,Last Name,Email,Mobile',
        'Ondine880,Marchbanks880,ondine.880@example.com,+12025558801',
        'Ondine880,Marchbanks880,ondine.880@example.com,+12025558801',
      ].join('\n')
    );
    expect(job.counts).toMatchObject({ imported: 1, ignored: 1 });
    const imported = await app.strapi.db
      .query(CONTACT)
      .findOne({ where: { email: 'ondine.880@example.com' } });
    const duplicate = await created('contacts', {
      firstName: 'Ondine880',
      lastName: 'Marchbanks880',
      email: 'o.marchbanks880@example.com',
    });
    const merged = await api()
      .post('/api/crm/contacts/merge')
      .send({ data: { survivor: imported.documentId, merged: [duplicate.documentId] } });
    expect(merged.status).toBe(200);
    const values = [
      'Ondine880',
      'Marchbanks880',
      'ondine.880@example.com',
      'o.marchbanks880',
      '2025558801',
    ];
    expect(await scanDatabase(values)).not.toEqual([]);

    await api().post(`/api/crm/contacts/${imported.documentId}/erase`).expect(200);
    expect(await scanDatabase(values)).toEqual([]);
    const undo = await api().post(`/api/crm/merges/${merged.body.meta.merge}/undo`);
    expect(undo.status).toBe(409);
  });
});

describe('the roles', () => {
  it('lets crm_admin erase and refuses crm_manager and crm_sales (403); admins need the action', async () => {
    const person = await buildPerson('770');
    for (const role of ['crm_manager', 'crm_sales']) {
      const agent = (await loginAs(app, role)).agent;
      expect(
        (await agent().post(`/api/crm/customers/${person.jane.documentId}/erase`)).status
      ).toBe(403);
      expect(
        (await agent().post(`/api/crm/contacts/${person.byEmail.documentId}/erase`)).status
      ).toBe(403);
    }
    const reader = await createAdmin(app, 'reader-erasure@crm.test', [
      await adminRole(app, 'Readers of erasure', ['plugin::crm.read']),
    ]);
    expect((await reader('post', `/crm/contacts/${person.byEmail.documentId}/erase`)).status).toBe(
      403
    );
    expect((await reader('get', '/crm/erasures')).status).toBe(403);
    const eraser = await createAdmin(app, 'eraser-2@crm.test', [
      await adminRole(app, 'Erasers 2', ['plugin::crm.personal-data']),
    ]);
    const response = await eraser('post', `/crm/contacts/${person.byEmail.documentId}/erase`);
    expect(response.status).toBe(200);
    const audit = await app.strapi.db.query('plugin::crm.audit-log').findOne({
      where: { action: 'personal-data.erase', reason: { $contains: person.byEmail.documentId } },
    });
    expect(audit).toMatchObject({ actorType: 'admin' });
    const admin = (await loginAs(app, 'crm_admin')).agent;
    expect((await admin().post('/api/crm/customers/nope/erase')).status).toBe(404);
  });
});
