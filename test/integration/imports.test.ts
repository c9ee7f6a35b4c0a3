import { waitForValidation } from '../helpers/imports';
import { startApp, type TestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/users';

let app: TestApp;
let acme: string;
beforeAll(async () => {
  app = await startApp();
  const created = await app
    .api()
    .post('/api/crm/customers')
    .send({
      data: {
        type: 'business',
        businessName: 'Acme, Inc.',
        emails: [{ type: 'work', address: 'hello@acme.example' }],
      },
    });
  acme = created.body.data.documentId;
  await app
    .api()
    .post('/api/crm/customers')
    .send({ data: { type: 'business', businessName: 'Globex Corporation' } });
});
afterAll(async () => {
  await app.stop();
});

const upload = (csv: string | Buffer, object = 'contacts', name = 'contacts.csv') =>
  app
    .api()
    .post('/api/crm/imports')
    .field('object', object)
    .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv), name);

const CONTACTS = [
  'First Name,Surname,E-mail,Mobile,Company Name,Job Title',
  'Ada,Lovelace,ada@acme.example,(415) 555-2671,ACME Inc,CTO',
  'Bob,Builder,bob@globex.example,,Globex Corp,Engineer',
  'Cy,Unknown,cy@initech.example,,Initech LLC,Manager',
  'Dee,Unknown,dee@initech.example,,Initech,Analyst',
  'Eve,Nocompany,eve@gmail.com,,,',
  'Fay,,fay@acme.example,,Acme,',
  'Gus,Hotel,not-an-email,,Hooli,',
  'Hal,Hooli,hal@hooli.example,,Hooli,Chef',
  'Ivy,Ivanova,ivy@acme.example,,Acme Rocket Division,Pilot',
  'Jon,Jones,jon@example.org,,C-000001,Buyer',
].join('\n');

