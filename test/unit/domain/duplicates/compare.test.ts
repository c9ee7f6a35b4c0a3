import {
  comparePrepared,
  compareRecords,
  DEFAULT_DUPLICATE_BLOCK_SCORE,
  DEFAULT_DUPLICATE_THRESHOLD,
  type MatchRecord,
  prepareRecord,
} from '../../../../src/plugins/crm/server/src/domain/duplicates';
import { business, person } from './match-records';

const home = {
  line1: '1420 Mission Street',
  city: 'San Francisco',
  postalCode: '94103',
  country: 'US',
};
const sameHome = { ...home, line1: '1420 Mission St.' };

describe('thresholds', () => {
  it('blocks above where it flags', () => {
    expect(DEFAULT_DUPLICATE_THRESHOLD).toBeGreaterThan(0.5);
    expect(DEFAULT_DUPLICATE_BLOCK_SCORE).toBeGreaterThan(DEFAULT_DUPLICATE_THRESHOLD);
    expect(DEFAULT_DUPLICATE_BLOCK_SCORE).toBeLessThan(1);
  });
});

describe('compareRecords: strong signals', () => {
  it('scores a shared e-mail with a compatible name high', () => {
    const verdict = compareRecords(
      person('Robert', 'Miller', { emails: ['rmiller@gmail.com'] }),
      person('Bob', 'Miller', { emails: ['RMiller@gmail.com'] })
    );
    expect(verdict.score).toBeGreaterThanOrEqual(0.9);
    expect(verdict.reasons).toEqual(expect.arrayContaining(['email', 'name', 'nickname']));
  });

  it('scores a shared phone with a compatible name high, typos included', () => {
    const verdict = compareRecords(
      person('Sarah', 'Connor', { phones: ['+13105550172'] }),
      person('Sara', 'Conner', { phones: ['+13105550172'] })
    );
    expect(verdict.score).toBeGreaterThanOrEqual(0.9);
    expect(verdict.reasons).toEqual(expect.arrayContaining(['phone', 'name', 'typo']));
  });

  it('scores the same external id or SSN high, even with names apart', () => {
    const external = compareRecords(
      person('Anika', 'Patel', { externalId: 'HUB-1' }),
      person('Anika', 'Patel-Shah', { externalId: 'HUB-1' })
    );
    expect(external.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_BLOCK_SCORE);
    expect(external.reasons).toContain('externalId');
    const ssn = compareRecords(
      person('Jessica', 'Moreno', { ssnHash: 'k1:abc' }),
      person('Jessica', 'Alvarez', { ssnHash: 'k1:abc' })
    );
    expect(ssn.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_BLOCK_SCORE);
    expect(ssn.reasons).toContain('ssn');
  });

  it('scores different SSNs low whatever else is shared', () => {
    const verdict = compareRecords(
      person('Emily', 'Davis', { ssnHash: 'k1:one', dateOfBirth: '1980-01-01', addresses: [home] }),
      person('Emily', 'Davis', {
        ssnHash: 'k1:two',
        dateOfBirth: '1980-01-01',
        addresses: [sameHome],
      })
    );
    expect(verdict.score).toBeLessThan(0.1);
  });

  it('compares external ids of contacts with contacts and customers with customers only', () => {
    const contact = { ...person('Ana', 'Silva', { externalId: 'X-1' }), type: 'contact' as const };
    const customer = person('Ana', 'Silva', { externalId: 'X-1' });
    expect(compareRecords(contact, customer).reasons).not.toContain('externalId');
    expect(compareRecords(contact, { ...contact }).reasons).toContain('externalId');
  });
});

