import { createMatchKeys } from '../../src/plugins/crm/server/src/repositories/match-keys';
import { createScanCandidates } from '../../src/plugins/crm/server/src/repositories/scan-candidates';
import { importCsv } from '../helpers/imports';
import { useTestApp } from '../helpers/strapi';
import { loginAs } from '../helpers/users';

// Possible duplicates: of a stored record, of one about to be created, in the answers of creates
// and updates, and a create refused when the plugin is set to block likely duplicates.
const app = useTestApp();

type Candidate = {
  customer?: { documentId: string; customerNumber: string | null; type: string; name: string };
  contact?: { documentId: string; name: string };
  score: number;
  reasons: string[];
};

const createCustomer = async (data: Record<string, unknown>, query = '') => {
  const response = await app
    .api()
    .post(`/api/crm/customers${query}`)
    .send({ data: { type: 'individual', ...data } });
  return response;
};

const duplicatesOf = async (path: 'customers' | 'contacts', documentId: string) =>
  (await app.api().get(`/api/crm/${path}/${documentId}/duplicates`).expect(200)).body
    .data as Candidate[];

describe('duplicate customers', () => {
  it('finds a person by a shared e-mail and a nickname, and names why', async () => {
    const robert = (
      await createCustomer({
        firstName: 'Robert',
        lastName: 'Duplicate',
        emails: [{ type: 'personal', address: 'robert.duplicate@example.com' }],
      }).then((response) => response.body)
    ).data;
    const bob = await createCustomer({
      firstName: 'Bob',
      lastName: 'Duplicate',
      emails: [{ type: 'work', address: 'Robert.Duplicate@example.com' }],
    });
    expect(bob.status).toBe(201);
    expect(bob.body.meta.possibleDuplicates[0]).toMatchObject({
      customer: { documentId: robert.documentId, name: 'Robert Duplicate', type: 'individual' },
    });
    const [found] = await duplicatesOf('customers', bob.body.data.documentId);
    expect(found.customer?.documentId).toBe(robert.documentId);
    expect(found.score).toBeGreaterThanOrEqual(0.8);
    expect(found.reasons).toEqual(expect.arrayContaining(['email']));
  });

  it('does not call two people alike for a common name alone', async () => {
    await createCustomer({
      firstName: 'John',
      lastName: 'Commonname',
      dateOfBirth: '1970-03-01',
      phones: [{ type: 'home', number: '+12125550181' }],
    }).then((response) => expect(response.status).toBe(201));
    const other = await createCustomer({
      firstName: 'John',
      lastName: 'Commonname',
      dateOfBirth: '1988-11-23',
      phones: [{ type: 'home', number: '+13105550182' }],
    });
    expect(other.body.meta.possibleDuplicates).toEqual([]);
    expect(await duplicatesOf('customers', other.body.data.documentId)).toEqual([]);
  });

  it('checks a record before it is made: a phone written another way, an SSN by its hash', async () => {
    const stored = (
      await createCustomer({
        firstName: 'Check',
        lastName: 'Beforehand',
        ssn: '123-45-6789',
        phones: [{ type: 'cell', number: '+12125550177' }],
      })
    ).body.data;
    const { body } = await app
      .api()
      .post('/api/crm/customers/duplicate-check')
      .send({
        data: {
          type: 'individual',
          firstName: 'Chek',
          lastName: 'Beforehand',
          ssn: '123456789',
          phones: [{ type: 'home', number: '(212) 555-0177' }],
        },
      })
      .expect(200);
    expect(body.data[0]).toMatchObject({ customer: { documentId: stored.documentId } });
    expect(body.data[0].reasons).toEqual(expect.arrayContaining(['phone', 'ssn']));
    await app
      .api()
      .post('/api/crm/customers/duplicate-check')
      .send({ data: 'nothing' })
      .expect(400);
  });

  it('finds a business under another spelling of its name and its e-mail domain', async () => {
    const acme = (
      await createCustomer({
        type: 'business',
        businessName: 'ACME Corp.',
        emails: [{ type: 'work', address: 'sales@acme-dup.example' }],
      })
    ).body.data;
    const { body } = await app
      .api()
      .post('/api/crm/customers/duplicate-check')
      .send({
        data: {
          type: 'business',
          businessName: 'Acme Corporation',
          emails: [{ type: 'work', address: 'info@acme-dup.example' }],
        },
      })
      .expect(200);
    expect(body.data.map((candidate: Candidate) => candidate.customer?.documentId)).toContain(
      acme.documentId
    );
  });

  it('refuses a likely duplicate when set to block, unless the request allows it', async () => {
    const config = app.strapi.config.get('plugin::crm') as Record<string, unknown>;
    const before = config.duplicates;
    app.strapi.config.set('plugin::crm', { ...config, duplicates: { onCreate: 'block' } });
    try {
      const data = {
        firstName: 'Blocked',
        lastName: 'Twice',
        emails: [{ type: 'personal', address: 'blocked.twice@example.com' }],
      };
      await createCustomer(data).then((response) => expect(response.status).toBe(201));
      const refused = await createCustomer(data);
      expect(refused.status).toBe(409);
      expect(refused.body.error.details.duplicates[0].customer.name).toBe('Blocked Twice');
      const allowed = await createCustomer(data, '?allowDuplicate=true');
      expect(allowed.status).toBe(201);
      // The refused create made nothing: one record to warn of.
      expect(allowed.body.meta.possibleDuplicates).toHaveLength(1);
    } finally {
      app.strapi.config.set('plugin::crm', { ...config, duplicates: before });
    }
  });

  it('is answered to every CRM reader', async () => {
    const sales = await loginAs(app, 'crm_sales');
    const { body } = await createCustomer({ firstName: 'Read', lastName: 'Only' });
    await sales.agent().get(`/api/crm/customers/${body.data.documentId}/duplicates`).expect(200);
    await sales
      .agent()
      .post('/api/crm/customers/duplicate-check')
      .send({ data: { firstName: 'Read', lastName: 'Only' } })
      .expect(200);
    await app.api().get('/api/crm/customers/nobody-here/duplicates').expect(404);
  });
});

