import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';

import { changeAndValidate, waitForImport } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';

// Exports as the products write them (test/fixtures/imports/): each is detected, mapped by what its
// headers mean in that product, and imported with the values it holds.
const app = useTestApp();
const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', 'imports', name));

/** Uploads a fixture by its name, or bytes under a file name, with the form's fields (contacts unless `object` says). */
const upload = (
  file: string | { bytes: Buffer; name: string },
  fields: Record<string, string> = {}
) => {
  const { bytes, name } = typeof file === 'string' ? { bytes: fixture(file), name: file } : file;
  let request = app.api().post('/api/crm/imports');
  for (const [key, value] of Object.entries({ object: 'contacts', ...fields }))
    request = request.field(key, value);
  return request.attach('file', bytes, name);
};

/** Uploads a fixture, creates its unmatched companies, starts it and waits: the job, then its contacts by e-mail or name. */
const importFixture = async (name: string, fields: Record<string, string> = {}) => {
  const uploaded = await upload(name, fields);
  expect(uploaded.status).toBe(201);
  const job = uploaded.body.data;
  if (job.stage === 'reference-data')
    await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/reference-data`)
      .send({ applyToAll: 'create' })
      .expect(200);
  await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
  const done = await waitForImport(app.api, job.documentId);
  return { job, done };
};

const contactNamed = async (firstName: string, lastName: string) => {
  const found = await app
    .api()
    .get('/api/crm/contacts')
    .query({ filters: { firstName, lastName }, populate: ['company'] })
    .expect(200);
  expect(found.body.data).toHaveLength(1);
  return found.body.data[0];
};

describe('importing the files people have', () => {
  it('reads an Outlook export: BOM, quoted headers, Title as the honorific, M/D/YYYY birthdays, 0/0/00 as none', async () => {
    const { job, done } = await importFixture('outlook-contacts.csv');
    expect(job).toMatchObject({
      format: 'csv',
      encoding: 'utf-8',
      source: 'outlook',
      dateFormats: { Birthday: 'MDY' },
      counts: { total: 6, valid: 6, invalid: 0 },
    });
    const field = (header: string) =>
      job.columns.find((column: { header: string }) => column.header === header).field;
    expect(job.columns[0].header).toBe('Title');
    expect(field('Title')).toBeNull();
    expect(field('Job Title')).toBe('jobTitle');
    expect(field('E-mail Address')).toBe('email');
    expect(field('Mobile Phone')).toBe('mobilePhone');
    expect(done).toMatchObject({ stage: 'done', counts: { imported: 6 } });

    expect(await contactNamed('John', 'Carter')).toMatchObject({
      jobTitle: 'Sales Manager',
      email: 'john.carter@northwind.example',
      email2: 'jc@home.example',
      workPhone: '+14255550100',
      mobilePhone: '+14255550101',
      birthday: '1985-03-15',
      notes: 'Met at the\r\ntrade fair',
      company: { businessName: 'Northwind Traders' },
    });
    expect(await contactNamed('Anna', 'Kowalski')).toMatchObject({ birthday: null });
    expect(await contactNamed('Liam', "O'Neil")).toMatchObject({
      birthday: '1970-12-01',
      jobTitle: 'Chief Engineer',
      notes: 'Prefers "Dr."',
      company: { businessName: 'Fabrikam, Inc.' },
    });
    expect(await contactNamed('Sofia', 'Martinez')).toMatchObject({ birthday: null });
    expect(await contactNamed('Emma', 'Brown')).toMatchObject({
      birthday: '1990-07-04',
      company: null,
    });
  });

  it('reads an Outlook export as customers: each address block typed, its phones and e-mails typed', async () => {
    const uploaded = await upload('outlook-customers.csv', { object: 'customers' });
    expect(uploaded.status).toBe(201);
    const job = uploaded.body.data;
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ source: 'outlook', counts: { total: 2, valid: 2 } });
    await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
    await waitForImport(app.api, job.documentId);
    const found = await app
      .api()
      .get('/api/crm/customers')
      .query({
        filters: { lastName: 'Miller' },
        populate: ['addresses', 'phones', 'emails'],
      })
      .expect(200);
    const miller = found.body.data[0];
    expect(miller).toMatchObject({
      firstName: 'Robert',
      gender: 'male',
      dateOfBirth: '1972-02-29',
    });
    const byType = (points: { type: string }[]) =>
      Object.fromEntries(points.map((point) => [point.type, point]));
    expect(byType(miller.addresses)).toMatchObject({
      work: { line1: '500 Oracle Parkway', city: 'Redwood City', postalCode: '94065' },
      physical: { line1: '12 Elm Street', city: 'Palo Alto', postalCode: '94301' },
    });
    expect(byType(miller.phones)).toMatchObject({
      work: { number: '+16505550100' },
      home: { number: '+16505550101' },
      cell: { number: '+16505550102' },
      fax: { number: '+16505550103' },
    });
    expect(byType(miller.emails)).toMatchObject({
      personal: { address: 'robert.miller@example.com' },
      work: { address: 'bob@work.example' },
    });
    const chen = (
      await app
        .api()
        .get('/api/crm/customers')
        .query({ filters: { lastName: 'Chen' }, populate: ['addresses'] })
        .expect(200)
    ).body.data[0];
    expect(chen).toMatchObject({ gender: null, dateOfBirth: null });
    expect(chen.addresses).toMatchObject([
      { type: 'mailing', line1: 'PO Box 77', city: 'Seattle' },
    ]);
  });

  it('reads a Google Contacts export as customers: each address block typed by its label, not its number', async () => {
    const uploaded = await upload('google-customers.csv', { object: 'customers' });
    expect(uploaded.status).toBe(201);
    const job = uploaded.body.data;
    expect(job).toMatchObject({ source: 'google', counts: { total: 3, valid: 3 } });
    await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
    await waitForImport(app.api, job.documentId);
    const customer = async (lastName: string) =>
      (
        await app
          .api()
          .get('/api/crm/customers')
          .query({ filters: { lastName }, populate: ['addresses', 'phones', 'emails'] })
          .expect(200)
      ).body.data[0];
    const byType = (points: { type: string }[]) =>
      Object.fromEntries(points.map((point) => [point.type, point]));
    const hopper = await customer('Hopper');
    expect(hopper.addresses).toHaveLength(2);
    expect(byType(hopper.addresses)).toMatchObject({
      work: {
        line1: '1 Navy Yard',
        city: 'Washington',
        region: 'DC',
        postalCode: '20374',
        country: 'US',
      },
      physical: { line1: '22 Elm Street', line2: 'Apt 4', city: 'Arlington', country: 'US' },
    });
    expect(byType(hopper.phones)).toMatchObject({ cell: { number: '+12125550199' } });
    expect((await customer('García')).addresses).toMatchObject([
      { type: 'mailing', line1: 'PO Box 12', city: 'Madrid', postalCode: '28001', country: 'ES' },
    ]);
    expect((await customer('Novak')).addresses).toMatchObject([
      { type: 'physical', line1: 'Prešernova 5', city: 'Ljubljana', country: 'SI' },
    ]);
    const log = await app
      .api()
      .get(`/api/crm/imports/${job.documentId}/log`)
      .query({ status: 'imported' })
      .expect(200);
    // Lines are the file's: the quoted multi-line addresses before it push Lena's row to line 11.
    const warned = log.body.data.filter((entry: { warnings?: unknown[] }) => entry.warnings);
    expect(warned.map((entry: { line: number }) => entry.line)).toEqual([11]);
    expect(warned[0].warnings).toEqual([
      {
        field: 'addresses',
        reason: 'no address type is left for Home address Trubarjeva 9, 1000 Ljubljana',
      },
    ]);
  });

  it('reads a Google Contacts export: its e-mail and phone values, a birthday without a year as a warning', async () => {
    const { job, done } = await importFixture('google-contacts.csv');
    expect(job).toMatchObject({
      encoding: 'utf-8',
      source: 'google',
      dateFormats: { Birthday: 'YMD' },
      counts: { total: 5, valid: 5 },
    });
    const field = (header: string) =>
      job.columns.find((column: { header: string }) => column.header === header).field;
    expect(field('E-mail 1 - Value')).toBe('email');
    expect(field('E-mail 1 - Label')).toBeNull();
    expect(field('Phone 1 - Value')).not.toBeNull();
    expect(field('Phone 1 - Label')).toBeNull();
    expect(done.counts.imported).toBe(5);
    expect(await contactNamed('Zoë', 'Lefèvre')).toMatchObject({
      email: 'zoe@atelier-lumiere.example',
      mobilePhone: '+33612345678',
      birthday: '1988-06-21',
      jobTitle: 'Designer',
      company: { businessName: 'Atelier Lumière' },
    });
    expect(await contactNamed('Marco', 'Rossi')).toMatchObject({ birthday: null });
    expect(await contactNamed('Hannah', 'Schmidt')).toMatchObject({
      notes: 'Line one\nLine two, with a comma',
      email: 'hannah@example.de',
      email2: 'h.schmidt@firma.example',
      mobilePhone: '+491701111111',
      mobilePhone2: '+491702222222',
      workPhone: null,
      otherContacts: 'Mobile phone +49 170 3333333',
    });
    // Read by their labels: Kenji's first phone is his work phone, his second his mobile.
    expect(await contactNamed('Kenji', 'Sato')).toMatchObject({
      workPhone: '+81312345678',
      mobilePhone: '+819012345678',
    });
    const log = await app
      .api()
      .get(`/api/crm/imports/${job.documentId}/log`)
      .query({ status: 'imported' })
      .expect(200);
    const marco = log.body.data.find((row: { line: number }) => row.line === 3);
    expect(marco.warnings).toEqual([
      { field: 'birthday', reason: '"--03-15" has no year: birthday is left empty' },
    ]);
  });

  it('reads a Salesforce report: Title as the job title, Account Name as the company, its opt-outs', async () => {
    const { job } = await importFixture('salesforce-contacts.csv');
    expect(job).toMatchObject({ source: 'salesforce', counts: { total: 3, valid: 3 } });
    expect(await contactNamed('Tim', 'Barr')).toMatchObject({
      jobTitle: 'SVP, Procurement',
      workPhone: '+13125961000',
      mobilePhone: '+13125961563',
      doNotEmail: false,
      doNotCall: true,
      birthday: '1968-03-17',
      company: { businessName: 'Grand Hotels & Resorts Ltd' },
    });
    expect(await contactNamed('Rose', 'Gonzalez')).toMatchObject({
      doNotEmail: true,
      doNotCall: false,
    });
  });

  it('reads a HubSpot export: Phone Number as the work phone, its unsubscribed flag', async () => {
    const { job } = await importFixture('hubspot-contacts.csv');
    expect(job).toMatchObject({ source: 'hubspot', counts: { total: 2, valid: 2 } });
    expect(await contactNamed('Maria', 'Johnson')).toMatchObject({
      workPhone: '+16175550150',
      mobilePhone: '+16175550151',
      jobTitle: 'Marketing Lead',
      doNotEmail: false,
    });
    expect(await contactNamed('Brian', 'Halligan')).toMatchObject({
      workPhone: '+16175550160',
      doNotEmail: true,
    });
  });

  it("reads LinkedIn's Connections.csv after its notes, the profile URL kept", async () => {
    const { job } = await importFixture('linkedin-connections.csv');
    expect(job).toMatchObject({ source: 'linkedin', preambleLines: 3 });
    expect(job.counts.total).toBe(2);
    expect(await contactNamed('Priya', 'Raman')).toMatchObject({
      email: 'priya.raman@example.com',
      jobTitle: 'Data Scientist',
      otherContacts: 'https://www.linkedin.com/in/priya-raman',
      company: { businessName: 'Globex' },
    });
  });

  it("reads Excel's Windows-1252 CSV with German headers, D.M.YYYY dates and national numbers in the job's country", async () => {
    const { job } = await importFixture('excel-windows-1252.csv', { defaultCountry: 'DE' });
    expect(job).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      defaultCountry: 'DE',
      dateFormats: { Geburtsdatum: 'DMY' },
      counts: { total: 2, valid: 2 },
    });
    expect(await contactNamed('Jürgen', 'Weiß')).toMatchObject({
      email: 'juergen.weiss@mueller-soehne.example',
      mobilePhone: '+491711234567',
      birthday: '1980-04-03',
      notes: 'Größter Kunde – Preis 12 €',
      company: { businessName: 'Müller & Söhne GmbH' },
    });
  });

  it('reads Excel\'s "Unicode text" (UTF-16 with BOM, tabs), the day-first order told by the column', async () => {
    const { job } = await importFixture('excel-unicode-text.txt');
    expect(job).toMatchObject({
      encoding: 'utf-16le',
      delimiter: '\t',
      dateFormats: { Birthday: 'DMY' },
      counts: { total: 2, valid: 2 },
    });
    expect(await contactNamed('Élodie', 'Martin')).toMatchObject({ birthday: '1985-04-03' });
  });

  it('holds rows whose dates fit both orders until the user says which, and refuses to start meanwhile', async () => {
    const uploaded = await upload('ambiguous-dates.csv');
    expect(uploaded.status).toBe(201);
    const job = uploaded.body.data;
    expect(job).toMatchObject({
      dateFormats: { Birthday: 'ambiguous' },
      counts: { total: 2, valid: 0, pending: 2 },
    });
    const refused = await app.api().post(`/api/crm/imports/${job.documentId}/start`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('"Birthday"');
    const bad = await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/mapping`)
      .send({ dateFormats: { Birthday: 'DD/MM' } });
    expect(bad.status).toBe(400);
    const settled = await changeAndValidate(app.api, job.documentId, 'mapping', {
      dateFormats: { Birthday: 'DMY' },
    });
    expect(settled).toMatchObject({
      dateFormats: { Birthday: 'DMY' },
      counts: { total: 2, valid: 2, pending: 0 },
    });
    await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
    await waitForImport(app.api, job.documentId);
    expect(await contactNamed('Ada', 'Lovelace')).toMatchObject({ birthday: '1985-04-03' });
    expect(await contactNamed('Alan', 'Turing')).toMatchObject({ birthday: '1912-07-06' });
  });

  it('reads a workbook that stores its sheet before its shared strings, as Excel does, through HTTP', async () => {
    const path = join(tmpdir(), `crm-sheet-first-${process.pid}.xlsx`);
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const sheet = book.addWorksheet('Contacts');
    sheet.addRow(['First Name', 'Last Name', 'E-mail']).commit();
    for (let i = 0; i < 5000; i++)
      sheet.addRow([`Reader${i}`, `Streamed${i}`, `reader.${i}@example.com`]).commit();
    sheet.commit();
    await book.commit();
    try {
      const uploaded = await upload({ bytes: readFileSync(path), name: 'export.xlsx' });
      expect(uploaded.status).toBe(201);
      expect(uploaded.body.data).toMatchObject({
        format: 'xlsx',
        sheet: 'Contacts',
        counts: { total: 5000, valid: 5000 },
      });
    } finally {
      rmSync(path, { force: true });
    }
  });

  it('reads an Excel workbook: the sheet asked for, dates as dates, a phone stored as a number', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').addRow(['Exported from the sales team workbook']);
    const sheet = book.addWorksheet('Contacts');
    sheet.addRow(['First Name', 'Last Name', 'E-mail', 'Mobile', 'Birthday', 'Company']);
    sheet.addRow([
      'Grace',
      'Hopper',
      'grace.hopper@example.com',
      14155552671,
      new Date(Date.UTC(1906, 11, 9)),
      'Remington Rand',
    ]);
    sheet.addRow([]);
    sheet.addRow(['Katherine', 'Johnson', 'katherine@example.com', '', '', '']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const uploaded = await upload({ bytes, name: 'contacts.xlsx' }, { sheet: 'Contacts' });
    expect(uploaded.status).toBe(201);
    const job = uploaded.body.data;
    expect(job).toMatchObject({
      format: 'xlsx',
      encoding: null,
      sheet: 'Contacts',
      delimiter: null,
      counts: { total: 2, valid: 2 },
    });
    await app
      .api()
      .put(`/api/crm/imports/${job.documentId}/reference-data`)
      .send({ applyToAll: 'create' })
      .expect(200);
    await app.api().post(`/api/crm/imports/${job.documentId}/start`).expect(202);
    await waitForImport(app.api, job.documentId);
    expect(await contactNamed('Grace', 'Hopper')).toMatchObject({
      mobilePhone: '+14155552671',
      birthday: '1906-12-09',
      company: { businessName: 'Remington Rand' },
    });

    const truncated = await upload({
      bytes: bytes.subarray(0, Math.floor(bytes.length / 2)),
      name: 'contacts.xlsx',
    });
    expect(truncated.status).toBe(400);
    expect(truncated.body.error.message).toContain('the workbook cannot be read');
  });

  it('reads vCards of each version, one field per property, what does not fit kept among other contacts', async () => {
    const v21 = await importFixture('vcard-2.1.vcf');
    expect(v21.job).toMatchObject({
      format: 'vcard',
      source: 'vcard',
      encoding: 'utf-8',
      counts: { total: 1, valid: 1 },
    });
    const field = (job: { columns: { header: string; field: string | null }[] }, header: string) =>
      job.columns.find((column) => column.header === header)?.field;
    expect(field(v21.job, 'TEL (cell)')).toBe('mobilePhone');
    expect(field(v21.job, 'Other contacts')).toBe('otherContacts');
    expect(await contactNamed('Jörg', 'Müller')).toMatchObject({
      email: 'joerg@mueller-gmbh.example',
      email2: 'j.mueller@privat.example',
      mobilePhone: '+491711234567',
      workPhone: '+49891234560',
      birthday: '1980-04-03',
      jobTitle: 'Vertriebsleiter',
      notes: 'Grüße aus München\r\nzweite Zeile',
      otherContacts: 'home +49 89 7654321',
      company: { businessName: 'Mueller GmbH' },
    });

    const v30 = await importFixture('vcard-3.0.vcf');
    expect(v30.job.counts).toMatchObject({ total: 2, valid: 2 });
    expect(await contactNamed('Frank', 'Dawson')).toMatchObject({
      email: 'fdawson@earthlink.example',
      email2: 'frank_dawson@lotus.example',
      mobilePhone: '+19196769515',
      workPhone: '+19196769564',
      jobTitle: 'Director, Research and Development',
      birthday: '1970-08-21',
    });
    expect((await contactNamed('Frank', 'Dawson')).otherContacts).toContain(
      'fax work +1-919-676-9500'
    );
    expect(await contactNamed('Tim', 'Howes')).toMatchObject({
      mobilePhone: '+14159373419',
      mobilePhone2: '+14155550100',
      birthday: null,
      otherContacts: 'cell +1-415-555-0101',
    });

    const v40 = await importFixture('vcard-4.0.vcf');
    expect(v40.job.counts).toMatchObject({ total: 2, valid: 2 });
    expect(await contactNamed('Simon', 'Perreault')).toMatchObject({
      workPhone: '+14186569254',
      mobilePhone: '+14182626501',
      company: { businessName: 'Viagenie' },
    });
    expect(await contactNamed('Émilie', 'Côté')).toMatchObject({
      email: 'emilie.cote@viagenie.example',
      email2: 'emilie@perso.example',
    });

    const unclosed = await upload('vcard-unclosed.vcf');
    expect(unclosed.status).toBe(400);
    expect(unclosed.body.error.message).toBe(
      'line 1: the card is not closed (END:VCARD is missing)'
    );
  });

  it('refuses an unknown encoding or country on the upload, and files of other formats', async () => {
    const badEncoding = await upload('google-contacts.csv', { encoding: 'klingon' });
    expect(badEncoding.status).toBe(400);
    expect(badEncoding.body.error.message).toContain('klingon');
    const badCountry = await upload('google-contacts.csv', { defaultCountry: 'XX' });
    expect(badCountry.status).toBe(400);
    const pdf = await upload({
      bytes: Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n'),
      name: 'contacts.csv',
    });
    expect(pdf.status).toBe(400);
    expect(pdf.body.error.message).toContain('a PDF document');
    expect(pdf.body.error.message).toContain('vCards (.vcf)');

    const jobsBefore = await app.strapi.db.query('plugin::crm.import-job').count();
    const utf16 = await upload({
      bytes: Buffer.from('First Name,Last Name\r\nAda,Lovelace\r\n', 'utf16le'),
      name: 'a.csv',
    });
    expect(utf16.status).toBe(400);
    expect(utf16.body.error.message).toContain('UTF-16 text without a byte order mark');
    const garbage = await upload(
      { bytes: fixture('excel-unicode-text.txt'), name: 'unicode.txt' },
      { encoding: 'utf-8' }
    );
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.message).toContain('does not read as utf-8 text');
    // Refused before any job or staged row exists.
    expect(await app.strapi.db.query('plugin::crm.import-job').count()).toBe(jobsBefore);
  });
});
