import { importCsv, uploadCsv, waitForImport, waitForValidation } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';

// Import modes: a file can update the records the CRM has (by a key), create the rest, and an undo
// puts every updated record back as it was, unless someone changed it since.
const app = useTestApp();

type LogRow = {
  line: number;
  status: string;
  outcome?: string;
  issues: { field: string; reason: string }[];
};

const logOf = async (documentId: string, status: string) =>
  (
    await app
      .api()
      .get(`/api/crm/imports/${documentId}/log`)
      .query({ status, pageSize: 100 })
      .expect(200)
  ).body.data as LogRow[];

const contactByEmail = async (email: string) =>
  (
    await app
      .api()
      .get('/api/crm/contacts')
      .query({ filters: { email }, populate: { company: { fields: ['documentId'] } } })
      .expect(200)
  ).body.data as Record<string, unknown>[];

const customerFull = async (documentId: string) => {
  const { body } = await app
    .api()
    .get(`/api/crm/customers/${documentId}`)
    .query({ populate: ['addresses', 'phones', 'emails'] })
    .expect(200);
  const { updatedAt: _u, ...customer } = body.data;
  const points = (list: Record<string, unknown>[]) =>
    list
      .map(({ updatedAt: _p, ...point }) => point)
      .sort((a, b) => String(a.documentId).localeCompare(String(b.documentId)));
  return {
    ...customer,
    addresses: points(customer.addresses),
    phones: points(customer.phones),
    emails: points(customer.emails),
  };
};

const withoutTimes = (record: Record<string, unknown>) => {
  const { updatedAt: _u, ...rest } = record;
  return rest;
};