describe('duplicate contacts', () => {
  it('finds a contact by its second e-mail, made through REST or an import', async () => {
    const first = (
      await app
        .api()
        .post('/api/crm/contacts')
        .send({
          data: {
            firstName: 'Liz',
            lastName: 'Contactdup',
            email: 'liz.work@example.com',
            email2: 'liz.home@example.com',
          },
        })
        .expect(201)
    ).body.data;
    await importCsv(
      app,
      'First Name,Last Name,Email\nElizabeth,Contactdup,liz.home.imported@example.com\nElizabeth,Contactdup,LIZ.HOME@example.com'
    );
    const [imported] = (
      await app
        .api()
        .get('/api/crm/contacts')
        .query({ filters: { email: 'liz.home.imported@example.com' } })
        .expect(200)
    ).body.data;
    const { body } = await app
      .api()
      .post('/api/crm/contacts/duplicate-check')
      .send({
        data: { firstName: 'Elizabeth', lastName: 'Contactdup', email: 'liz.home@example.com' },
      })
      .expect(200);
    expect(body.data[0]).toMatchObject({ contact: { documentId: first.documentId } });
    // The import wrote the keys of the contacts it made.
    const again = await app
      .api()
      .post('/api/crm/contacts/duplicate-check')
      .send({
        data: { firstName: 'Beth', lastName: 'Contactdup', email: 'liz.home.imported@example.com' },
      })
      .expect(200);
    expect(again.body.data[0]).toMatchObject({ contact: { documentId: imported.documentId } });
    // A name alone is no duplicate.
    expect(await duplicatesOf('contacts', imported.documentId)).toEqual([]);
  });
});

describe('a duplicate scan', () => {
  it('groups every customer that matches another into clusters, best first', async () => {
    const made: string[] = [];
    for (const [first, email] of [
      ['Margaret', 'peggy.scan@example.com'],
      ['Peggy', 'PEGGY.scan@example.com'],
      ['Maggie', 'peggy.scan@example.com'],
    ])
      made.push(
        (
          await createCustomer({
            firstName: first,
            lastName: 'Scanner',
            emails: [{ type: 'personal', address: email }],
          })
        ).body.data.documentId
      );
    const manager = await loginAs(app, 'crm_manager');
    const started = await manager
      .agent()
      .post('/api/crm/duplicate-scans')
      .send({ object: 'customers' })
      .expect(202);
    let scan = started.body.data;
    for (let i = 0; i < 200 && scan.stage === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      scan = (
        await manager
          .agent()
          .get(`/api/crm/duplicate-scans/${scan.documentId}`)
          .query({ pageSize: 100 })
          .expect(200)
      ).body.data;
    }
    expect(scan.stage).toBe('done');
    const cluster = scan.clusters.find((candidate: { records: { documentId: string }[] }) =>
      candidate.records.some((record) => record.documentId === made[0])
    );
    expect(
      cluster.records.map((record: { documentId: string }) => record.documentId).sort()
    ).toEqual([...made].sort());
    expect(cluster.pairs[0].reasons).toContain('email');
    const sales = await loginAs(app, 'crm_sales');
    await sales.agent().post('/api/crm/duplicate-scans').send({ object: 'customers' }).expect(403);
    await manager.agent().post('/api/crm/duplicate-scans').send({ object: 'leads' }).expect(400);
  });
});

