import {
  buildCompanyIndex,
  companyKey,
  customerDisplayName,
  suggestCompanies,
  suggestionPrefixes,
} from '../../src/plugins/crm/server/src/domain';
import {
  COMPANY_KEYS_TABLE,
  createCompanyKeys,
} from '../../src/plugins/crm/server/src/repositories/company-keys';
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

  it('suggest for many companies at once what each would get from its own candidates', async () => {
    for (const name of [
      'Initech',
      'Initrode Systems',
      'Intertrode',
      'Globex Corporation',
      'Global Dynamics',
      'Globo Gym',
      'Dynamic Systems',
      'Systems Initech',
    ])
      await business(name);
    const companies = [
      'Initech Inc',
      'Globex',
      'Glob Dynamics',
      'Systems Global',
      'Nothing Alike',
      '!!!',
      'Initech Inc',
    ];
    // Each company alone, as it was read before: one query per word start, then its own index.
    const knex = app.strapi.db.connection;
    const alone = async (company: string) => {
      const ids = new Set<number>();
      for (const prefix of suggestionPrefixes(companyKey(company)))
        for (const id of await knex(COMPANY_KEYS_TABLE)
          .where({ kind: 'p', company_key: prefix })
          .orderBy('customer_id')
          .limit(200)
          .pluck('customer_id'))
          ids.add(Number(id));
      if (ids.size === 0) return [];
      const rows = await knex('crm_customers')
        .whereIn('id', [...ids])
        .orderBy('id')
        .select('id', 'document_id', 'customer_number', 'type', 'business_name');
      const index = buildCompanyIndex(
        rows.map((row: Record<string, string>) => ({
          id: Number(row.id),
          documentId: row.document_id,
          customerNumber: row.customer_number,
          name: customerDisplayName({ type: row.type, businessName: row.business_name }),
        }))
      );
      return suggestCompanies(index, company, 3);
    };
    const expected = [];
    for (const company of companies) expected.push(await alone(company));
    expect(expected[0][0]).toMatchObject({ name: 'Initech', score: 1 });
    expect(expected[4]).toEqual([]);
    const keys = app.strapi.plugin('crm').service('company-keys');
    expect(await keys.suggestMany(companies, 3)).toEqual(expected);
    expect(await keys.suggestMany([], 3)).toEqual([]);

    // Each word start gives at most its limit of customers, the lowest ids, in order.
    const starts = await createCompanyKeys(app.strapi).withPrefixes(
      ['ini', 'sys', 'zzz', 'ini'],
      2
    );
    const lowest = async (prefix: string, limit: number) =>
      (
        await knex(COMPANY_KEYS_TABLE)
          .where({ kind: 'p', company_key: prefix })
          .orderBy('customer_id')
          .limit(limit)
          .pluck('customer_id')
      ).map(Number);
    expect([...starts.keys()].sort()).toEqual(['ini', 'sys']);
    expect(starts.get('ini')).toEqual(await lowest('ini', 2));
    expect(starts.get('sys')).toEqual(await lowest('sys', 2));
    expect((await lowest('ini', 10)).length).toBe(3);
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