describe('stage 1: upload and parse', () => {
  it('parses the file, maps columns automatically with samples, and validates every row', async () => {
    const response = await upload(CONTACTS);
    expect(response.status).toBe(201);
    const job = response.body.data;
    expect(job).toMatchObject({
      object: 'contacts',
      fileName: 'contacts.csv',
      delimiter: ',',
      stage: 'reference-data',
    });
    expect(job.columns).toEqual([
      { header: 'First Name', field: 'firstName', samples: ['Ada', 'Bob', 'Cy'], holdsSsn: false },
      {
        header: 'Surname',
        field: 'lastName',
        samples: ['Lovelace', 'Builder', 'Unknown'],
        holdsSsn: false,
      },
      {
        header: 'E-mail',
        field: 'email',
        samples: ['ada@acme.example', 'bob@globex.example', 'cy@initech.example'],
        holdsSsn: false,
      },
      { header: 'Mobile', field: 'mobilePhone', samples: ['(415) 555-2671'], holdsSsn: false },
      {
        header: 'Company Name',
        field: 'company',
        samples: ['ACME Inc', 'Globex Corp', 'Initech LLC'],
        holdsSsn: false,
      },
      {
        header: 'Job Title',
        field: 'jobTitle',
        samples: ['CTO', 'Engineer', 'Manager'],
        holdsSsn: false,
      },
    ]);
    expect(job.fields).toEqual(
      expect.arrayContaining(['firstName', 'lastName', 'email', 'company', 'jobTitle'])
    );
    expect(job.fields).not.toContain('businessName');
    expect(job.counts).toMatchObject({ total: 10, valid: 8, invalid: 2 });
    expect(job.errors).toEqual([
      { line: 7, field: 'lastName', reason: 'a contact needs a lastName' },
      { line: 8, field: 'email', reason: 'email: not-an-email is not a valid email address' },
    ]);
    const again = await app.api().get(`/api/crm/imports/${job.documentId}`);
    expect(again.body.data).toMatchObject({ documentId: job.documentId, counts: { total: 10 } });
    const matched = await app.strapi.db
      .connection('crm_import_rows')
      .select('line', 'customer_id')
      .whereNotNull('customer_id')
      .orderBy('line');
    const acmeId = (
      await app.strapi.db.query('plugin::crm.customer').findOne({ where: { documentId: acme } })
    ).id;
    expect(
      matched
        .filter((row: any) => [2, 10, 11].includes(Number(row.line)))
        .map((row: any) => Number(row.customer_id))
    ).toEqual([acmeId, acmeId, acmeId]);
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    ['a header-only file', 'First Name,Surname\n', 'no data rows'],
    ['a row with the wrong number of columns', 'First Name,Surname\nAda,Lovelace\nBob\n', 'line 3'],
    ['an unclosed quote', 'First Name,Surname\n"Ada,Lovelace\n', 'line 2'],
  ])('refuses %s with a 400 naming the problem, keeping nothing', async (_case, csv, message) => {
    const before = await app.strapi.db.query('plugin::crm.import-job').count();
    const response = await upload(csv);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
    expect(await app.strapi.db.query('plugin::crm.import-job').count()).toBe(before);
  });

  it('judges a large file (in a worker thread, past 1 MB) exactly as the same rows in a small one', async () => {
    const [header, ...rows] = CONTACTS.split('\n');
    const copies = 2600; // ≈1.15 MB
    const response = await upload(
      [header, ...Array.from({ length: copies }, () => rows).flat()].join('\n'),
      'contacts',
      'large.csv'
    );
    expect(response.status).toBe(201);
    const job = response.body.data;
    expect(job.counts).toMatchObject({
      total: 10 * copies,
      valid: 8 * copies,
      invalid: 2 * copies,
    });
    expect(job.errors.slice(0, 4)).toEqual([
      { line: 7, field: 'lastName', reason: 'a contact needs a lastName' },
      { line: 8, field: 'email', reason: 'email: not-an-email is not a valid email address' },
      { line: 17, field: 'lastName', reason: 'a contact needs a lastName' },
      { line: 18, field: 'email', reason: 'email: not-an-email is not a valid email address' },
    ]);
    const groups = (await app.api().get(`/api/crm/imports/${job.documentId}/reference-data`)).body
      .data;
    expect(groups.map((group: any) => [group.key, group.rows])).toEqual([
      ['hooli', copies],
      ['initech', 2 * copies],
    ]);
    const jobId = (
      await app.strapi.db
        .query('plugin::crm.import-job')
        .findOne({ where: { documentId: job.documentId } })
    ).id;
    const matched = await app.strapi.db
      .connection('crm_import_rows')
      .where({ job_id: jobId })
      .whereNotNull('customer_id')
      .count({ n: '*' })
      .first();
    expect(Number(matched?.n)).toBe(4 * copies); // Ada, Bob, Ivy (by domain) and Jon (by number) on every copy
    const [ada] = await app.strapi.db
      .connection('crm_import_rows')
      .where({ job_id: jobId, line: 10 * (copies - 1) + 2 });
    expect(JSON.parse(ada.data).contact).toMatchObject({
      firstName: 'Ada',
      mobilePhone: '+14155552671',
    });

    // Row by row, the first copy is staged exactly as the same rows uploaded as a small file.
    const small = (await upload(CONTACTS)).body.data;
    const smallId = (
      await app.strapi.db
        .query('plugin::crm.import-job')
        .findOne({ where: { documentId: small.documentId } })
    ).id;
    const staged = async (id: number) =>
      app.strapi.db
        .connection('crm_import_rows')
        .where({ job_id: id })
        .andWhere('line', '<=', 11)
        .orderBy('line')
        .select('line', 'cells', 'status', 'reason', 'data', 'company_key', 'customer_id');
    const inSmall = await staged(smallId);
    expect(inSmall).toHaveLength(10);
    expect(await staged(jobId)).toEqual(inSmall);
  });

  it('refuses binary data, a missing file and an unknown object', async () => {
    expect(
      (await upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0xff]), 'contacts', 'book.xlsx'))
        .body.error.message
    ).toMatch('the file is a zip archive');
    expect((await app.api().post('/api/crm/imports').field('object', 'contacts')).status).toBe(400);
    expect((await upload(CONTACTS, 'planets')).status).toBe(400);
  });

  it('keeps duplicate headers apart and formula cells as text', async () => {
    const response = await upload(
      'First Name,Surname,Email,Email\n=cmd|calc,Smith,a@x.example,b@x.example\n'
    );
    expect(response.status).toBe(201);
    expect(response.body.data.columns.map((column: any) => [column.header, column.field])).toEqual([
      ['First Name', 'firstName'],
      ['Surname', 'lastName'],
      ['Email', 'email'],
      ['Email (2)', null],
    ]);
  });
});