describe('compareRecords: names', () => {
  it('scores a shared common name alone well below the threshold', () => {
    expect(compareRecords(person('John', 'Smith'), person('John', 'Smith')).score).toBeLessThan(
      0.5
    );
    const apart = compareRecords(
      person('John', 'Smith', {
        dateOfBirth: '1971-03-05',
        phones: ['+12125550100'],
        emails: ['jsmith@gmail.com'],
      }),
      person('John', 'Smith', {
        dateOfBirth: '1988-11-23',
        phones: ['+13125550100'],
        emails: ['john.smith@yahoo.com'],
      })
    );
    expect(apart.score).toBeLessThan(0.05);
  });

  it.each([
    ['Bob', 'Robert'],
    ['Peggy', 'Margaret'],
    ['Bill', 'William'],
    ['Liz', 'Elizabeth'],
    ['Dick', 'Richard'],
    ['Kate', 'Katherine'],
  ])('takes %p for %p with the same date of birth', (nickname, name) => {
    const verdict = compareRecords(
      person(nickname, 'Smith', { dateOfBirth: '1960-02-03' }),
      person(name, 'Smith', { dateOfBirth: '1960-02-03' })
    );
    expect(verdict.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_BLOCK_SCORE);
    expect(verdict.reasons).toEqual(['name', 'nickname', 'dateOfBirth']);
  });

  it('finds first and last names swapped', () => {
    const verdict = compareRecords(
      person('Wei', 'Wang', { dateOfBirth: '1982-02-26' }),
      person('Wang', 'Wei', { dateOfBirth: '1982-02-26' })
    );
    expect(verdict.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLD);
    expect(verdict.reasons).toContain('swappedName');
    expect(verdict.reasons).not.toContain('name');
  });

  it('finds a name written in other fields', () => {
    const verdict = compareRecords(
      person('Smith John', null, { phones: ['+12125550100'] }),
      person('John', 'Smith', { phones: ['+12125550100'] })
    );
    expect(verdict.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLD);
  });

  it('folds accents and case', () => {
    const verdict = compareRecords(
      person('JOSÉ', 'GARCÍA', { dateOfBirth: '1959-01-17' }),
      person('jose', 'garcia', { dateOfBirth: '1959-01-17' })
    );
    expect(verdict.reasons).toEqual(['name', 'dateOfBirth']);
  });

  it('takes the middle name of one for the first name of the other', () => {
    const verdict = compareRecords(
      person('J.', 'Whitaker', { middleName: 'Robert', dateOfBirth: '1971-10-30' }),
      person('Robert', 'Whitaker', { dateOfBirth: '1971-10-30' })
    );
    expect(verdict.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLD);
  });

  it('tells male and female forms apart', () => {
    for (const [male, female] of [
      ['Mario', 'Maria'],
      ['Daniel', 'Daniela'],
      ['Louis', 'Louise'],
    ])
      expect(
        compareRecords(
          person(male, 'Rossi', { addresses: [home], phones: ['+14155550123'] }),
          person(female, 'Rossi', { addresses: [sameHome], phones: ['+14155550123'] })
        ).score
      ).toBeLessThan(DEFAULT_DUPLICATE_THRESHOLD);
  });
});

describe('compareRecords: households and dates of birth', () => {
  it('keeps family members sharing an address and a home phone below the threshold', () => {
    const verdict = compareRecords(
      person('Maria', 'Garcia', { addresses: [home], phones: ['+14155550123'] }),
      person('Jose', 'Garcia', { addresses: [sameHome], phones: ['+14155550123'] })
    );
    expect(verdict.score).toBeLessThan(DEFAULT_DUPLICATE_THRESHOLD / 2);
    expect(verdict.reasons).toEqual(['phone', 'address']);
  });

  it('keeps spouses sharing a mailbox below the threshold', () => {
    expect(
      compareRecords(
        person('Tom', 'Becker', { emails: ['familie.becker@gmx.de'] }),
        person('Anna', 'Becker', { emails: ['familie.becker@gmx.de'] })
      ).score
    ).toBeLessThan(DEFAULT_DUPLICATE_THRESHOLD / 2);
  });

  it('pulls the score down for a conflicting date of birth, even at one address', () => {
    const sameDate = compareRecords(
      person('Liz', 'Taylor', { addresses: [home], dateOfBirth: '1970-03-04' }),
      person('Elizabeth', 'Taylor', { addresses: [sameHome], dateOfBirth: '1970-03-04' })
    );
    const noDate = compareRecords(
      person('Liz', 'Taylor', { addresses: [home] }),
      person('Elizabeth', 'Taylor', { addresses: [sameHome] })
    );
    const otherDate = compareRecords(
      person('Liz', 'Taylor', { addresses: [home], dateOfBirth: '1970-03-04' }),
      person('Elizabeth', 'Taylor', { addresses: [sameHome], dateOfBirth: '1996-08-21' })
    );
    expect(sameDate.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_BLOCK_SCORE);
    expect(noDate.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLD);
    expect(otherDate.score).toBeLessThan(DEFAULT_DUPLICATE_THRESHOLD / 2);
    expect(otherDate.reasons).not.toContain('dateOfBirth');
  });

  it('forgives a date of birth one keystroke off', () => {
    const verdict = compareRecords(
      person('Laura', 'Bianchi', { dateOfBirth: '1990-04-07', emails: ['lb@libero.it'] }),
      person('Laura', 'Bianchi', { dateOfBirth: '1990-07-04', emails: ['lb@libero.it'] })
    );
    expect(verdict.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_BLOCK_SCORE);
  });

  it('tells Jr. from Sr. at one address and phone', () => {
    const verdict = compareRecords(
      person('Robert', 'Davis Jr.', { addresses: [home], phones: ['+17045550100'] }),
      person('Robert', 'Davis Sr.', { addresses: [sameHome], phones: ['+17045550100'] })
    );
    expect(verdict.score).toBeLessThan(DEFAULT_DUPLICATE_THRESHOLD / 2);
  });

  it('scores the same name at one address high', () => {
    const verdict = compareRecords(
      person('Margaret', 'Wilson', { addresses: [home] }),
      person('Peggy', 'Wilson', { addresses: [sameHome] })
    );
    expect(verdict.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLD);
    expect(verdict.reasons).toContain('address');
  });
});

