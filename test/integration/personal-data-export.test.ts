import Papa from 'papaparse';
import type request from 'supertest';
import yauzl from 'yauzl';

import {
  adminRole,
  createAdmin,
  createRootAdmin,
  expectStrapiError,
  type Admin,
} from '../helpers/admins';
import { useTestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/users';

// A person with records of every kind, exported as JSON and as a zip of CSV files, and compared
// with what the database holds.
const app = useTestApp();
const CUSTOMER = 'plugin::crm.customer';
const CONTACT = 'plugin::crm.contact';
const AUDIT = 'plugin::crm.audit-log';
const SSN = '287-65-4321';

type Row = Record<string, any>;
const agents: Record<string, () => request.Agent> = {};
const usernames: Record<string, string> = {};
let asRoot: Admin;
let jane: Row;
let globex: Row;
let investor: Row;
let bob: Row;
let janet: Row;
const contacts: Record<string, string> = {};
let newsletter: string;
const entries: Record<string, string> = {};
let connection: string;

const JANE_EMAIL = 'jane.doe@export.test';
const JANE_PHONE = '+14155552671';
const JANE_CELL = '+14155552672';
const BOB_EMAIL = 'bob.other@export.test';
const BOB_PHONE = '+14155559900';
const INVESTOR_EMAIL = 'rich@invest.test';

const createCustomer = async (data: Row) => {
  const response = await app.api().post('/api/crm/customers').send({ data });
  expect(response.status).toBe(201);
  return response.body.data as Row;
};
const createContact = async (data: Row) => {
  const response = await app.api().post('/api/crm/contacts').send({ data });
  expect(response.status).toBe(201);
  return response.body.data.documentId as string;
};

/** A stored value as the export shows it. */
const normalized = (value: unknown) =>
  value instanceof Date ? value.toISOString() : value === undefined ? null : value;

/** The history the database holds for these subjects, by SQL. */
const historyIdsOf = async (subjects: string[]) =>
  (
    (await app.strapi.db
      .connection('crm_history_entries')
      .whereIn('subject_document_id', subjects)
      .orWhereIn('other_subject_document_id', subjects)
      .select('document_id')) as { document_id: string }[]
  )
    .map((row) => row.document_id)
    .sort();

/** The newest history entry of a record that changed `field`, by SQL. */
const latestEntry = async (recordDocumentId: string, field: string) => {
  const [row] = await app.strapi.db
    .connection('crm_history_entries')
    .where('record_document_id', recordDocumentId)
    .where('changed_fields', 'like', `%,${field},%`)
    .orderBy('id', 'desc')
    .select('document_id');
  expect([recordDocumentId, field, row]).toEqual([recordDocumentId, field, expect.anything()]);
  return row.document_id as string;
};

const binary = (response: request.Test) =>
  response.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** Every file of a zip, as text, read with a zip reader other than the one that wrote it. */
const unzip = (buffer: Buffer): Promise<Record<string, string>> =>
  new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files: Record<string, string> = {};
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files[entry.fileName] = Buffer.concat(chunks).toString('utf8');
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });

/** A CSV file's rows; a cell guarded against formulas reads as its value again. */
const csvRows = (text: string): Row[] =>
  Papa.parse<Row>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true }).data.map(
    (row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          typeof value === 'string' ? value.replace(/^'(?=\s*[=+\-@\t\r])/, '') : value,
        ])
      )
  );