describe('stage 2 and 3: mapping and validation', () => {
  it('revalidates with a changed mapping and refuses unknown targets', async () => {
    const job = (await upload(CONTACTS)).body.data;
    const remapped = await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mapping`)
      .send({ mapping: { 'Job Title': 'lastName', Surname: null } });
    expect(remapped.status).toBe(200);
    // Answered at once: the rows are validated again in the background.
    expect(remapped.body.data).toMatchObject({
      stage: 'validating',
      columns: expect.arrayContaining([
        expect.objectContaining({ header: 'Job Title', field: 'lastName' }),
      ]),
    });
    const validated = await waitForValidation(app.api, job.documentId);
    expect(validated.counts).toMatchObject({ valid: 7, invalid: 3 });
    expect(validated.progress).toEqual({ done: 0, total: 10 });
    const unknownField = await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mapping`)
      .send({ mapping: { Mobile: 'shoeSize' } });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.error.message).toMatch('"shoeSize" is not a field of contacts');
    const unknownColumn = await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mapping`)
      .send({ mapping: { Fax: 'workPhone' } });
    expect(unknownColumn.body.error.message).toMatch('no column "Fax"');
    const twice = await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mapping`)
      .send({ mapping: { Mobile: 'firstName' } });
    expect(twice.body.error.message).toMatch('"firstName" is mapped from two columns');
    expect(
      (
        await app
          .api()
          .put('/api/crm/imports/nosuchimport000000000000/mapping')
          .send({ mapping: {} })
      ).status
    ).toBe(404);
  });
});

describe('stage 4: reference data', () => {
  it('matches companies by name, number and email domain, and groups the rest with suggestions', async () => {
    const job = (await upload(CONTACTS)).body.data;
    const response = await app.api().get(`/api/crm/imports/${job.documentId}/reference-data`);
    expect(response.status).toBe(200);
    expect(response.body.data.map((group: any) => [group.key, group.rows, group.decision])).toEqual(
      [
        ['hooli', 1, null],
        ['initech', 2, null],
      ]
    );
    const initech = response.body.data.find((group: any) => group.key === 'initech');
    expect(initech.company).toBe('Initech LLC'); // as its first row spells it
    const globexSuggestion = (
      await upload('First Name,Surname,Company\nZed,Zulu,Globex International\n')
    ).body.data;
    const suggestions = (
      await app.api().get(`/api/crm/imports/${globexSuggestion.documentId}/reference-data`)
    ).body.data[0].suggestions;
    expect(suggestions[0]).toMatchObject({ name: 'Globex Corporation', score: expect.any(Number) });
  });

  it('records create, link and skip, applies one choice to the rest, and refuses unknown customers', async () => {
    const job = (await upload(CONTACTS)).body.data;
    const url = `/api/crm/imports/${job.documentId}/reference-data`;
    const unknownCustomer = await app
      .api()
      .put(url)
      .send({
        decisions: [{ key: 'initech', action: 'link', customer: 'nosuchcustomer0000000000' }],
      });
    expect(unknownCustomer.status).toBe(400);
    expect(unknownCustomer.body.error.message).toMatch('link needs an existing customer');
    const unknownKey = await app
      .api()
      .put(url)
      .send({ decisions: [{ key: 'umbrella', action: 'skip' }] });
    expect(unknownKey.body.error.message).toMatch('no unmatched company "umbrella"');

    const linked = await app
      .api()
      .put(url)
      .send({ decisions: [{ key: 'initech', action: 'link', customer: acme }] });
    expect(linked.status).toBe(200);
    expect(linked.body.data.find((group: any) => group.key === 'initech').decision).toEqual({
      action: 'link',
      customer: acme,
    });
    expect((await app.api().get(`/api/crm/imports/${job.documentId}`)).body.data.stage).toBe(
      'reference-data'
    );

    const all = await app.api().put(url).send({ applyToAll: 'skip' });
    expect(all.body.data.map((group: any) => group.decision.action)).toEqual(['skip', 'link']);
    expect((await app.api().get(`/api/crm/imports/${job.documentId}`)).body.data.stage).toBe(
      'ready'
    );
  });

  it('is for crm_admin and crm_manager only', async () => {
    const { agent } = await loginAs(app, 'crm_sales');
    const response = await agent()
      .post('/api/crm/imports')
      .field('object', 'contacts')
      .attach('file', Buffer.from(CONTACTS), 'c.csv');
    expect(response.status).toBe(403);
  });
});

