import { importCsv, importTwiceAtOnce } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';

// A record's id in the system it came from: unique per type when set, on every write path.
const app = useTestApp();

const create = (path: 'contacts' | 'customers', data: Record<string, unknown>) =>
  app.api().post(`/api/crm/${path}`).send({ data });

const logOf = async (documentId: string, status: string) =>
  (await app.api().get(`/api/crm/imports/${documentId}/log`).query({ status }).expect(200)).body
    .data as { line: number; issues: { field: string; reason: string }[] }[];

describe('external ids', () => {
  it('are stored trimmed, filterable, cleared when blank, and refused when taken or too long', async () => {
    const first = await create('contacts', {
      firstName: 'Ext',
      lastName: 'One',
      externalId: ' HS-1001 ',
    }).expect(201);
    expect(first.body.data.externalId).toBe('HS-1001');
    const taken = await create('contacts', {
      firstName: 'Ext',
      lastName: 'Two',
      externalId: 'HS-1001',
    });
    expect(taken.status).toBe(400);
    expect(taken.body.error.details.errors[0]).toMatchObject({
      path: ['externalId'],
      rule: 'externalId.unique',
      message: `externalId "HS-1001" is already the id of contact ${first.body.data.documentId}`,
    });
    const long = await create('contacts', {
      firstName: 'Ext',
      lastName: 'Long',
      externalId: 'x'.repeat(101),
    });
    expect(long.status).toBe(400);
    expect(long.body.error.details.errors[0]).toMatchObject({
      path: ['externalId'],
      rule: 'field.maxLength',
    });

    const found = await app
      .api()
      .get('/api/crm/contacts')
      .query({ filters: { externalId: { $eq: 'HS-1001' } } })
      .expect(200);
    expect(found.body.data.map((contact: { documentId: string }) => contact.documentId)).toEqual([
      first.body.data.documentId,
    ]);

    // Its own id again is no conflict; a blank one clears it and frees it.
    const id = first.body.data.documentId;
    await app
      .api()
      .put(`/api/crm/contacts/${id}`)
      .send({ data: { externalId: 'HS-1001', jobTitle: 'Buyer' } })
      .expect(200);
    const cleared = await app
      .api()
      .put(`/api/crm/contacts/${id}`)
      .send({ data: { externalId: '  ' } })
      .expect(200);
    expect(cleared.body.data.externalId).toBeNull();
    await create('contacts', { firstName: 'Ext', lastName: 'Three', externalId: 'HS-1001' }).expect(
      201
    );
  });

  it('are unique among customers too, checked on create and on update', async () => {
    const acme = await create('customers', {
      type: 'business',
      businessName: 'Ext Acme',
      externalId: '001A',
    }).expect(201);
    const other = await create('customers', {
      type: 'business',
      businessName: 'Ext Other',
      externalId: '001B',
    }).expect(201);
    const clash = await app
      .api()
      .put(`/api/crm/customers/${other.body.data.documentId}`)
      .send({ data: { externalId: '001A' } });
    expect(clash.status).toBe(400);
    expect(clash.body.error.message).toBe(
      `externalId "001A" is already the id of customer ${acme.body.data.documentId}`
    );
    // An update that does not touch the id is not checked against it.
    await app
      .api()
      .put(`/api/crm/customers/${other.body.data.documentId}`)
      .send({ data: { businessName: 'Ext Other Ltd' } })
      .expect(200);
  });

  it('leave exactly one record of 20 concurrent creates with the same id', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        create('contacts', { firstName: 'Race', lastName: `Ext${i}`, externalId: 'RACE-1' })
      )
    );
    expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 400)).toHaveLength(19);
    const stored = await app.strapi.db
      .query('plugin::crm.contact')
      .count({ where: { externalId: 'RACE-1' } });
    expect(stored).toBe(1);
  });

  it('are imported from the file, mapped from its id column; a taken or repeated id fails its row', async () => {
    await create('contacts', { firstName: 'Held', lastName: 'Before', externalId: 'SF-2' }).expect(
      201
    );
    const job = await importCsv(
      app,
      [
        'Contact ID,First Name,Last Name,Email',
        'SF-1,Imp,One,imp.one@example.com',
        'SF-2,Imp,Two,imp.two@example.com',
        'SF-1,Imp,Again,imp.again@example.com',
        ',Imp,Blank,imp.blank@example.com',
      ].join('\n')
    );
    expect(
      job.columns.find((column: { header: string }) => column.header === 'Contact ID').field
    ).toBe('externalId');
    expect(job.counts).toMatchObject({ total: 4, imported: 2, failed: 2 });
    const failed = await logOf(job.documentId, 'failed');
    expect(failed.map((row) => [row.line, row.issues[0]])).toEqual([
      [
        3,
        {
          field: 'externalId',
          reason: expect.stringMatching(/^externalId "SF-2" is already the id of contact /),
        },
      ],
      [4, { field: 'externalId', reason: 'externalId "SF-1" is also on line 2, imported first' }],
    ]);
    const imported = await app
      .api()
      .get('/api/crm/contacts')
      .query({
        filters: { lastName: { $in: ['One', 'Blank'] }, firstName: 'Imp' },
        sort: 'lastName',
      })
      .expect(200);
    expect(
      imported.body.data.map((contact: { externalId: string | null }) => contact.externalId)
    ).toEqual([null, 'SF-1']);
  });

  it('stay unique when two imports of the same ids run at once', async () => {
    const csv = [
      'External ID,First Name,Last Name',
      ...Array.from({ length: 300 }, (_, i) => `TWIN-${i},Twin,Row${i}`),
    ].join('\n');
    expect(await importTwiceAtOnce(app, csv)).toMatchObject({ imported: 300, failed: 300 });
    const stored = await app.strapi.db
      .query('plugin::crm.contact')
      .count({ where: { externalId: { $startsWith: 'TWIN-' } } });
    expect(stored).toBe(300);
  });

  it('are imported for customers, and a second import of the same ids fails those rows', async () => {
    const csv = ['Record ID,First Name,Last Name', '9001,Cust,Imported'].join('\n');
    const first = await importCsv(app, csv, 'customers');
    expect(first.counts).toMatchObject({ imported: 1 });
    const again = await importCsv(app, csv, 'customers');
    expect(again.counts).toMatchObject({ imported: 0, failed: 1 });
  });
});