describe('compareRecords: contacts', () => {
  const contact = (
    firstName: string,
    lastName: string,
    company: string | null,
    details: Partial<MatchRecord> = {}
  ): MatchRecord => ({ ...person(firstName, lastName, details), type: 'contact', company });

  it('scores one name at one company as a duplicate', () => {
    const verdict = compareRecords(
      contact('Priscilla', 'Vandermeer', 'Initech LLC'),
      contact('Priscilla', 'Vandermeer', 'Initech')
    );
    expect(verdict.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLD);
    expect(verdict.reasons).toEqual(['name', 'company']);
  });

  it('keeps colleagues sharing a switchboard apart', () => {
    expect(
      compareRecords(
        contact('Alice', 'Wong', 'Initrode', { phones: ['+12125550000'] }),
        contact('Brian', 'Wong', 'Initrode', { phones: ['+12125550000'] })
      ).score
    ).toBeLessThan(DEFAULT_DUPLICATE_THRESHOLD / 2);
  });

  it('compares a contact with an individual as people', () => {
    const verdict = compareRecords(
      contact('Jane', 'Doe', 'Acme', { emails: ['jane.doe@gmail.com'] }),
      person('Jane', 'Doe', { emails: ['jane.doe@gmail.com'] })
    );
    expect(verdict.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLD);
  });
});

describe('compareRecords: businesses', () => {
  it('never finds an individual a duplicate of a business', () => {
    const shared = { emails: ['info@acme.com'], phones: ['+18005550100'], externalId: 'E-1' };
    expect(compareRecords(person('Acme', null, shared), business('Acme', shared))).toEqual({
      score: 0,
      reasons: [],
    });
    expect(compareRecords(business('Acme', shared), person('Acme', null, shared)).score).toBe(0);
  });

  it('matches names through legal suffixes, punctuation and accents', () => {
    const verdict = compareRecords(
      business('Telefónica S.A.', { phones: ['+34914823800'] }),
      business('TELEFONICA', { phones: ['+34914823800'] })
    );
    expect(verdict.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_BLOCK_SCORE);
    expect(verdict.reasons).toEqual(['businessName', 'phone']);
  });

  it('ties businesses by their e-mail domain, but not by a free-mail one', () => {
    const byDomain = compareRecords(
      business('Deutsche Telekom AG', { emails: ['info@telekom.de'] }),
      business('Deutsche Telekom', { emails: ['presse@telekom.de'] })
    );
    expect(byDomain.reasons).toContain('domain');
    expect(byDomain.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLD);
    const byFreeMail = compareRecords(
      business('Riverside Cleaners', { emails: ['riverside.cleaners@gmail.com'] }),
      business('Riverside Cleaners', { emails: ['riversidecleaning@gmail.com'] })
    );
    expect(byFreeMail.reasons).not.toContain('domain');
    expect(byFreeMail.score).toBeLessThan(DEFAULT_DUPLICATE_THRESHOLD);
  });

  it('keeps look-alike businesses apart', () => {
    expect(
      compareRecords(
        business('Acme Tools', { emails: ['sales@acmetools.com'], phones: ['+18005550101'] }),
        business('Acme Foods', { emails: ['orders@acmefoods.com'], phones: ['+18005550202'] })
      ).score
    ).toBeLessThan(0.05);
    expect(
      compareRecords(
        business('Harbor Legal LLP', { addresses: [home], phones: ['+14155550000'] }),
        business('Bayview Dental Group', { addresses: [sameHome], phones: ['+14155550000'] })
      ).score
    ).toBeLessThan(0.05);
  });

  it('leaves an exact business name alone a maybe', () => {
    const score = compareRecords(business('Golden Dragon'), business('Golden Dragon')).score;
    expect(score).toBeGreaterThan(0.3);
    expect(score).toBeLessThan(DEFAULT_DUPLICATE_THRESHOLD);
  });
});

describe('comparePrepared', () => {
  it('gives what compareRecords gives, preparing each record once', () => {
    const records = [
      person('Robert', 'Miller', { emails: ['rmiller@gmail.com'] }),
      person('Bob', 'Miller', { emails: ['rmiller@gmail.com'] }),
      person('Maria', 'Garcia', { addresses: [home] }),
      business('Acme Inc.', { phones: ['+18005550100'] }),
      business('ACME', { phones: ['+18005550100'] }),
    ];
    const prepared = records.map(prepareRecord);
    for (let i = 0; i < records.length; i += 1)
      for (let j = 0; j < records.length; j += 1)
        expect(comparePrepared(prepared[i], prepared[j])).toEqual(
          compareRecords(records[i], records[j])
        );
  });

  it('scores a record against itself at the top', () => {
    const record = prepareRecord(person('Robert', 'Miller', { emails: ['rmiller@gmail.com'] }));
    expect(comparePrepared(record, record).score).toBeGreaterThanOrEqual(
      DEFAULT_DUPLICATE_BLOCK_SCORE
    );
  });

  it('accepts records with nothing in them', () => {
    const empty = prepareRecord(person(null, null));
    expect(comparePrepared(empty, empty)).toEqual({ score: expect.any(Number), reasons: [] });
    expect(comparePrepared(empty, empty).score).toBeLessThan(0.01);
  });
});
