import {
  buildCompanyIndex,
  companyDomain,
  companyKey,
  MAX_COMPANY_KEY,
  createCompanyResolver,
  matchCompany,
  nameSimilarity,
  suggestCompanies,
} from '../../../../src/plugins/crm/server/src/domain';

const customers = [
  {
    id: 1,
    documentId: 'acme',
    customerNumber: 'C-000001',
    name: 'ACME, Inc.',
    domains: ['acme.example'],
  },
  {
    id: 2,
    documentId: 'globex',
    customerNumber: 'C-000002',
    name: 'Globex Corporation',
    domains: [],
  },
  {
    id: 3,
    documentId: 'cafe',
    customerNumber: 'C-000042',
    name: 'Café Müller GmbH',
    domains: ['cafe-mueller.example'],
  },
];
const index = buildCompanyIndex(customers);

describe('companyKey', () => {
  it('ignores case, accents, punctuation and legal suffixes', () => {
    expect(companyKey('ACME, Inc.')).toBe('acme');
    expect(companyKey('acme')).toBe('acme');
    expect(companyKey('Café Müller GmbH')).toBe('cafe muller');
    expect(companyKey('Smith & Sons Co. Ltd')).toBe('smith and sons');
    expect(companyKey('Limited')).toBe('limited');
  });

  it('stays within MAX_COMPANY_KEY characters however a name expands, and keeps long names apart', () => {
    const sixtyFive = companyKey('&'.repeat(65));
    const twoHundred = companyKey('&'.repeat(200));
    for (const key of [sixtyFive, twoHundred, companyKey('\uFB03'.repeat(200))])
      expect(key.length).toBeLessThanOrEqual(MAX_COMPANY_KEY);
    expect(sixtyFive).not.toBe(twoHundred);
    expect(companyKey('&'.repeat(65))).toBe(sixtyFive);
    expect(companyKey('Smith & Sons')).toBe('smith and sons');
  });
});

describe('companyDomain', () => {
  it('gives the domain of company addresses only', () => {
    expect(companyDomain('Jane@ACME.example')).toBe('acme.example');
    expect(companyDomain('jane@gmail.com')).toBeNull();
    expect(companyDomain('not an email')).toBeNull();
    expect(companyDomain(null)).toBeNull();
  });
});

describe('matchCompany', () => {
  it('matches by customer number first', () => {
    expect(matchCompany(index, 'c-42')).toMatchObject({
      customer: { documentId: 'cafe' },
      by: 'number',
    });
    expect(matchCompany(index, 'C-000002')).toMatchObject({
      customer: { documentId: 'globex' },
      by: 'number',
    });
  });
  it('then by name', () => {
    expect(matchCompany(index, 'Acme Inc')).toMatchObject({
      customer: { documentId: 'acme' },
      by: 'name',
    });
    expect(matchCompany(index, 'cafe muller')).toMatchObject({
      customer: { documentId: 'cafe' },
      by: 'name',
    });
  });
  it('then by the email domain of a business customer', () => {
    expect(matchCompany(index, 'Acme Rocket Division', 'x@acme.example')).toMatchObject({
      customer: { documentId: 'acme' },
      by: 'domain',
    });
    expect(matchCompany(index, null, 'x@cafe-mueller.example')).toMatchObject({ by: 'domain' });
  });
  it('finds nothing for an unknown company', () => {
    expect(matchCompany(index, 'Initech', 'peter@initech.example')).toBeNull();
    expect(matchCompany(index, '', 'peter@gmail.com')).toBeNull();
  });
});

