import {
  buildCompanyIndex,
  companyKey,
  companyProbe,
  createCompanyResolver,
  customerCompanyKeys,
  resolveCompanyProbe,
  suggestionPrefixes,
  type CompanyLookups,
} from '../../../../src/plugins/crm/server/src/domain';

const customers = [
  { id: 1, type: 'business', businessName: 'ACME, Inc.', emails: ['sales@acme.example'] },
  { id: 2, type: 'business', businessName: 'Globex Corporation', emails: ['x@gmail.com'] },
  { id: 3, type: 'business', businessName: 'Café Müller GmbH', emails: ['a@cafe-mueller.example'] },
  { id: 4, type: 'individual', firstName: 'Ann', lastName: 'Lee', emails: ['ann@lee.example'] },
  { id: 5, type: 'business', businessName: 'acme', emails: ['info@acme-two.example'] },
];
const numbers: Record<number, string> = {
  1: 'C-000001',
  2: 'C-000002',
  3: 'C-000042',
  4: 'C-000004',
  5: 'C-000005',
};

/** The lookups the company keys table answers, built from the keys each customer stores. */
const lookups = (): CompanyLookups => {
  const byNumber = new Map<string, number>();
  const byKey = new Map<string, number>();
  const byDomain = new Map<string, number>();
  for (const customer of customers) {
    byNumber.set(numbers[customer.id], customer.id);
    for (const [kind, key] of customerCompanyKeys(customer)) {
      const map = kind === 'n' ? byKey : kind === 'w' ? byDomain : null;
      // The lowest id wins, as the table's MIN(customer_id).
      if (map && !map.has(key)) map.set(key, customer.id);
    }
  }
  return { byNumber, byKey, byDomain };
};

describe('customerCompanyKeys', () => {
  it('keys a business by name, word starts and company e-mail domains, and marks every customer', () => {
    expect(customerCompanyKeys(customers[0])).toEqual([
      ['#', ''],
      ['n', 'acme'],
      ['p', 'acm'],
      ['w', 'acme.example'],
    ]);
    // A free-mail address says nothing of the company.
    expect(customerCompanyKeys(customers[1]).filter(([kind]) => kind === 'w')).toEqual([]);
  });

  it('keys a person by display name only: their e-mail domain is not a company', () => {
    expect(customerCompanyKeys(customers[3])).toEqual([
      ['#', ''],
      ['n', 'ann lee'],
      ['p', 'ann'],
      ['p', 'lee'],
    ]);
    expect(customerCompanyKeys({ type: 'individual' })).toEqual([['#', '']]);
  });
});

describe('companyProbe and resolveCompanyProbe', () => {
  const rows: [string | null, string | null][] = [
    ['ACME Inc', null],
    ['acme', 'someone@cafe-mueller.example'],
    ['C-000042', null],
    ['c-2', null],
    ['C-999999', null],
    ['Cafe Muller', null],
    ['Ann Lee', null],
    ['Initech LLC', null],
    ['Initech LLC', 'bob@acme.example'],
    [null, 'bob@acme.example'],
    [null, 'ann@lee.example'],
    ['', 'bob@gmail.com'],
    ['!!!', null],
    [null, null],
  ];

  it('matches as the in-memory resolver does: number, then name, then domain', () => {
    const resolve = createCompanyResolver(
      buildCompanyIndex(
        customers.map((customer) => ({
          id: customer.id,
          documentId: String(customer.id),
          customerNumber: numbers[customer.id],
          name:
            customer.type === 'business'
              ? customer.businessName!
              : `${customer.firstName} ${customer.lastName}`,
          domains:
            customer.type === 'business'
              ? customerCompanyKeys(customer)
                  .filter(([kind]) => kind === 'w')
                  .map(([, domain]) => domain)
              : [],
        }))
      )
    );
    const found = lookups();
    for (const [company, email] of rows) {
      const expected = resolve(company, email);
      expect([company, email, resolveCompanyProbe(companyProbe(company, email), found)]).toEqual([
        company,
        email,
        {
          customerId: expected.match?.customer.id ?? null,
          companyKey: expected.match ? null : expected.key,
        },
      ]);
    }
  });

  it('tells what a row is found by', () => {
    expect(companyProbe(' C-42 ', 'Bob@Initech.Example')).toEqual({
      number: 'C-000042',
      key: 'c 42',
      domain: 'initech.example',
      group: 'c 42',
    });
    expect(companyProbe('!!!', null)).toEqual({
      number: null,
      key: null,
      domain: null,
      group: '!!!',
    });
    expect(companyProbe(null, 'x@gmail.com')).toEqual({
      number: null,
      key: null,
      domain: null,
      group: null,
    });
  });

  it('keeps the lowest id when several customers share a name key', () => {
    expect(lookups().byKey.get(companyKey('Acme'))).toBe(1);
  });
});

describe('suggestionPrefixes', () => {
  it('gives the distinct word starts of a key', () => {
    expect(suggestionPrefixes('globex corp international')).toEqual(['glo', 'cor', 'int']);
    expect(suggestionPrefixes('a b a')).toEqual(['a', 'b']);
    expect(suggestionPrefixes('')).toEqual([]);
  });
});