beforeAll(async () => {
  asRoot = await createRootAdmin(app);
  for (const role of ['crm_admin', 'crm_manager', 'crm_sales', 'crm_marketeer']) {
    const login = await loginAs(app, role);
    agents[role] = login.agent;
    usernames[role] = login.user.username;
  }
  globex = await createCustomer({ type: 'business', businessName: 'Globex Export' });
  investor = await createCustomer({
    firstName: 'Rich',
    lastName: 'Investor',
    emails: [{ type: 'personal', address: INVESTOR_EMAIL }],
  });
  bob = await createCustomer({
    firstName: 'Bob',
    lastName: 'Other',
    emails: [{ type: 'personal', address: BOB_EMAIL }],
    phones: [{ type: 'home', number: BOB_PHONE }],
  });
  jane = await createCustomer({
    type: 'individual',
    firstName: 'Jane',
    middleName: 'Q',
    lastName: 'Smith',
    gender: 'female',
    dateOfBirth: '1980-04-05',
    maritalStatus: 'married',
    preferredContact: 'email',
    ssn: SSN,
    externalId: 'EXT-JANE',
    addresses: [
      { type: 'physical', line1: '1 Main St', city: 'Springfield', postalCode: '12345' },
      { type: 'mailing', line1: 'PO Box 9', city: 'Shelbyville', country: 'US' },
    ],
    phones: [
      { type: 'home', number: JANE_PHONE },
      { type: 'cell', number: JANE_CELL, isPrimary: true },
    ],
    emails: [{ type: 'personal', address: 'Jane.Doe@Export.test' }],
  });
  connection = (
    await app
      .api()
      .post('/api/crm/connections')
      .send({
        data: {
          customer: jane.documentId,
          connectedCustomer: globex.documentId,
          title: 'Engineer',
        },
      })
      .expect(201)
  ).body.data.documentId;
  await app
    .api()
    .post('/api/crm/connections')
    .send({ data: { customer: bob.documentId, connectedCustomer: globex.documentId } })
    .expect(201);
  await app
    .api()
    .post('/api/crm/relationships')
    .send({
      data: {
        kind: 'loose',
        type: 'investor',
        customer: investor.documentId,
        linkedCustomer: jane.documentId,
      },
    })
    .expect(201);

  // Another customer record of the same person: same cell phone.
  janet = await createCustomer({
    firstName: 'Janet',
    lastName: 'Dupe',
    phones: [{ type: 'cell', number: JANE_CELL }],
    emails: [{ type: 'personal', address: 'janet.dupe@export.test' }],
  });

  contacts.byEmail = await createContact({
    firstName: 'Jane',
    lastName: 'Doe',
    email: JANE_EMAIL,
    jobTitle: 'Intern',
    notes: 'Met at the =fair',
    company: globex.documentId,
  });
  contacts.byPhone = await createContact({
    firstName: 'J.',
    lastName: 'Doe',
    workPhone: JANE_PHONE,
    timezone: 'Europe/Paris',
  });
  contacts.unrelated = await createContact({
    firstName: 'Una',
    lastName: 'Related',
    email: 'una@export.test',
    mobilePhone: BOB_PHONE,
  });

  newsletter = (
    await app
      .api()
      .post('/api/crm/marketing-lists')
      .send({ data: { name: 'Export Newsletter', channel: 'email' } })
      .expect(201)
  ).body.data.documentId;
  await app
    .api()
    .post(`/api/crm/marketing-lists/${newsletter}/members`)
    .send({ contacts: [contacts.byEmail, contacts.unrelated] })
    .expect(200);
  await app
    .api()
    .post(`/api/crm/contacts/${contacts.byEmail}/activity`)
    .send({ data: { body: 'Called about her +1 order' } })
    .expect(201);
  await app
    .api()
    .post(`/api/crm/contacts/${contacts.unrelated}/activity`)
    .send({ data: { body: 'Not her' } })
    .expect(201);

  await agents.crm_manager().post(`/api/crm/customers/${jane.documentId}/ssn/reveal`).expect(200);

  // History through real writes: a rename, a contact's new title, another person's rename.
  await app
    .api()
    .put(`/api/crm/customers/${jane.documentId}`)
    .send({ data: { lastName: 'Doe' } })
    .expect(200);
  await app
    .api()
    .put(`/api/crm/contacts/${contacts.byEmail}`)
    .send({ data: { jobTitle: 'Engineer' } })
    .expect(200);
  await app
    .api()
    .put(`/api/crm/customers/${bob.documentId}`)
    .send({ data: { lastName: 'Others' } })
    .expect(200);
  entries.rename = await latestEntry(jane.documentId, 'lastName');
  entries.ssn = await latestEntry(jane.documentId, 'ssn');
  entries.connection = await latestEntry(connection, 'connectedCustomer');
  entries.jobTitle = await latestEntry(contacts.byEmail, 'jobTitle');
  entries.bob = await latestEntry(bob.documentId, 'lastName');
});

