import {
  blockingKeys,
  crowdedAbove,
  CROWDED_DECISIVE_KEY_HOLDERS,
  CROWDED_KEY_HOLDERS,
  isDecisiveKey,
  isStrongKey,
  sharedKeysWorthComparing,
  type MatchRecord,
  MAX_BLOCKING_KEY_LENGTH,
  MAX_BLOCKING_KEYS,
  preparedBlockingKeys,
  prepareRecord,
} from '../../../../src/plugins/crm/server/src/domain/duplicates';
import { business, person } from './match-records';

const sharedKeys = (a: MatchRecord, b: MatchRecord) => {
  const keysOfA = new Set(blockingKeys(a));
  return blockingKeys(b).filter((key) => keysOfA.has(key));
};
const kindOf = (key: string) => key.slice(0, key.indexOf(':'));

describe('sharedKeysWorthComparing', () => {
  it('takes a decisive key alone, or keys of two kinds', () => {
    expect(sharedKeysWorthComparing(['e:ann@example.com'])).toBe(true);
    expect(sharedKeysWorthComparing(['d:19800102:SMT'])).toBe(true);
    expect(sharedKeysWorthComparing(['n:SMT:JN'])).toBe(false);
    // A name straight and swapped is one piece of evidence.
    expect(sharedKeysWorthComparing(['n:SMT:JN', 'n:JN:SMT'])).toBe(false);
    expect(sharedKeysWorthComparing(['n:SMT:JN', 'z:10115:S'])).toBe(true);
    expect(sharedKeysWorthComparing([])).toBe(false);
    expect(isDecisiveKey('xc:X-1')).toBe(true);
    expect(isDecisiveKey('b:acme')).toBe(false);
  });

  it('calls a key crowded past 100 holders, a decisive one past 1,000', () => {
    expect(crowdedAbove('n:SMT:JN')).toBe(CROWDED_KEY_HOLDERS);
    expect(crowdedAbove('p:+15551234567')).toBe(CROWDED_DECISIVE_KEY_HOLDERS);
    expect([CROWDED_KEY_HOLDERS, CROWDED_DECISIVE_KEY_HOLDERS]).toEqual([100, 1000]);
  });
});

