import { importCsv, importTwiceAtOnce } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';

// A file imported again, or a file that holds one person twice, never makes a record twice.
const app = useTestApp();

type LogRow = { line: number; status: string; issues: { field: string; reason: string }[] };

const logOf = async (documentId: string) =>
  (await app.api().get(`/api/crm/imports/${documentId}/log`).query({ pageSize: 100 }).expect(200))
    .body.data as LogRow[];

const contactsWith = (email: string) =>
  app.strapi.db
    .query('plugin::crm.contact')
    .count({ where: { $or: [{ email }, { email2: email }] } });

const created = async (path: 'contacts' | 'customers', data: Record<string, unknown>) =>
  (await app.api().post(`/api/crm/${path}`).send({ data }).expect(201)).body.data as {
    documentId: string;
    customerNumber?: string;
  };

describe('importing what the CRM already has', () => {
  it('creates nothing the second time a file is imported: each row names the contact it is', async () => {
    const csv = [
      'First Name,Last Name,Email',
      'Again,One,again.one@example.com',
      'Again,Two,again.two@example.com',
    ].join('\n');
    const first = await importCsv(app, csv);
    expect(first.counts).toMatchObject({ imported: 2, ignored: 0 });
    const second = await importCsv(app, csv.replace('again.one@', 'AGAIN.ONE@'));
    expect(second.counts).toMatchObject({ total: 2, imported: 0, ignored: 2 });
    const one = (
      await app
        .api()
        .get('/api/crm/contacts')
        .query({ filters: { email: 'again.one@example.com' } })
        .expect(200)
    ).body.data[0];
    expect((await logOf(second.documentId))[0]).toMatchObject({
      line: 2,
      status: 'ignored',
      issues: [{ field: 'email', reason: `matches contact ${one.documentId} by email` }],
    });
    expect(await contactsWith('again.one@example.com')).toBe(1);
  });

  it('finds a contact by its second e-mail, and refuses to guess between two contacts', async () => {
    const home = await created('contacts', {
      firstName: 'Second',
      lastName: 'Mail',
      email: 'work.second@example.com',
      email2: 'home.second@example.com',
    });
    const other = await created('contacts', {
      firstName: 'Other',
      lastName: 'Person',
      email: 'other.person@example.com',
    });
    const job = await importCsv(
      app,
      [
        'First Name,Last Name,Email,Email 2',
        'Second,Mail,home.second@example.com,',
        'Both,People,work.second@example.com,other.person@example.com',
      ].join('\n')
    );
    expect(job.counts).toMatchObject({ imported: 0, ignored: 2 });
    const [byEmail2, ambiguous] = await logOf(job.documentId);
    expect(byEmail2.issues[0].reason).toBe(`matches contact ${home.documentId} by email`);
    expect(ambiguous).toMatchObject({ status: 'invalid' });
    expect(ambiguous.issues[0].reason).toBe(
      `matches 2 contacts by email (${[home.documentId, other.documentId].join(', ')}): make the key unique or choose another`
    );
  });

  it('makes one record of rows that share a key within the file, in this batch or an earlier one', async () => {
    const rows = Array.from({ length: 2100 }, (_, i) => `Batch,Row${i},batch.${i}@example.com`);
    rows.push('Batch,Late,BATCH.0@example.com', 'Batch,Near,batch.2099@example.com');
    const job = await importCsv(app, ['First Name,Last Name,Email', ...rows].join('\n'));
    expect(job.counts).toMatchObject({ total: 2102, imported: 2100, ignored: 2 });
    const log = (
      await app
        .api()
        .get(`/api/crm/imports/${job.documentId}/log`)
        .query({ status: 'ignored' })
        .expect(200)
    ).body.data as LogRow[];
    expect(log.map((row) => [row.line, row.issues[0].reason])).toEqual([
      [2102, 'duplicate of line 2'],
      [2103, 'duplicate of line 2101'],
    ]);
    expect(await contactsWith('batch.0@example.com')).toBe(1);
  });

  it('finds customers by the customer number the file names, then by any of their e-mails', async () => {
    const known = await created('customers', {
      firstName: 'Known',
      lastName: 'Number',
      emails: [{ type: 'personal', address: 'known.number@example.com' }],
    });
    const byMail = await created('customers', {
      firstName: 'Known',
      lastName: 'Mail',
      emails: [{ type: 'work', address: 'known.mail@example.com' }],
    });
    const job = await importCsv(
      app,
      [
        'Customer Number,First Name,Last Name,Email',
        `${known.customerNumber},Known,Number,`,
        ',Known,Mail,KNOWN.MAIL@example.com',
        'C-999999,New,Customer,new.customer@example.com',
        'not-a-number,Bad,Number,',
      ].join('\n'),
      'customers'
    );
    expect(job.counts).toMatchObject({ total: 4, imported: 1, ignored: 3 });
    // The log lists the rows that were not imported.
    const log = await logOf(job.documentId);
    expect(log.map((row) => [row.line, row.status, row.issues[0]?.reason])).toEqual([
      [2, 'ignored', `matches customer ${known.documentId} by customerNumber`],
      [3, 'ignored', `matches customer ${byMail.documentId} by email`],
      [5, 'invalid', '"not-a-number" is not a customer number (like C-000042)'],
    ]);
    // The number of a new customer is the CRM's own, never the file's.
    const fresh = (
      await app
        .api()
        .get('/api/crm/customers')
        .query({ filters: { lastName: 'Customer' } })
    ).body.data[0];
    expect(fresh.customerNumber).not.toBe('C-999999');
  });

  it('never makes two contacts of one e-mail when two imports of it run at once', async () => {
    const csv = [
      'First Name,Last Name,Email',
      ...Array.from({ length: 300 }, (_, i) => `Twin,Row${i},twin.${i}@example.com`),
    ].join('\n');
    expect(await importTwiceAtOnce(app, csv)).toMatchObject({ imported: 300, ignored: 300 });
    const stored = await app.strapi.db
      .query('plugin::crm.contact')
      .count({ where: { email: { $startsWith: 'twin.' } } });
    expect(stored).toBe(300);
  });
});