const exportOf = (agent: () => request.Agent, path: string) => agent().get(path);

describe('GET /api/crm/customers/:id/personal-data', () => {
  let body: Row;
  let text: string;

  beforeAll(async () => {
    const response = await exportOf(
      agents.crm_manager,
      `/api/crm/customers/${jane.documentId}/personal-data`
    );
    expect(response.status).toBe(200);
    body = response.body.data;
    text = JSON.stringify(response.body);
  });

  it('holds the record as stored, the SSN only as its mask', async () => {
    const stored = await app.strapi.db.query(CUSTOMER).findOne({ where: { id: jane.id } });
    expect(body.subject).toEqual({
      uid: CUSTOMER,
      documentId: jane.documentId,
      label: stored.displayName,
    });
    for (const field of [
      'documentId',
      'customerNumber',
      'type',
      'firstName',
      'middleName',
      'lastName',
      'displayName',
      'gender',
      'dateOfBirth',
      'maritalStatus',
      'ssn',
      'noEmail',
      'noMail',
      'noPhoneCalls',
      'preferredContact',
      'status',
      'externalId',
      'createdAt',
      'updatedAt',
    ])
      expect([field, body.record[field]]).toEqual([field, normalized(stored[field])]);
    expect(body.record.ssn).toBe('***-**-4321');
    expect(body.record).not.toHaveProperty('ssnEncrypted');
    expect(body.record).not.toHaveProperty('ssnHash');
    for (const secret of [SSN, '287654321', stored.ssnEncrypted, stored.ssnHash])
      expect(text).not.toContain(secret);
  });

  it('holds every contact point as stored', async () => {
    const stored = await app.strapi.db.query(CUSTOMER).findOne({
      where: { id: jane.id },
      populate: ['addresses', 'phones', 'emails'],
    });
    for (const kind of ['addresses', 'phones', 'emails'] as const) {
      const exported = body.contactPoints[kind] as Row[];
      expect(exported.map((point) => point.documentId).sort()).toEqual(
        stored[kind].map((point: Row) => point.documentId).sort()
      );
      for (const point of stored[kind] as Row[]) {
        const found = exported.find((item) => item.documentId === point.documentId)!;
        for (const [field, value] of Object.entries(found))
          expect([kind, field, value]).toEqual([kind, field, normalized(point[field])]);
      }
    }
    expect(body.contactPoints.emails[0].address).toBe(JANE_EMAIL);
    expect(body.contactPoints.phones.map((phone: Row) => phone.number).sort()).toEqual([
      JANE_PHONE,
      JANE_CELL,
    ]);
  });

  it('names the other side of a connection or relationship by name and number only', () => {
    expect(body.connections).toEqual([
      expect.objectContaining({
        relationshipType: 'employee',
        title: 'Engineer',
        direction: 'outgoing',
        other: { name: 'Globex Export', number: globex.customerNumber },
      }),
    ]);
    expect(body.relationships).toEqual([
      expect.objectContaining({
        kind: 'loose',
        type: 'investor',
        other: { name: 'Rich Investor', number: investor.customerNumber },
      }),
    ]);
    for (const link of [...body.connections, ...body.relationships])
      expect(Object.keys(link.other).sort()).toEqual(['name', 'number']);
    for (const foreign of [INVESTOR_EMAIL, BOB_EMAIL, BOB_PHONE])
      expect(text).not.toContain(foreign);
  });

  it('holds the contacts sharing an e-mail or phone, whole, and only those', async () => {
    expect(body.contacts.map((contact: Row) => contact.documentId).sort()).toEqual(
      [contacts.byEmail, contacts.byPhone].sort()
    );
    for (const contact of body.contacts as Row[]) {
      const stored = await app.strapi.db
        .query(CONTACT)
        .findOne({ where: { documentId: contact.documentId } });
      for (const field of [
        'firstName',
        'lastName',
        'email',
        'email2',
        'mobilePhone',
        'workPhone',
        'jobTitle',
        'notes',
        'timezone',
        'birthday',
        'createdAt',
      ])
        expect([field, contact[field]]).toEqual([field, normalized(stored[field])]);
    }
    const byEmail = body.contacts.find((contact: Row) => contact.documentId === contacts.byEmail);
    expect(byEmail).toMatchObject({
      shares: [JANE_EMAIL],
      convertedToSubject: false,
      company: { name: 'Globex Export', number: globex.customerNumber },
    });
    const byPhone = body.contacts.find((contact: Row) => contact.documentId === contacts.byPhone);
    expect(byPhone.shares).toEqual([JANE_PHONE]);
    expect(text).not.toContain('una@export.test');
  });

  it('names the customers sharing an e-mail or phone by name and number only', () => {
    expect(body.customers).toEqual([
      {
        name: 'Janet Dupe',
        number: janet.customerNumber,
        shares: [JANE_CELL],
        convertedFromSubject: false,
      },
    ]);
    expect(text).not.toContain('janet.dupe@export.test');
    expect(text).not.toContain(janet.documentId);
  });

  it('holds their list memberships and activity', () => {
    expect(body.marketingLists).toEqual([
      { contactDocumentId: contacts.byEmail, list: 'Export Newsletter', channel: 'email' },
    ]);
    expect(body.activity).toEqual([
      expect.objectContaining({
        contactDocumentId: contacts.byEmail,
        body: 'Called about her +1 order',
      }),
    ]);
    expect(text).not.toContain('Not her');
  });

  it("holds the history of the record, its links and the person's contacts, and no other", async () => {
    const expected = await historyIdsOf([jane.documentId, contacts.byEmail, contacts.byPhone]);
    expect(body.history.map((entry: Row) => entry.documentId).sort()).toEqual(expected);
    expect(expected).toEqual(
      expect.arrayContaining([entries.rename, entries.ssn, entries.connection, entries.jobTitle])
    );
    expect(expected).not.toContain(entries.bob);
    const ats = body.history.map((entry: Row) => entry.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const entry = (documentId: string) =>
      body.history.find((item: Row) => item.documentId === documentId);
    expect(entry(entries.rename)).toMatchObject({
      action: 'update',
      record: { uid: CUSTOMER, documentId: jane.documentId },
      actor: { type: 'token' },
    });
    expect(entry(entries.rename).changes).toContainEqual({
      field: 'lastName',
      before: 'Smith',
      after: 'Doe',
    });
    expect(entry(entries.ssn).changes).toContainEqual({
      field: 'ssn',
      before: null,
      after: '***-**-4321',
    });
    expect(entry(entries.connection).changes).toContainEqual({
      field: 'connectedCustomer',
      before: null,
      after: { documentId: globex.documentId, label: expect.stringContaining('Globex Export') },
    });
    expect(entry(entries.jobTitle).changes).toContainEqual({
      field: 'jobTitle',
      before: 'Intern',
      after: 'Engineer',
    });
  });

  it('holds the SSN reveals, the number masked', async () => {
    const stored = await app.strapi.db.query(AUDIT).findMany({
      where: { action: 'ssn.reveal', customerDocumentId: jane.documentId },
    });
    expect(stored.length).toBeGreaterThan(0);
    expect(body.ssnReveals).toHaveLength(stored.length);
    expect(body.ssnReveals[0]).toMatchObject({
      outcome: 'allowed',
      actorType: 'user',
      actorName: usernames.crm_manager,
      ssn: '***-**-4321',
    });
  });

  it('is audited: who, when, which record', async () => {
    const rows = await app.strapi.db.query(AUDIT).findMany({
      where: { action: 'personal-data.export', customerDocumentId: jane.documentId },
    });
    expect(rows).toContainEqual(
      expect.objectContaining({
        outcome: 'allowed',
        customerNumber: jane.customerNumber,
        actorType: 'user',
        actorName: usernames.crm_manager,
      })
    );
    expect(rows[0].createdAt).toBeTruthy();
  });
});

describe('?format=zip', () => {
  let files: Record<string, string>;
  let json: Row;

  beforeAll(async () => {
    const response = await binary(
      agents.crm_admin().get(`/api/crm/customers/${jane.documentId}/personal-data?format=zip`)
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="personal-data-${jane.customerNumber}.zip"`
    );
    files = await unzip(response.body as Buffer);
    json = (await agents.crm_admin().get(`/api/crm/customers/${jane.documentId}/personal-data`))
      .body.data;
  });

  it('has one CSV per section', () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        'export.csv',
        'record.csv',
        'addresses.csv',
        'phones.csv',
        'emails.csv',
        'connections.csv',
        'relationships.csv',
        'contacts.csv',
        'customers.csv',
        'marketing-lists.csv',
        'activity.csv',
        'history.csv',
        'ssn-reveals.csv',
      ].sort()
    );
    expect(csvRows(files['export.csv'])).toEqual([
      expect.objectContaining({ subjectUid: CUSTOMER, subjectDocumentId: jane.documentId }),
    ]);
  });

  it('holds the same values as the JSON document', () => {
    const [record] = csvRows(files['record.csv']);
    for (const field of ['customerNumber', 'firstName', 'lastName', 'dateOfBirth', 'ssn'])
      expect(record[field]).toBe(String(json.record[field]));
    expect(record['primaryContact.name'] ?? '').toBe('');
    expect(
      csvRows(files['phones.csv'])
        .map((row) => row.number)
        .sort()
    ).toEqual([JANE_PHONE, JANE_CELL]);
    expect(csvRows(files['emails.csv'])[0].address).toBe(JANE_EMAIL);
    expect(csvRows(files['addresses.csv'])).toHaveLength(2);
    expect(csvRows(files['connections.csv'])[0]).toMatchObject({
      'other.name': 'Globex Export',
      'other.number': globex.customerNumber,
    });
    expect(csvRows(files['relationships.csv'])[0]['other.name']).toBe('Rich Investor');
    expect(
      csvRows(files['contacts.csv'])
        .map((row) => row.documentId)
        .sort()
    ).toEqual([contacts.byEmail, contacts.byPhone].sort());
    expect(csvRows(files['contacts.csv']).find((row) => row.notes)?.notes).toBe('Met at the =fair');
    expect(csvRows(files['marketing-lists.csv'])).toEqual([
      { contactDocumentId: contacts.byEmail, list: 'Export Newsletter', channel: 'email' },
    ]);
    expect(csvRows(files['activity.csv'])[0].body).toBe('Called about her +1 order');
    expect(csvRows(files['ssn-reveals.csv'])[0].ssn).toBe('***-**-4321');
    expect(csvRows(files['customers.csv'])).toEqual([
      {
        name: 'Janet Dupe',
        number: janet.customerNumber,
        shares: JSON.stringify([JANE_CELL]),
        convertedFromSubject: 'false',
      },
    ]);
    const all = Object.values(files).join('\n');
    for (const secret of [SSN, '287654321', BOB_EMAIL, INVESTOR_EMAIL])
      expect(all).not.toContain(secret);
  });

  it('writes the history one row per change', () => {
    const rows = csvRows(files['history.csv']);
    const changes = (json.history as Row[]).flatMap((entry) =>
      entry.changes.map((change: Row) => [entry.documentId, change.field])
    );
    expect(rows.map((row) => [row.entry, row.field])).toEqual(changes);
    const relation = rows.find(
      (row) => row.entry === entries.connection && row.field === 'connectedCustomer'
    )!;
    expect(JSON.parse(relation.after)).toMatchObject({ documentId: globex.documentId });
    expect(
      rows.find((row) => row.entry === entries.rename && row.field === 'lastName')
    ).toMatchObject({ before: 'Smith', after: 'Doe', actorType: 'token', action: 'update' });
    expect(rows.find((row) => row.entry === entries.ssn && row.field === 'ssn')).toMatchObject({
      after: '***-**-4321',
    });
  });

  it('refuses another format with a 400 naming it', async () => {
    const response = await agents
      .crm_admin()
      .get(`/api/crm/customers/${jane.documentId}/personal-data?format=xml`);
    expectStrapiError(response, 400, /format/);
  });
});

describe('GET /api/crm/contacts/:id/personal-data', () => {
  it('holds the contact, its company and lists by name, its activity and the same person', async () => {
    const response = await exportOf(
      agents.crm_admin,
      `/api/crm/contacts/${contacts.byEmail}/personal-data`
    );
    expect(response.status).toBe(200);
    const data = response.body.data;
    const stored = await app.strapi.db
      .query(CONTACT)
      .findOne({ where: { documentId: contacts.byEmail } });
    expect(data.subject).toEqual({
      uid: CONTACT,
      documentId: contacts.byEmail,
      label: stored.displayName,
    });
    for (const [field, value] of Object.entries(data.record))
      if (!['company', 'convertedCustomer', 'manager', 'user'].includes(field))
        expect([field, value]).toEqual([field, normalized(stored[field])]);
    expect(data.record.company).toEqual({ name: 'Globex Export', number: globex.customerNumber });
    expect(data.customers).toEqual([
      {
        name: 'Jane Doe',
        number: jane.customerNumber,
        shares: [JANE_EMAIL],
        convertedFromSubject: false,
      },
    ]);
    expect(data.contacts).toEqual([]);
    expect(data.marketingLists).toEqual([
      { contactDocumentId: contacts.byEmail, list: 'Export Newsletter', channel: 'email' },
    ]);
    expect(data.activity.map((entry: Row) => entry.body)).toEqual(['Called about her +1 order']);
    expect(data.history.map((entry: Row) => entry.documentId).sort()).toEqual(
      await historyIdsOf([contacts.byEmail])
    );
    expect(data.connections).toEqual([]);
    expect(data.ssnReveals).toEqual([]);
    const text = JSON.stringify(response.body);
    for (const secret of [SSN, JANE_PHONE, JANE_CELL, jane.documentId])
      expect(text).not.toContain(secret);
  });

  it('names the customer a contact was converted to', async () => {
    const documentId = await createContact({
      firstName: 'Conrad',
      lastName: 'Verted',
      email: 'conrad@export.test',
    });
    const converted = await app.api().post(`/api/crm/contacts/${documentId}/convert`).expect(201);
    await app
      .api()
      .post(`/api/crm/contacts/${documentId}/generate-login`)
      .send({ email: 'conrad.login@export.test' })
      .expect(201);
    const login = await app.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { email: 'conrad.login@export.test' } });
    const response = await exportOf(
      agents.crm_manager,
      `/api/crm/contacts/${documentId}/personal-data`
    );
    expect(response.status).toBe(200);
    expect(response.body.data.record.convertedCustomer).toEqual({
      name: 'Conrad Verted',
      number: converted.body.data.customerNumber,
    });
    expect(response.body.data.record.user).toEqual({
      username: login.username,
      email: 'conrad.login@export.test',
    });
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/password/i);
    expect(text).not.toContain(login.password);
    expect(response.body.data.customers).toEqual([
      expect.objectContaining({
        number: converted.body.data.customerNumber,
        convertedFromSubject: true,
      }),
    ]);
    const zip = await binary(
      agents.crm_manager().get(`/api/crm/contacts/${documentId}/personal-data?format=zip`)
    );
    expect(zip.headers['content-disposition']).toBe(
      `attachment; filename="personal-data-${documentId}.zip"`
    );
    expect(csvRows((await unzip(zip.body as Buffer))['record.csv'])[0]).toMatchObject({
      firstName: 'Conrad',
      'convertedCustomer.number': converted.body.data.customerNumber,
    });
    const audit = await app.strapi.db.query(AUDIT).findMany({
      where: { action: 'personal-data.export', customerDocumentId: documentId },
    });
    expect(audit).toHaveLength(2);

    const fromCustomer = await exportOf(
      agents.crm_manager,
      `/api/crm/customers/${converted.body.data.documentId}/personal-data`
    );
    expect(fromCustomer.status).toBe(200);
    expect(fromCustomer.body.data.contacts).toEqual([
      expect.objectContaining({
        documentId,
        firstName: 'Conrad',
        convertedToSubject: true,
        user: { username: login.username, email: 'conrad.login@export.test' },
      }),
    ]);
  });
});

describe('who may export', () => {
  it('crm_admin and crm_manager; not crm_sales nor crm_marketeer', async () => {
    for (const path of [
      `/api/crm/customers/${jane.documentId}/personal-data`,
      `/api/crm/contacts/${contacts.byEmail}/personal-data`,
    ]) {
      for (const role of ['crm_admin', 'crm_manager'])
        expect([role, (await agents[role]().get(path)).status]).toEqual([role, 200]);
      for (const role of ['crm_sales', 'crm_marketeer'])
        expect([role, (await agents[role]().get(path)).status]).toEqual([role, 403]);
    }
    const before = await app.strapi.db
      .query(AUDIT)
      .count({ where: { action: 'personal-data.export', actorName: usernames.crm_sales } });
    expect(before).toBe(0);
  });

  it('answers 404 for an unknown record, without an audit row', async () => {
    const response = await agents
      .crm_admin()
      .get('/api/crm/customers/nosuchdocument0000/personal-data');
    expectStrapiError(response, 404);
    expect(
      await app.strapi.db
        .query(AUDIT)
        .count({ where: { customerDocumentId: 'nosuchdocument0000' } })
    ).toBe(0);
  });

  it('on the admin panel: admins holding the personal-data action', async () => {
    const readOnly = await createAdmin(app, 'reader@export.test', [
      await adminRole(app, 'CRM reader', ['plugin::crm.read']),
    ]);
    const exporter = await createAdmin(app, 'exporter@export.test', [
      await adminRole(app, 'CRM exporter', ['plugin::crm.read', 'plugin::crm.personal-data']),
    ]);
    const customerPath = `/crm/customers/${jane.documentId}/personal-data`;
    const contactPath = `/crm/contacts/${contacts.byEmail}/personal-data`;
    expect((await readOnly('get', customerPath)).status).toBe(403);
    expect((await readOnly('get', contactPath)).status).toBe(403);
    const allowed = await exporter('get', customerPath);
    expect(allowed.status).toBe(200);
    expect(allowed.body.data.record.customerNumber).toBe(jane.customerNumber);
    expect(allowed.body.data.contacts).toHaveLength(2);
    expect((await exporter('get', contactPath)).status).toBe(200);
    const zip = await binary(asRoot('get', `${customerPath}?format=zip`));
    expect(zip.status).toBe(200);
    expect(Object.keys(await unzip(zip.body as Buffer))).toContain('history.csv');
    expectStrapiError(await exporter('get', `${customerPath}?format=pdf`), 400, /format/);
    const audit = await app.strapi.db.query(AUDIT).findMany({
      where: { action: 'personal-data.export', actorName: 'exporter@export.test' },
    });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorType: 'admin', outcome: 'allowed' });
  });
});
