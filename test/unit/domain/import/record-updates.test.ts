import {
  DEFAULT_CONTACT_POINT_LIMITS,
  DomainValidationError,
  changedSinceImport,
  contactUpdate,
  customerUpdate,
  sameValue,
  validateContact,
  type ContactRow,
  type CustomerRow,
  type StoredPoint,
} from '../../../../src/plugins/crm/server/src/domain';

const stored = validateContact(
  { firstName: 'Ada', lastName: 'Lovelace', jobTitle: 'Analyst', email: 'ada@x.io' },
  { defaultCountry: 'US', hasUser: false }
) as unknown as Record<string, unknown>;

const contactRow = (fields: Record<string, unknown>, given: string[]): ContactRow => ({
  contact: validateContact(
    { firstName: 'Stand', lastName: 'In', ...fields },
    { defaultCountry: 'US', hasUser: false }
  ),
  company: null,
  given,
});

const contactOptions = {
  emptyCells: 'keep' as const,
  mappedFields: ['firstName', 'lastName', 'email', 'jobTitle', 'mobilePhone'],
  defaultCountry: 'US',
  hasUser: false,
};

describe('contactUpdate', () => {
  it('takes the cells given, and nothing when the values are already there', () => {
    expect(
      contactUpdate(
        stored,
        contactRow({ email: 'ADA@x.io', jobTitle: 'Lead' }, ['email', 'jobTitle']),
        contactOptions
      )
    ).toEqual({ jobTitle: 'Lead' });
    expect(
      contactUpdate(stored, contactRow({ email: 'ada@x.io' }, ['email']), contactOptions)
    ).toEqual({});
  });

  it('leaves a field an empty cell stands for, unless empty cells clear', () => {
    const row = contactRow({ email: 'ada@x.io' }, ['email']);
    expect(contactUpdate(stored, row, contactOptions)).toEqual({});
    expect(
      contactUpdate(stored, row, {
        ...contactOptions,
        emptyCells: 'clear',
        mappedFields: ['email', 'jobTitle'],
      })
    ).toEqual({ jobTitle: null });
  });

  it('checks the record as it would be, through the contact rules (cleared names are refused)', () => {
    expect(() =>
      contactUpdate(stored, contactRow({ email: 'ada@x.io' }, ['email']), {
        ...contactOptions,
        emptyCells: 'clear',
      })
    ).toThrow(DomainValidationError);
  });
});

const customer = {
  fields: { type: 'individual', firstName: 'Rita', lastName: 'Restore', status: 'active' },
  points: {
    address: [] as StoredPoint[],
    phone: [
      { id: 1, type: 'home', isPrimary: true, number: '+12125550101' },
      { id: 2, type: 'work', isPrimary: false, number: '+12125550102' },
    ],
    email: [{ id: 3, type: 'personal', isPrimary: true, address: 'rita@x.io' }],
  },
};

const customerRow = (patch: Partial<CustomerRow>, given: string[]): CustomerRow => ({
  customer: {
    type: 'individual',
    firstName: 'Rita',
    middleName: null,
    lastName: 'Restore',
    businessName: null,
    gender: null,
    dateOfBirth: null,
    maritalStatus: null,
    noEmail: false,
    noMail: false,
    noPhoneCalls: false,
    preferredContact: null,
    status: 'active',
    externalId: null,
  },
  addresses: [],
  phones: [],
  emails: [],
  given,
  ...patch,
});

const customerOptions = {
  emptyCells: 'keep' as const,
  mappedFields: ['firstName', 'lastName', 'homePhone', 'cellPhone', 'email'],
  limits: DEFAULT_CONTACT_POINT_LIMITS,
  sameSsn: false,
};

describe('customerUpdate', () => {
  it('leaves points it has, replaces the value of one of the same type, adds the others', () => {
    const update = customerUpdate(
      customer,
      customerRow(
        {
          phones: [
            { type: 'work', number: '+12125550102' },
            { type: 'home', number: '+12125550199' },
            { type: 'cell', number: '+12125550100' },
          ],
          emails: [{ type: 'personal', address: 'RITA@x.io' }],
        },
        ['homePhone', 'cellPhone', 'workPhone', 'email']
      ),
      customerOptions
    );
    expect(update).toEqual({
      fields: {},
      changedPoints: [
        {
          kind: 'phone',
          id: 1,
          before: { number: '+12125550101' },
          after: { number: '+12125550199' },
        },
      ],
      addedPoints: [
        { kind: 'phone', data: { type: 'cell', number: '+12125550100', isPrimary: false } },
      ],
    });
  });

  it('refuses points past the limits', () => {
    const limits = {
      ...DEFAULT_CONTACT_POINT_LIMITS,
      individual: { ...DEFAULT_CONTACT_POINT_LIMITS.individual, phone: 2 },
    };
    expect(() =>
      customerUpdate(
        customer,
        customerRow({ phones: [{ type: 'cell', number: '+12125550100' }] }, ['cellPhone']),
        { ...customerOptions, limits }
      )
    ).toThrow('an individual can have at most 2 phones');
  });

  it('writes a new SSN only when it is another number', () => {
    const row = customerRow(
      {
        customer: {
          ...customerRow({}, []).customer,
          ssn: '***-**-6789',
          ssnEncrypted: 'sealed',
          ssnHash: 'hashed',
        },
      },
      ['ssn']
    );
    expect(customerUpdate(customer, row, { ...customerOptions, sameSsn: true }).fields).toEqual({});
    expect(customerUpdate(customer, row, customerOptions).fields).toEqual({
      ssn: '***-**-6789',
      ssnEncrypted: 'sealed',
      ssnHash: 'hashed',
    });
  });
});

describe('changedSinceImport', () => {
  const snapshot = {
    before: { jobTitle: 'Analyst' },
    after: { jobTitle: 'Lead' },
    company: { before: null, after: 4 },
    changedPoints: [
      { kind: 'phone' as const, id: 1, before: { number: '+1' }, after: { number: '+2' } },
    ],
  };

  it('is empty while the record holds what the import wrote', () => {
    expect(
      changedSinceImport(
        {
          fields: { jobTitle: 'Lead' },
          company: 4,
          points: { address: [], email: [], phone: [{ id: 1, number: '+2' }] },
        },
        snapshot
      )
    ).toEqual([]);
  });

  it('names each field, the company and the point kinds changed since', () => {
    expect(
      changedSinceImport(
        {
          fields: { jobTitle: 'Mine' },
          company: null,
          points: { address: [], email: [], phone: [] },
        },
        snapshot
      )
    ).toEqual(['jobTitle', 'company', 'phones']);
  });
});

describe('sameValue', () => {
  it('treats blanks alike and compares the rest by text', () => {
    expect(sameValue(null, '')).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue('2024-01-02', '2024-01-02')).toBe(true);
    expect(sameValue(1, true)).toBe(true);
    expect(sameValue('a', null)).toBe(false);
  });
});