describe('the candidate pairs of a scan', () => {
  it('are the pairs sharing a decisive key or keys of two kinds, crowded keys left out', async () => {
    const knex = app.strapi.db.connection;
    const base = 9_000_000;
    const rows: [number, string][] = [
      [1, 'n:TST:AN'],
      [2, 'n:TST:AN'],
      [3, 'n:TST:AN'],
      [1, 'z:99999:T'],
      [3, 'z:99999:T'], // 1 and 3: a name and a postal code, two kinds
      [2, 'n:AN:TST'],
      [4, 'n:TST:AN'],
      [4, 'n:AN:TST'], // 2 and 4: a name straight and swapped, one kind
      [4, 'e:keyrule@example.com'],
      [5, 'e:keyrule@example.com'], // 4 and 5: an e-mail, decisive
    ];
    // 101 records in one postal code (crowded), 11 of them with a name code in common: nothing.
    for (let id = 10; id <= 110; id += 1) rows.push([id, 'z:88888:K']);
    for (let id = 10; id <= 20; id += 1) rows.push([id, 'c:KRL']);
    rows.push([10, 'g:19800101:AN'], [11, 'g:19800101:AN']); // but a decisive key pairs two
    const all = [...rows, ...[...new Set(rows.map(([id]) => id))].map((id) => [id, '#'] as const)];
    await knex('crm_match_keys').insert(
      all.map(([id, key]) => ({ kind: 'contact', record_id: base + id, match_key: key }))
    );
    try {
      const candidates = createScanCandidates(app.strapi);
      const scanId = 987_654;
      expect(await candidates.countKeys(scanId, 'contact')).toBe(1);
      // Pages of a few rows: a key's holders are counted whole across page bounds.
      expect(await candidates.countKeys(scanId, 'contact', { pageRows: 7 })).toBe(1);
      const pairs = await candidates.pairs(scanId, 'contact', base + 1, base + 200);
      expect(pairs.map(({ first, second }) => [first - base, second - base])).toEqual([
        [1, 3],
        [4, 5],
        [10, 11],
      ]);
      await candidates.forget(scanId);
    } finally {
      await knex('crm_match_keys')
        .where('kind', 'contact')
        .whereBetween('record_id', [base, base + 1000])
        .delete();
    }
  });
});

describe('a fuzzy import', () => {
  it('does not create a row the matcher finds a likely record for', async () => {
    await app
      .api()
      .post('/api/crm/contacts')
      .send({
        data: {
          firstName: 'William',
          lastName: 'Fuzzyrow',
          mobilePhone: '+12125550166',
          email: 'bill.fuzzy@example.com',
        },
      })
      .expect(201);
    const job = await importCsv(
      app,
      'First Name,Last Name,Email,Mobile\nBill,Fuzzyrow,william.fuzzyrow@example.com,(212) 555-0166',
      'contacts',
      'create',
      { fuzzy: true }
    );
    expect(job.counts).toMatchObject({ imported: 0, ignored: 1 });
    const log = (await app.api().get(`/api/crm/imports/${job.documentId}/log`).expect(200)).body
      .data;
    expect(log[0].issues[0].reason).toMatch(/^likely duplicate of contact \w+ \(score/);
  });
});

const keyIndexes = async (): Promise<string[]> => {
  const knex = app.strapi.db.connection;
  const rows =
    app.strapi.db.dialect.client === 'sqlite'
      ? await knex('sqlite_master')
          .where({ type: 'index', tbl_name: 'crm_match_keys' })
          .pluck('name')
      : await knex('pg_indexes').where({ tablename: 'crm_match_keys' }).pluck('indexname');
  return (rows as string[]).sort();
};

describe('the duplicate keys', () => {
  it('are rewritten in bulk without their indexes, which come back even when the rewrite fails', async () => {
    const keys = createMatchKeys(app.strapi);
    const before = await keyIndexes();
    expect(before).toEqual(['crm_match_keys_key_idx', 'crm_match_keys_record_key_idx']);
    expect(await keys.withoutIndexes(async () => keyIndexes())).toEqual([]);
    await expect(
      keys.withoutIndexes(async () => {
        throw new Error('interrupted');
      })
    ).rejects.toThrow('interrupted');
    expect(await keyIndexes()).toEqual(before);
  });

  it('are written again for every record when they are not in step', async () => {
    const duplicates = app.strapi.plugin('crm').service('duplicates');
    await app.strapi.db.connection('crm_match_keys').where('kind', 'customer').delete();
    expect(await duplicates.inStep('customer')).toBe(false);
    await duplicates.rebuild('customer');
    expect(await duplicates.inStep('customer')).toBe(true);
  });
});
