import { importCsv, uploadCsv } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';

// The import judges rows by the same rules as REST, configured limits included, and answers a
// 4xx or a row-level reason for any input, never a 500.
const app = useTestApp();

describe('contact point limits', () => {
  afterEach(() => app.strapi.config.set('plugin::crm.contactPointLimits', {}));

  it('applies the configured limits to imported customers, as REST does', async () => {
    app.strapi.config.set('plugin::crm.contactPointLimits', {
      individual: { phone: 1 },
      business: { email: 1 },
    });
    const rest = await app
      .api()
      .post('/api/crm/customers')
      .send({
        data: {
          firstName: 'Rest',
          lastName: 'Twophones',
          phones: [
            { type: 'home', number: '(415) 555-0100' },
            { type: 'cell', number: '(415) 555-0101' },
          ],
        },
      });
    expect(rest.status).toBe(400);
    const csv = [
      'Type,First Name,Last Name,Company,Email,Work Email,Home Phone,Mobile',
      'individual,Two,Phones,,two@example.com,,(415) 555-0102,(415) 555-0103',
      'individual,One,Phone,,one@example.com,,(415) 555-0104,',
      'business,,,Two Mails Co,a@twomails.example,b@twomails.example,,',
    ].join('\n');
    const job = (await uploadCsv(app.api, csv, 'customers')).body.data;
    expect(job.counts).toMatchObject({ total: 3, valid: 1, invalid: 2 });
    expect(job.errors).toEqual([
      { line: 2, field: 'phones', reason: 'an individual can have at most 1 phone' },
      { line: 4, field: 'emails', reason: 'a business can have at most 1 email' },
    ]);
  });
});

describe('company names of any shape', () => {
  it.each([
    ['65 ampersands', '&'.repeat(65)],
    ['200 ampersands', '&'.repeat(200)],
    ['200 ligatures', '\uFB03'.repeat(200)],
  ])('stages and imports a company of %s', async (_case, company) => {
    const csv = `First Name,Last Name,Company\nAmp,Ersand,"${company}"\n`;
    const upload = await uploadCsv(app.api, csv);
    expect(upload.status).toBe(201);
    const groups = (
      await app.api().get(`/api/crm/imports/${upload.body.data.documentId}/reference-data`)
    ).body.data;
    expect(groups).toHaveLength(1);
    expect(groups[0].company).toBe(company);
    const done = await importCsv(app, csv);
    expect(done.counts).toMatchObject({ imported: 1, failed: 0 });
    expect(
      await app.strapi.db.query('plugin::crm.customer').count({ where: { businessName: company } })
    ).toBeGreaterThanOrEqual(1);
  });
});