/** Uploads a file and applies a mode, answering the job as the mode request does. */
const prepared = async (csv: string, mode: Record<string, unknown>, object = 'contacts') => {
  const job = (await uploadCsv(app.api, csv, object as 'contacts').expect(201)).body.data;
  if (job.stage === 'reference-data')
    await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/reference-data`)
      .send({ applyToAll: 'create' })
      .expect(200);
  const set = await app.api().put(`/api/crm/imports/${job.documentId}/mode`).send(mode);
  // A change of mode that judges rows again does so in the background: its end is awaited.
  if (set.status === 200) await waitForValidation(app.api, job.documentId);
  return { documentId: job.documentId as string, response: set };
};

const BOOK = [
  'First Name,Last Name,Email,Job Title,Company',
  'Ada,Mode,ada.mode@example.com,Engineer,Mode Works',
  'Bob,Mode,bob.mode@example.com,Sales,Mode Works',
  'Cy,Mode,cy.mode@example.com,Support,',
].join('\n');

describe('the mode of an import', () => {
  it('is create by e-mail unless told otherwise, and only keys that are mapped can be chosen', async () => {
    const { documentId, response } = await prepared(BOOK.replace(/\.mode@/g, '.keys@'), {
      mode: 'upsert',
    });
    expect(response.status).toBe(200);
    expect(response.body.data.mode).toEqual({
      mode: 'upsert',
      matchBy: ['email'],
      withinFile: 'ignore',
      emptyCells: 'keep',
      fuzzy: false,
    });
    expect(response.body.data.matchKeys).toEqual(['email']);
    const bad = await app
      .api()
      .put(`/api/crm/imports/${documentId}/mode`)
      .send({ mode: 'replace', matchBy: ['externalId', 'customerNumber'] })
      .expect(400);
    expect(bad.body.error.message).toContain('mode is one of create, update, upsert');
    const keys = await app
      .api()
      .put(`/api/crm/imports/${documentId}/mode`)
      .send({ matchBy: ['externalId', 'customerNumber'] })
      .expect(400);
    expect(keys.body.error.message).toContain('"externalId" is not mapped');
    expect(keys.body.error.message).toContain(
      '"customerNumber" is not a key contacts can be matched by'
    );
    const customers = (
      await uploadCsv(
        app.api,
        'Customer Type,Business Name\nbusiness,Keys Ltd',
        'customers'
      ).expect(201)
    ).body.data;
    expect(customers.mode.matchBy).toEqual(['customerNumber', 'email']);
    await app.api().post(`/api/crm/imports/${documentId}/start`).expect(202);
    await waitForImport(app.api, documentId);
    await app.api().put(`/api/crm/imports/${documentId}/mode`).send({ mode: 'update' }).expect(409);
  });

  it('re-imported in upsert, a file changes nothing; corrected, it updates exactly the changed rows', async () => {
    const first = await importCsv(app, BOOK, 'contacts', 'create', { mode: 'upsert' });
    expect(first.counts).toMatchObject({ imported: 3, created: 3, updated: 0, unchanged: 0 });
    const again = await importCsv(app, BOOK, 'contacts', 'create', { mode: 'upsert' });
    expect(again.counts).toMatchObject({ imported: 3, created: 0, updated: 0, unchanged: 3 });

    const before = (await contactByEmail('bob.mode@example.com'))[0];
    const corrected = [
      'First Name,Last Name,Email,Job Title,Company',
      'Ada,Mode,ada.mode@example.com,Engineer,Mode Works',
      'Bob,Mode,bob.mode@example.com,Sales Director,',
      'Cy,Mode,cy.mode@example.com,,',
      'Dee,Mode,dee.mode@example.com,Intern,',
    ].join('\n');
    const job = await importCsv(app, corrected, 'contacts', 'create', { mode: 'upsert' });
    expect(job.counts).toMatchObject({ imported: 4, created: 1, updated: 1, unchanged: 2 });
    const bob = (await contactByEmail('bob.mode@example.com'))[0];
    // The empty company cell left Bob's company; the new title is taken.
    expect(bob).toMatchObject({ jobTitle: 'Sales Director', company: before.company });
    expect((await contactByEmail('cy.mode@example.com'))[0].jobTitle).toBe('Support');
    expect((await logOf(job.documentId, 'updated')).map((row) => row.line)).toEqual([3]);
    expect((await logOf(job.documentId, 'created'))[0]).toMatchObject({
      line: 5,
      outcome: 'created',
    });
  });

  it('clears a field for an empty cell when told to', async () => {
    await importCsv(
      app,
      'First Name,Last Name,Email,Job Title\nClear,Cells,clear.cells@example.com,Buyer',
      'contacts'
    );
    const job = await importCsv(
      app,
      'First Name,Last Name,Email,Job Title\nClear,Cells,clear.cells@example.com,',
      'contacts',
      'create',
      { mode: 'update', emptyCells: 'clear' }
    );
    expect(job.counts).toMatchObject({ updated: 1 });
    expect((await contactByEmail('clear.cells@example.com'))[0].jobTitle).toBeNull();
  });

  it('in update mode, leaves out rows no record matches, and a rule an update breaks fails its row', async () => {
    await importCsv(app, 'First Name,Last Name,Email\nKnown,Person,known.person@example.com');
    const job = await importCsv(
      app,
      [
        'First Name,Last Name,Email,Mobile Phone',
        'Known,Person,known.person@example.com,',
        'Unknown,Person,unknown.person@example.com,',
      ].join('\n'),
      'contacts',
      'create',
      { mode: 'update' }
    );
    expect(job.counts).toMatchObject({ imported: 1, unchanged: 1, ignored: 1 });
    const [ignored] = await logOf(job.documentId, 'ignored');
    expect(ignored.issues).toEqual([
      { field: 'email', reason: 'no existing record matches by email' },
    ]);
    expect(await contactByEmail('unknown.person@example.com')).toHaveLength(0);

    const cleared = await importCsv(
      app,
      'First Name,Last Name,Email\nKnown,,known.person@example.com',
      'contacts',
      'create',
      { mode: 'update', emptyCells: 'clear' }
    );
    expect(cleared.counts).toMatchObject({ imported: 0, failed: 1 });
    const [failed] = await logOf(cleared.documentId, 'failed');
    expect(failed.issues[0].field).toBe('lastName');
    expect((await contactByEmail('known.person@example.com'))[0].lastName).toBe('Person');
  });

  it('takes a row without a required field to update the record it matches, never to create one', async () => {
    await importCsv(app, 'First Name,Last Name,Email\nPartial,Row,partial.row@example.com');
    const job = await importCsv(
      app,
      [
        'First Name,Last Name,Email,Job Title',
        ',,partial.row@example.com,Analyst',
        ',,nobody.partial@example.com,Analyst',
      ].join('\n'),
      'contacts',
      'create',
      { mode: 'upsert' }
    );
    expect(job.counts).toMatchObject({ updated: 1, created: 0, ignored: 1 });
    expect((await contactByEmail('partial.row@example.com'))[0]).toMatchObject({
      firstName: 'Partial',
      lastName: 'Row',
      jobTitle: 'Analyst',
    });
    const [invalid] = await logOf(job.documentId, 'invalid');
    expect(invalid).toMatchObject({ line: 3 });
    expect(invalid.issues.map((issue) => issue.field)).toEqual(['firstName', 'lastName']);
  });

  it('makes one record of rows sharing a key: later rows are duplicates, or merge into it in line order', async () => {
    const csv = [
      'First Name,Last Name,Email,Job Title,Mobile Phone',
      'Twin,One,twin.key@example.com,First title,',
      'Twin,One,twin.key@example.com,,+1 212 555 0199',
      'Twin,One,twin.key@example.com,Last title,',
    ].join('\n');
    const ignoring = await importCsv(app, csv, 'contacts', 'create', { mode: 'upsert' });
    expect(ignoring.counts).toMatchObject({ created: 1, ignored: 2 });
    expect(
      (await logOf(ignoring.documentId, 'ignored')).map((row) => row.issues[0].reason)
    ).toEqual(['duplicate of line 2', 'duplicate of line 2']);
    const merging = await importCsv(
      app,
      csv.replace(/twin\.key/g, 'twin.merge'),
      'contacts',
      'create',
      {
        mode: 'upsert',
        withinFile: 'merge',
      }
    );
    expect(merging.counts).toMatchObject({ created: 1, updated: 2, ignored: 0 });
    const sameId = await importCsv(
      app,
      [
        'Record ID,First Name,Last Name,Email,Job Title',
        'HS-77,Same,Id,same.id@example.com,One',
        'HS-77,Same,Id,same.id@example.com,Two',
        'HS-77,Other,Person,other.id@example.com,Three',
      ].join('\n'),
      'contacts',
      'create',
      { mode: 'upsert', withinFile: 'merge' }
    );
    // Rows merged into one record may repeat its id; another record may not take it.
    expect(sameId.counts).toMatchObject({ created: 1, updated: 1, failed: 1 });
    const [twin] = await contactByEmail('twin.merge@example.com');
    expect(twin).toMatchObject({ jobTitle: 'Last title', mobilePhone: '+12125550199' });
    expect(await contactByEmail('twin.merge@example.com')).toHaveLength(1);
  });

  it('previews what starting would do, from the records as they are', async () => {
    await importCsv(app, 'First Name,Last Name,Email,Job Title\nPre,View,pre.view@example.com,Old');
    const { documentId } = await prepared(
      [
        'First Name,Last Name,Email,Job Title',
        'Pre,View,pre.view@example.com,New',
        'Pre,Same,pre.same@example.com,Same',
        'Pre,Same,pre.same@example.com,Same',
        'Fresh,Row,fresh.row@example.com,',
      ].join('\n'),
      { mode: 'upsert' }
    );
    await importCsv(
      app,
      'First Name,Last Name,Email,Job Title\nPre,Same,pre.same@example.com,Same'
    );
    const job = (await app.api().get(`/api/crm/imports/${documentId}`).expect(200)).body.data;
    expect(job.preview).toEqual({ create: 1, update: 1, unchanged: 1, ignored: 1 });
    await app.api().post(`/api/crm/imports/${documentId}/start`).expect(202);
    const done = await waitForImport(app.api, documentId);
    expect(done.counts).toMatchObject({ created: 1, updated: 1, unchanged: 1, ignored: 1 });
    expect(done.preview).toBeNull();
  });
});

describe('the keys of an import', () => {
  it('finds contacts by external id or mobile phone, in the order asked', async () => {
    await importCsv(
      app,
      'Record ID,First Name,Last Name,Email,Mobile\nSF-1,Key,Contact,key.contact@example.com,(415) 555-0142'
    );
    const byId = await importCsv(
      app,
      'Record ID,First Name,Last Name,Email,Job Title\nSF-1,Key,Contact,moved.contact@example.com,Buyer',
      'contacts',
      'create',
      { mode: 'update', matchBy: ['externalId'] }
    );
    expect(byId.counts).toMatchObject({ updated: 1 });
    const [moved] = await contactByEmail('moved.contact@example.com');
    expect(moved).toMatchObject({ externalId: 'SF-1', jobTitle: 'Buyer' });
    const byMobile = await importCsv(
      app,
      'First Name,Last Name,Mobile,Job Title\nKey,Contact,+1 415 555 0142,Owner',
      'contacts',
      'create',
      { mode: 'update', matchBy: ['mobilePhone'] }
    );
    expect(byMobile.counts).toMatchObject({ updated: 1 });
    expect((await contactByEmail('moved.contact@example.com'))[0].jobTitle).toBe('Owner');
  });

  it('finds customers by any of their e-mails or phones', async () => {
    const { body } = await app
      .api()
      .post('/api/crm/customers')
      .send({
        data: {
          type: 'business',
          businessName: 'Keyed Traders',
          phones: [{ type: 'work', number: '+12125550150' }],
          emails: [
            { type: 'work', address: 'sales@keyed.example' },
            { type: 'personal', address: 'owner@keyed.example' },
          ],
        },
      })
      .expect(201);
    const byEmail = await importCsv(
      app,
      'Customer Type,Business Name,Email,Marital Status\nbusiness,Keyed Traders Ltd,OWNER@keyed.example,',
      'customers',
      'create',
      { mode: 'upsert', matchBy: ['email'] }
    );
    expect(byEmail.counts).toMatchObject({ updated: 1, created: 0 });
    const byPhone = await importCsv(
      app,
      'Customer Type,Business Name,Work Phone\nbusiness,Keyed Traders Group,(212) 555-0150',
      'customers',
      'create',
      { mode: 'update', matchBy: ['phone'] }
    );
    expect(byPhone.counts).toMatchObject({ updated: 1 });
    expect((await customerFull(body.data.documentId)).businessName).toBe('Keyed Traders Group');
  });

  it('moves a contact to the company of its row, and the undo moves it back', async () => {
    await importCsv(
      app,
      'First Name,Last Name,Email,Company\nMove,Company,move.company@example.com,First Employer'
    );
    const [before] = await contactByEmail('move.company@example.com');
    const job = await importCsv(
      app,
      'First Name,Last Name,Email,Company\nMove,Company,move.company@example.com,Second Employer',
      'contacts',
      'create',
      { mode: 'update' }
    );
    expect(job.counts).toMatchObject({ updated: 1 });
    const [moved] = await contactByEmail('move.company@example.com');
    expect(moved.company).not.toEqual(before.company);
    const undone = (await app.api().post(`/api/crm/imports/${job.documentId}/undo`).expect(200))
      .body.data;
    // The company the import created for "Second Employer" goes too, once nobody is left on it.
    expect(undone.undo).toMatchObject({ restored: 1, deleted: 1, keptCount: 0 });
    expect(withoutTimes((await contactByEmail('move.company@example.com'))[0])).toEqual(
      withoutTimes(before)
    );
  });
});

describe('undoing an import that updated records', () => {
  it('restores every updated customer exactly, and deletes only what the import created', async () => {
    const { body } = await app
      .api()
      .post('/api/crm/customers')
      .send({
        data: {
          type: 'individual',
          firstName: 'Rita',
          lastName: 'Restore',
          gender: 'female',
          phones: [{ type: 'home', number: '+12125550101' }],
          emails: [{ type: 'personal', address: 'rita.restore@example.com' }],
        },
      })
      .expect(201);
    const rita = body.data;
    const before = await customerFull(rita.documentId);
    const job = await importCsv(
      app,
      [
        'Customer Number,Customer Type,First Name,Last Name,Home Phone,Work Phone,Email',
        `${rita.customerNumber},individual,Rita,Restored,+1 212 555 0102,+1 212 555 0103,`,
        ',individual,New,Person,,,new.person.restore@example.com',
      ].join('\n'),
      'customers',
      'create',
      { mode: 'upsert' }
    );
    expect(job.counts).toMatchObject({ created: 1, updated: 1 });
    const changed = await customerFull(rita.documentId);
    expect(changed.lastName).toBe('Restored');
    expect(changed.phones.map((phone: { number: string }) => phone.number).sort()).toEqual([
      '+12125550102',
      '+12125550103',
    ]);
    const undone = (await app.api().post(`/api/crm/imports/${job.documentId}/undo`).expect(200))
      .body.data;
    expect(undone.undo).toMatchObject({ deleted: 1, restored: 1, kept: [] });
    expect(await customerFull(rita.documentId)).toEqual(before);
  });

  it('leaves a record changed since the import as it is, naming the fields', async () => {
    await importCsv(
      app,
      'First Name,Last Name,Email,Job Title\nKeep,Mine,keep.mine@example.com,Old\nPut,Back,put.back@example.com,Old'
    );
    const before = withoutTimes((await contactByEmail('put.back@example.com'))[0]);
    const job = await importCsv(
      app,
      'First Name,Last Name,Email,Job Title\nKeep,Mine,keep.mine@example.com,New\nPut,Back,put.back@example.com,New',
      'contacts',
      'create',
      { mode: 'update' }
    );
    // Both rows updated their record: what the undo below sets back.
    expect(job.counts).toMatchObject({ imported: 2, created: 0, updated: 2 });
    const [mine] = await contactByEmail('keep.mine@example.com');
    await app
      .api()
      .put(`/api/crm/contacts/${mine.documentId}`)
      .send({ data: { jobTitle: 'Mine now' } })
      .expect(200);
    const undone = (await app.api().post(`/api/crm/imports/${job.documentId}/undo`).expect(200))
      .body.data;
    expect(undone.undo).toMatchObject({ deleted: 0, restored: 1, keptCount: 1 });
    expect(undone.undo.kept[0]).toMatchObject({
      documentId: mine.documentId,
      fields: ['jobTitle'],
      reason: 'changed since the import, left as is (jobTitle)',
    });
    expect((await contactByEmail('keep.mine@example.com'))[0].jobTitle).toBe('Mine now');
    expect(withoutTimes((await contactByEmail('put.back@example.com'))[0])).toEqual(before);
  });
});

describe('imports upserting the same keys at once', () => {
  it('never make two records for one key', async () => {
    const csv = [
      'First Name,Last Name,Email,Job Title',
      ...Array.from({ length: 30 }, (_, i) => `Race,Upsert${i},race.upsert.${i}@example.com,Title`),
    ].join('\n');
    const jobs = await Promise.all(
      [1, 2].map(async () => (await prepared(csv, { mode: 'upsert' })).documentId)
    );
    await Promise.all(
      jobs.map((documentId) => app.api().post(`/api/crm/imports/${documentId}/start`).expect(202))
    );
    const done = await Promise.all(jobs.map((documentId) => waitForImport(app.api, documentId)));
    const sum = (count: string) => done.reduce((total, job) => total + (job.counts[count] ?? 0), 0);
    expect(sum('created')).toBe(30);
    expect(sum('unchanged')).toBe(30);
    expect(
      await app.strapi.db
        .query('plugin::crm.contact')
        .count({ where: { email: { $startsWith: 'race.upsert.' } } })
    ).toBe(30);
  });
});