describe('blockingKeys', () => {
  it('keys contact points and identifiers, strong keys first', () => {
    const keys = blockingKeys(
      person('Bob', 'Smith', {
        emails: ['Bob.Smith+shop@gmail.com'],
        phones: ['+15551234567'],
        externalId: 'SF-1',
        ssnHash: 'k1:abc',
        dateOfBirth: '1980-01-02',
      })
    );
    expect(keys.slice(0, 4)).toEqual([
      'e:bobsmith@gmail.com',
      'p:+15551234567',
      'x:SF-1',
      's:k1:abc',
    ]);
    expect(keys.slice(0, 4).every(isStrongKey)).toBe(true);
    expect(keys.slice(4).some(isStrongKey)).toBe(false);
  });

  it('keys a contact’s family name at its company, which a common name alone is not', () => {
    const contact = (firstName: string, lastName: string, company: string): MatchRecord => ({
      type: 'contact',
      firstName,
      lastName,
      company,
      emails: [],
      phones: [],
      addresses: [],
    });
    const atAcme = sharedKeys(
      contact('John', 'Smith', 'Acme Corporation'),
      contact('Jon', 'Smyth', 'ACME Corp.')
    );
    expect(atAcme.filter((key) => kindOf(key) === 'm').length).toBeGreaterThan(0);
    // Without a company named, the work e-mail's domain stands for it.
    const byDomain: MatchRecord = {
      type: 'contact',
      firstName: 'John',
      lastName: 'Smith',
      emails: ['jsmith@acme.com'],
      phones: [],
      addresses: [],
    };
    expect(
      sharedKeys(byDomain, contact('John', 'Smith', 'Acme Corporation')).some(
        (key) => kindOf(key) === 'm'
      )
    ).toBe(true);
    expect(
      sharedKeys(
        contact('John', 'Smith', 'Acme Corporation'),
        contact('John', 'Smith', 'Globex')
      ).filter((key) => kindOf(key) === 'm')
    ).toEqual([]);
    expect(blockingKeys(person('John', 'Smith')).some((key) => kindOf(key) === 'm')).toBe(false);
  });

  it('keys a contact’s external id apart from a customer’s', () => {
    const contact: MatchRecord = {
      ...person('Ana', 'Silva', { externalId: 'X-1' }),
      type: 'contact',
    };
    expect(blockingKeys(contact)).toContain('xc:X-1');
    expect(sharedKeys(contact, person('Zed', 'Zulu', { externalId: 'X-1' }))).toEqual([]);
  });

  it('prefixes every key with its kind, keeps keys short and few, whatever the record holds', () => {
    const crowded = person('Maximiliano Alejandro', 'de la Cruz García López', {
      middleName: 'Francisco',
      dateOfBirth: '1980-01-02',
      emails: Array.from(
        { length: 10 },
        (_, i) => `${'very.long.local.part'.repeat(8)}${i}@example.com`
      ),
      phones: Array.from({ length: 10 }, (_, i) => `+1555000000${i}`),
      externalId: 'E'.repeat(100),
      ssnHash: 'k1:0123456789abcdef',
      addresses: Array.from({ length: 4 }, (_, i) => ({
        line1: `${i + 1} ${'Extraordinarily Long Boulevard Name '.repeat(5)}`,
        city: 'Springfield',
        postalCode: `6270${i}`,
        country: 'US',
      })),
    });
    const keys = blockingKeys(crowded);
    expect(keys.length).toBeLessThanOrEqual(MAX_BLOCKING_KEYS);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) {
      expect(key.length).toBeLessThanOrEqual(MAX_BLOCKING_KEY_LENGTH);
      expect(key).toMatch(/^[a-z]{1,2}:/);
    }
    // Long keys keep a digest of what was cut: two long e-mails stay two keys.
    const emailKeys = keys.filter((key) => key.startsWith('e:'));
    expect(emailKeys.length).toBeGreaterThan(1);
    expect(new Set(emailKeys).size).toBe(emailKeys.length);
  });

  it('gives a record of nothing no keys and never throws on blanks', () => {
    expect(blockingKeys(person(null, null))).toEqual([]);
    expect(blockingKeys(business(''))).toEqual([]);
    expect(() => blockingKeys(person(' ', ' ', { addresses: [{}] }))).not.toThrow();
  });

  it('is what preparedBlockingKeys gives for the prepared record', () => {
    const record = person('Liz', 'Taylor', { dateOfBirth: '1932-02-27' });
    expect(preparedBlockingKeys(prepareRecord(record))).toEqual(blockingKeys(record));
  });

  describe('shares a key between duplicates', () => {
    it.each<[string, MatchRecord, MatchRecord, string]>([
      ['nicknames', person('Bob', 'Smith'), person('Robert', 'Smith'), 'n'],
      ['Peggy and Margaret', person('Peggy', 'Olson'), person('Margaret', 'Olson'), 'n'],
      [
        'a family-name typo that sounds alike',
        person('Sarah', 'Smyth'),
        person('Sarah', 'Smith'),
        'n',
      ],
      ['a given-name typo', person('Micheal', 'Brown'), person('Michael', 'Brown'), 'n'],
      ['swapped names', person('Wei', 'Wang'), person('Wang', 'Wei'), 'n'],
      [
        'one of two family names',
        person('Jennifer', 'López García'),
        person('Jennifer', 'López'),
        'n',
      ],
      [
        'a middle name used as the first',
        person('J.', 'Whitaker', { middleName: 'Robert' }),
        person('Robert', 'Whitaker'),
        'n',
      ],
      [
        'a married name with the same date of birth',
        person('Emma', 'Schneider', { dateOfBirth: '1990-10-10' }),
        person('Emma', 'Fischer', { dateOfBirth: '1990-10-10' }),
        'g',
      ],
      [
        'an unlisted short form with the same date of birth',
        person('Oluwaseun', 'Adeyemi', { dateOfBirth: '1985-01-01' }),
        person('Seun', 'Adeyemi', { dateOfBirth: '1985-01-01' }),
        'd',
      ],
      [
        'one address',
        person('Jon', 'Smtih', { addresses: [{ line1: '12 Main Street', postalCode: '62701' }] }),
        person('John', 'Smith', { addresses: [{ line1: '12 Main St.', postalCode: '62701' }] }),
        'a',
      ],
      [
        'a postal code and family initial',
        person('Ann', 'Kowalczyk', { addresses: [{ line1: '5 Elm Rd', postalCode: '00-950' }] }),
        person('Anne', 'Kowalcik', {
          addresses: [{ line1: 'Flat 2, 5 Elm Road', postalCode: '00950' }],
        }),
        'z',
      ],
      ['a legal suffix', business('ACME, Inc.'), business('Acme Corporation'), 'b'],
      ['a typo in a later word', business('Northwind Traders'), business('Northwind Tradres'), 'c'],
      ['initials', business('IBM'), business('International Business Machines Corp.'), 'k'],
      [
        'an e-mail domain',
        business('Telekom', { emails: ['info@telekom.de'] }),
        business('Deutsche Telekom AG', { emails: ['presse@telekom.de'] }),
        'w',
      ],
    ])('%s', (_, a, b, kind) => {
      expect(sharedKeys(a, b).map(kindOf)).toContain(kind);
    });
  });

  it('keys no free-mail domain', () => {
    const keys = blockingKeys(business('Riverside Cleaners', { emails: ['riverside@gmail.com'] }));
    expect(keys.filter((key) => key.startsWith('w:'))).toEqual([]);
  });

  it('keeps people and businesses in separate name keys', () => {
    expect(sharedKeys(person('Acme', 'Tools'), business('Acme Tools'))).toEqual([]);
  });
});

describe('isStrongKey', () => {
  it.each(['e:jane@acme.com', 'p:+15551234567', 'x:SF-1', 'xc:C-1', 's:k1:abc'])(
    '%p identifies a record alone',
    (key) => {
      expect(isStrongKey(key)).toBe(true);
    }
  );

  it.each([
    'n:SMT:RBRT',
    'd:19800102:SMT',
    'g:19800102:RBRT',
    'a:12 mainst 62701',
    'z:62701:s',
    'b:acme',
    'c:AKM',
    'k:ibm',
    'w:acme.com',
    'e',
    '',
    ':x',
  ])('%p does not', (key) => {
    expect(isStrongKey(key)).toBe(false);
  });
});
