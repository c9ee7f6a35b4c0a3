import {
  contactMatchInput,
  customerMatchInput,
  importedMatchRecord,
} from '../../../src/plugins/crm/server/src/domain';

const options = { defaultCountry: 'US', hashSsn: (digits: string) => `hash(${digits})` };

describe('customerMatchInput', () => {
  it('reads what a form holds: phones in E.164, e-mails in lower case, the SSN as its hash', () => {
    expect(
      customerMatchInput(
        {
          type: 'individual',
          firstName: ' Ada ',
          lastName: 'Lovelace',
          ssn: '123-45-6789',
          phones: [{ type: 'home', number: '(212) 555-0101' }, { number: 'not a phone' }],
          emails: [{ address: 'Ada@Example.COM' }, 'junk'],
          addresses: [{ line1: '1 Main St', city: 'Springfield', country: 'us' }],
        },
        options
      )
    ).toEqual({
      type: 'individual',
      firstName: 'Ada',
      middleName: null,
      lastName: 'Lovelace',
      businessName: null,
      dateOfBirth: null,
      externalId: null,
      ssnHash: 'hash(123456789)',
      emails: ['ada@example.com'],
      phones: ['+12125550101'],
      addresses: [{ line1: '1 Main St', city: 'Springfield', postalCode: null, country: 'US' }],
    });
  });

  it('leaves out an SSN it cannot read rather than failing', () => {
    expect(customerMatchInput({ ssn: '12' }, options).ssnHash).toBeNull();
  });
});

describe('contactMatchInput', () => {
  it('takes both e-mails and every phone', () => {
    expect(
      contactMatchInput(
        {
          firstName: 'Bob',
          lastName: 'Stone',
          email: 'BOB@x.io',
          email2: 'bob.home@x.io',
          mobilePhone: '212 555 0102',
          workPhone: '+1 212 555 0103',
          birthday: '1980-02-03',
        },
        options,
        'Acme'
      )
    ).toMatchObject({
      type: 'contact',
      emails: ['bob@x.io', 'bob.home@x.io'],
      phones: ['+12125550102', '+12125550103'],
      dateOfBirth: '1980-02-03',
      company: 'Acme',
    });
  });
});

describe('importedMatchRecord', () => {
  it("reads a judged customer row with its contact points and the SSN's hash", () => {
    expect(
      importedMatchRecord(
        'customers',
        {
          customer: { type: 'business', businessName: 'Acme', ssn: '***-**-6789', ssnHash: 'h' },
          emails: [{ type: 'work', address: 'sales@acme.io' }],
          phones: [{ type: 'work', number: '+12125550104' }],
          addresses: [],
        },
        options
      )
    ).toMatchObject({
      type: 'business',
      businessName: 'Acme',
      ssnHash: 'h',
      emails: ['sales@acme.io'],
      phones: ['+12125550104'],
    });
  });
});