const waitUntilFinished = async (documentId: string) => {
  for (let i = 0; i < 200; i += 1) {
    const job = (await app.api().get(`/api/crm/imports/${documentId}`)).body.data;
    if (job.stage === 'done' || job.stage === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the import did not finish');
};

describe('start, log, ignored rows and undo', () => {
  it('imports in the background, creating, linking and skipping companies as decided', async () => {
    const job = (await upload(CONTACTS)).body.data;
    expect((await app.api().post(`/api/crm/imports/${job.documentId}/start`)).status).toBe(409); // undecided companies
    await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/reference-data`)
      .send({
        decisions: [
          { key: 'initech', action: 'create' },
          { key: 'hooli', action: 'skip' },
        ],
      });
    const contactsBefore = await app.strapi.db.query('plugin::crm.contact').count();

    const started = await app.api().post(`/api/crm/imports/${job.documentId}/start`);
    expect(started.status).toBe(202);
    expect(started.body.data.stage).toBe('running');
    expect((await app.api().post(`/api/crm/imports/${job.documentId}/start`)).status).toBe(409); // once only

    const done = await waitUntilFinished(job.documentId);
    expect(done.counts).toMatchObject({ total: 10, imported: 7, ignored: 3, failed: 0 });
    expect(done.progress).toEqual({ done: 10, total: 10 });
    expect(await app.strapi.db.query('plugin::crm.contact').count()).toBe(contactsBefore + 7);

    const initech = await app.strapi.db
      .query('plugin::crm.customer')
      .findOne({ where: { businessName: 'Initech LLC' } });
    expect(initech).toMatchObject({
      type: 'business',
      customerNumber: expect.stringMatching(/^C-/),
    });
    const cy = await app.strapi.db
      .query('plugin::crm.contact')
      .findOne({ where: { firstName: 'Cy' }, populate: ['company'] });
    expect(cy.company.id).toBe(initech.id);
    const ada = await app.strapi.db
      .query('plugin::crm.contact')
      .findOne({ where: { firstName: 'Ada' }, populate: ['company'] });
    expect(ada).toMatchObject({ mobilePhone: '+14155552671', company: { documentId: acme } });
    expect(
      await app.strapi.db.query('plugin::crm.contact').count({ where: { lastName: 'Hooli' } })
    ).toBe(0);

    const ignored = await app.api().get(`/api/crm/imports/${job.documentId}/ignored`);
    expect(ignored.status).toBe(200);
    expect(ignored.headers['content-type']).toMatch('text/csv');
    const lines = ignored.text.trim().split('\r\n');
    expect(lines[0]).toBe('First Name,Surname,E-mail,Mobile,Company Name,Job Title,reason');
    expect(lines.slice(1)).toEqual([
      'Fay,,fay@acme.example,,Acme,,line 7: a contact needs a lastName',
      'Gus,Hotel,not-an-email,,Hooli,,line 8: email: not-an-email is not a valid email address',
      'Hal,Hooli,hal@hooli.example,,Hooli,Chef,line 9: company skipped at reference data',
    ]);

    const log = await app
      .api()
      .get(`/api/crm/imports/${job.documentId}/log`)
      .query({ pageSize: 2 });
    expect(log.status).toBe(200);
    expect(log.body.meta.pagination).toEqual({ page: 1, pageSize: 2, total: 3, pageCount: 2 });
    expect(log.body.data).toEqual([
      expect.objectContaining({
        line: 7,
        status: 'invalid',
        issues: [{ field: 'lastName', reason: 'a contact needs a lastName' }],
      }),
      expect.objectContaining({
        line: 8,
        status: 'invalid',
        cells: expect.objectContaining({ 'E-mail': 'not-an-email' }),
      }),
    ]);
    const skippedPage = await app
      .api()
      .get(`/api/crm/imports/${job.documentId}/log`)
      .query({ pageSize: 2, page: 2 });
    expect(skippedPage.body.data).toEqual([
      {
        line: 9,
        status: 'ignored',
        cells: expect.objectContaining({ 'First Name': 'Hal' }),
        issues: [{ field: 'company', reason: 'company skipped at reference data' }],
      },
    ]);
    const imported = await app
      .api()
      .get(`/api/crm/imports/${job.documentId}/log`)
      .query({ status: 'imported' });
    expect(imported.body.data.map((row: any) => row.line)).toEqual([2, 3, 4, 5, 6, 10, 11]);
    expect(
      (await app.api().get(`/api/crm/imports/${job.documentId}/log`).query({ status: 'lost' }))
        .status
    ).toBe(400);
    expect((await app.api().get('/api/crm/imports/nosuchimport000000000000/log')).status).toBe(404);

    const undone = await app.api().post(`/api/crm/imports/${job.documentId}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body.data.stage).toBe('undone');
    expect(await app.strapi.db.query('plugin::crm.contact').count()).toBe(contactsBefore);
    expect(
      await app.strapi.db
        .query('plugin::crm.customer')
        .count({ where: { businessName: 'Initech LLC' } })
    ).toBe(0);
    expect((await app.api().post(`/api/crm/imports/${job.documentId}/undo`)).status).toBe(409);
  });

  it('fails, with the reason, the rows whose linked company was deleted after the decision', async () => {
    const csv = [
      'First Name,Last Name,Company',
      'Ann,Able,Vanishing Ltd',
      'Ben,Baker,Vanishing',
    ].join('\n');
    const target = (
      await app
        .api()
        .post('/api/crm/customers')
        .send({ data: { type: 'business', businessName: 'Short-lived Co' } })
    ).body.data;
    const job = (await upload(csv)).body.data;
    await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/reference-data`)
      .send({ decisions: [{ key: 'vanishing', action: 'link', customer: target.documentId }] })
      .expect(200);
    await app.api().delete(`/api/crm/customers/${target.documentId}`).expect(204);

    await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
    const done = await waitUntilFinished(job.documentId);
    expect(done.counts).toMatchObject({ total: 2, imported: 0, failed: 2 });
    const ignored = await app.api().get(`/api/crm/imports/${job.documentId}/ignored`);
    expect(ignored.text).toContain('line 2: the customer chosen for this company no longer exists');
  });

  it('imports customers with their contact points, and undoes them', async () => {
    const csv = [
      'Type,First Name,Last Name,Company,Email,Mobile,Address,City,Country',
      'individual,Kim,Kale,,kim@example.com,(415) 555-2671,1 Elm St,Boston,US',
      'business,,,=Formula Corp,ceo@formula.example,,9 Dock Rd,Austin,us',
      'individual,Lou,,,lou@example.com,,,,',
    ].join('\n');
    const job = (await upload(csv, 'customers', 'customers.csv')).body.data;
    expect(job.columns.map((column: any) => column.field)).toEqual([
      'type',
      'firstName',
      'lastName',
      'businessName',
      'email',
      'cellPhone',
      'addressLine1',
      'city',
      'country',
    ]);
    expect(job).toMatchObject({ stage: 'ready', counts: { total: 3, valid: 2, invalid: 1 } });
    const before = await app.strapi.db.query('plugin::crm.customer').count();
    await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
    const done = await waitUntilFinished(job.documentId);
    expect(done.counts).toMatchObject({ imported: 2, ignored: 1 });
    const kim = await app.strapi.db
      .query('plugin::crm.customer')
      .findOne({ where: { firstName: 'Kim' }, populate: ['phones', 'emails', 'addresses'] });
    expect(kim).toMatchObject({
      customerNumber: expect.stringMatching(/^C-/),
      phones: [{ type: 'cell', number: '+14155552671', isPrimary: true }],
      emails: [{ type: 'personal', address: 'kim@example.com', isPrimary: true }],
      addresses: [{ line1: '1 Elm St', city: 'Boston', country: 'US', isPrimary: true }],
    });
    const ignored = await app.api().get(`/api/crm/imports/${job.documentId}/ignored`);
    expect(ignored.text).toContain('Lou');
    await app.api().post(`/api/crm/imports/${job.documentId}/undo`).expect(200);
    expect(await app.strapi.db.query('plugin::crm.customer').count()).toBe(before);
    expect(
      await app.strapi.db
        .query('plugin::crm.phone')
        .count({ where: { number: '+14155552671', customer: { firstName: 'Kim' } } })
    ).toBe(0);
  });
});

describe('the command line', () => {
  it('runs the same pipeline: npm run crm:import -- <file> --object contacts --unmatched skip', async () => {
    const { execFile } = await import('node:child_process');
    const { mkdtempSync, writeFileSync, readFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'crm-cli-'));
    const file = join(dir, 'people.csv');
    writeFileSync(
      file,
      'First Name,Last Name,Company\nCli,One,Acme\nCli,Two,Nowhere Ltd\nCli,,Acme\n'
    );
    try {
      // The child reads the same DATABASE_* environment as this test's app, so it writes to its database.
      const output = await new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          ['scripts/crm-import.js', file, '--object', 'contacts', '--unmatched', 'skip'],
          { cwd: join(__dirname, '..', '..'), env: process.env, timeout: 90_000 },
          (error, stdout, stderr) =>
            error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(stdout)
        )
      );
      expect(output).toContain('3 rows read: 2 valid, 1 invalid');
      expect(output).toContain('imported 1, ignored 2, failed 0');
      expect(
        await app.strapi.db.query('plugin::crm.contact').count({ where: { firstName: 'Cli' } })
      ).toBe(1);
      expect(readFileSync(`${file}.ignored.csv`, 'utf8')).toContain(
        'company skipped at reference data'
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the admin panel', () => {
  const adminLogin = async (email: string, roleIds: number[]) => {
    await app.strapi.service('admin::user').create({
      email,
      firstname: 'Import',
      lastname: 'Admin',
      password: 'Admin-Password-1',
      isActive: true,
      registrationToken: null,
      roles: roleIds,
    });
    const { default: request } = await import('supertest');
    const login = await request(app.strapi.server.httpServer)
      .post('/admin/login')
      .send({ email, password: 'Admin-Password-1' });
    return (method: 'post' | 'get', path: string) =>
      request(app.strapi.server.httpServer)
        [method](path)
        .set('Authorization', `Bearer ${login.body.data.token}`);
  };

  it('runs imports for admins holding the import action, and refuses the others', async () => {
    const roles = app.strapi.service('admin::role');
    const importer = await roles.create({ name: 'Importer', description: 'runs CRM imports' });
    await roles.assignPermissions(importer.id, [{ action: 'plugin::crm.import' }]);
    const reader = await roles.create({ name: 'Reader only', description: 'reads CRM pages' });
    await roles.assignPermissions(reader.id, [{ action: 'plugin::crm.read' }]);

    const asImporter = await adminLogin('importer@crm.test', [importer.id]);
    const created = await asImporter('post', '/crm/imports')
      .field('object', 'contacts')
      .attach('file', Buffer.from('First Name,Last Name\nAdmin,Imported\n'), 'a.csv');
    expect(created.status).toBe(201);
    const started = await asImporter('post', `/crm/imports/${created.body.data.documentId}/start`);
    expect(started.status).toBe(202);
    expect(started.body.data.startedBy).toBe('admin:importer@crm.test');

    const asReader = await adminLogin('reader-only@crm.test', [reader.id]);
    expect(
      (
        await asReader('post', '/crm/imports')
          .field('object', 'contacts')
          .attach('file', Buffer.from('First Name,Last Name\nA,B\n'), 'b.csv')
      ).status
    ).toBe(403);
    expect((await asReader('get', `/crm/imports/${created.body.data.documentId}`)).status).toBe(
      403
    );
    expect(
      (await asImporter('get', `/crm/imports/${created.body.data.documentId}/log`)).status
    ).toBe(200);
    expect((await asReader('get', `/crm/imports/${created.body.data.documentId}/log`)).status).toBe(
      403
    );
  });
});
