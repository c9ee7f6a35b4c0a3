import { COMPANY_KEYS_TABLE } from '../../src/plugins/crm/server/src/repositories/company-keys';
import { idOf, importCsv, uploadCsv } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';

// A contacts import finds its companies through the customers' stored company keys: every write
// path keeps them, start-up writes them when they drift, and the matches are those of the rules.
const app = useTestApp();
const CUSTOMER = 'plugin::crm.customer';

const keysOf = async (documentId: string) =>
  (
    await app.strapi.db
      .connection(COMPANY_KEYS_TABLE)
      .where('customer_id', await idOf(app, CUSTOMER, documentId))
      .select('kind', 'company_key')
  )
    .map((row: { kind: string; company_key: string }) => `${row.kind}:${row.company_key}`)
    .sort();

const business = async (businessName: string, emails: string[] = []) => {
  const created = await app
    .api()
    .post('/api/crm/customers')
    .send({
      data: {
        type: 'business',
        businessName,
        emails: emails.map((address, i) => ({ type: i === 0 ? 'work' : 'personal', address })),
      },
    });
  expect([created.status, created.body.error]).toEqual([201, undefined]);
  return created.body.data as { documentId: string; customerNumber: string };
};

const companyOf = async (email: string) =>
  (
    await app.strapi.db
      .query('plugin::crm.contact')
      .findOne({ where: { email }, populate: { company: { select: ['documentId'] } } })
  )?.company?.documentId ?? null;

describe('company keys', () => {
  it('follow a customer through create, rename and delete', async () => {
    const wonka = await business('Wonka Industries GmbH', ['sales@wonka.example', 'x@gmail.com']);
    expect(await keysOf(wonka.documentId)).toEqual([
      '#:',
      'n:wonka industries',
      'p:ind',
      'p:won',
      'w:wonka.example',
    ]);
    await app
      .api()
      .put(`/api/crm/customers/${wonka.documentId}`)
      .send({ data: { businessName: 'Wonka Sweets' } })
      .expect(200);
    expect(await keysOf(wonka.documentId)).toEqual([
      '#:',
      'n:wonka sweets',
      'p:swe',
      'p:won',
      'w:wonka.example',
    ]);
    const id = await idOf(app, CUSTOMER, wonka.documentId);
    await app.api().delete(`/api/crm/customers/${wonka.documentId}`).expect(204);
    expect(
      Number(
        (await app.strapi.db
          .connection(COMPANY_KEYS_TABLE)
          .where('customer_id', id)
          .count({ n: '*' })
          .first())!.n
      )
    ).toBe(0);
  });

  it('match an import by number, name and domain, and no longer after a rename', async () => {
    const soylent = await business('Soylent Corp', ['info@soylent.example']);
    const vandelay = await business('Vandelay Industries');
    const done = await importCsv(
      app,
      [
        'First Name,Last Name,Email,Company',
        `Ann,One,ann@one.example,${vandelay.customerNumber}`,
        'Bob,Two,bob@two.example,SOYLENT',
        'Cid,Three,cid@soylent.example,',
        'Dee,Four,dee@four.example,Vandelay Industries Inc.',
      ].join('\n')
    );
    expect(done.counts).toMatchObject({ imported: 4 });
    expect(await companyOf('ann@one.example')).toBe(vandelay.documentId);
    expect(await companyOf('bob@two.example')).toBe(soylent.documentId);
    expect(await companyOf('cid@soylent.example')).toBe(soylent.documentId);
    expect(await companyOf('dee@four.example')).toBe(vandelay.documentId);

    await app
      .api()
      .put(`/api/crm/customers/${soylent.documentId}`)
      .send({ data: { businessName: 'Soylent Green' } })
      .expect(200);
    const renamed = (
      await uploadCsv(
        app.api,
        'First Name,Last Name,Email,Company\nEve,Five,eve@five.example,Soylent\n'
      ).expect(201)
    ).body.data;
    const groups = (
      await app.api().get(`/api/crm/imports/${renamed.documentId}/reference-data`).expect(200)
    ).body.data;
    // Unmatched now; its near match, by a shared word start, is the renamed customer.
    expect(groups.map((group: { key: string }) => group.key)).toEqual(['soylent']);
    expect(groups[0].suggestions[0]).toMatchObject({
      customer: soylent.documentId,
      name: 'Soylent Green',
    });
  });

  it('are written again at start-up when they do not hold exactly the customers', async () => {
    const stark = await business('Stark Enterprises');
    const keys = app.strapi.plugin('crm').service('company-keys');
    const id = await idOf(app, CUSTOMER, stark.documentId);
    await app.strapi.db.connection(COMPANY_KEYS_TABLE).where('customer_id', id).delete();
    expect(await keys.inStep()).toBe(false);
    await keys.rebuild();
    expect(await keys.inStep()).toBe(true);
    expect(await keysOf(stark.documentId)).toEqual(['#:', 'n:stark enterprises', 'p:ent', 'p:sta']);
  });
});