describe('createCompanyResolver', () => {
  it('resolves like matchCompany, row after row, and keys what it cannot match', () => {
    const resolve = createCompanyResolver(index);
    expect(resolve('Acme Inc', 'x@elsewhere.example')).toMatchObject({
      match: { customer: { documentId: 'acme' }, by: 'name' },
      key: 'acme',
    });
    expect(resolve('Acme Inc', null)).toMatchObject({ match: { by: 'name' } });
    expect(resolve('Acme Rocket Division', 'x@acme.example')).toMatchObject({
      match: { customer: { documentId: 'acme' }, by: 'domain' },
      key: null,
    });
    // The same spelling on a row whose email says nothing stays unmatched, grouped by its key.
    expect(resolve('Acme Rocket Division', 'y@gmail.com')).toEqual({
      match: null,
      key: 'acme rocket division',
    });
    expect(resolve('Initech LLC', null)).toEqual({ match: null, key: 'initech' });
    expect(resolve(null, 'x@cafe-mueller.example')).toMatchObject({
      match: { by: 'domain' },
      key: null,
    });
    expect(resolve(null, null)).toEqual({ match: null, key: null });
  });
});

describe('suggestions', () => {
  it('scores near names, best first, at most three', () => {
    expect(nameSimilarity('acme', 'acme')).toBe(1);
    expect(nameSimilarity('acme', 'zzzz')).toBe(0);
    const suggestions = suggestCompanies(index, 'Globex Corp International');
    expect(suggestions[0]).toMatchObject({ customer: 'globex', name: 'Globex Corporation' });
    expect(suggestions[0].score).toBeGreaterThan(0.3);
    expect(suggestCompanies(index, 'Acmee')[0].customer).toBe('acme');
    expect(suggestCompanies(index, 'Completely different')).toEqual([]);
  });

  it('scores exactly as comparing the name with every customer would', () => {
    const words = [
      'north',
      'star',
      'acme',
      'global',
      'trading',
      'blue',
      'river',
      'tech',
      'foods',
      'nord',
    ];
    const many = Array.from({ length: 300 }, (_, i) => ({
      id: i,
      documentId: `d${i}`,
      customerNumber: `C-${String(i).padStart(6, '0')}`,
      name: `${words[i % 10]} ${words[(i * 7) % 10]}${i % 3 ? ' Ltd' : ''} ${i}`,
    }));
    const big = buildCompanyIndex(many);
    for (const query of ['North Star', 'acme tech 12', 'Blue River Foods', 'globl tradng', 'x']) {
      const key = companyKey(query);
      const everyOne = many
        .map((c) => ({
          customer: c.documentId,
          name: c.name,
          score: Number(nameSimilarity(key, companyKey(c.name)).toFixed(2)),
        }))
        .filter((s) => s.score >= 0.3)
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
        .slice(0, 3);
      expect(suggestCompanies(big, query)).toEqual(everyOne);
    }
  });

  it('scores among some customers of an index as an index of only those customers would', () => {
    const words = ['north', 'star', 'acme', 'global', 'trading', 'blue', 'river', 'tech'];
    const many = Array.from({ length: 400 }, (_, i) => ({
      id: 1000 + i,
      documentId: `d${i}`,
      customerNumber: `C-${String(i).padStart(6, '0')}`,
      // Names repeat (i % 40), so equal scores and equal names are ordered as the index holds them.
      name: `${words[i % 8]} ${words[(i * 3) % 8]}${i % 40 < 20 ? ' Ltd' : ''} ${i % 40}`,
    }));
    const union = buildCompanyIndex(many);
    const restrictions = [
      many.filter((c) => c.id % 3 === 0),
      many.filter((c) => c.name.startsWith('acme') || c.name.includes(' star')),
      many.slice(350),
      [many[7]],
      [],
    ];
    for (const subset of restrictions) {
      const alone = buildCompanyIndex(subset);
      const among = new Set(subset.map((c) => c.id));
      for (const query of ['North Star', 'acme tech 12', 'Blue River', 'globl tradng', 'star 7']) {
        for (const limit of [3, 10]) {
          const expected = suggestCompanies(alone, query, limit);
          expect(suggestCompanies(union, query, limit, 0.3, among)).toEqual(expected);
        }
      }
    }
    // Ids the index does not hold are ignored; no restriction scores every customer.
    expect(suggestCompanies(union, 'acme', 3, 0.3, new Set([1, 2]))).toEqual([]);
    expect(suggestCompanies(union, 'acme', 3, 0.3)).toEqual(suggestCompanies(union, 'acme', 3));
  });
});
