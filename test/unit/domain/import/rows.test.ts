import {
  DEFAULT_CONTACT_POINT_LIMITS,
  mapRow,
  parseBooleanCell,
  resolveContactPointLimits,
  validateImportRow,
} from '../../../../src/plugins/crm/server/src/domain';

const options = {
  defaultCountry: 'US',
  limits: DEFAULT_CONTACT_POINT_LIMITS,
  encryptSsn: (digits: string) => `sealed(${digits.length})`,
  today: new Date('2026-06-01T00:00:00Z'),
};

describe('mapRow', () => {
  it('keeps mapped cells, drops the rest, reads yes/no', () => {
    const mapping = {
      'First Name': 'firstName',
      Unsubscribed: 'doNotEmail',
      Ignored: null,
      Notes: 'notes',
    };
    expect(
      mapRow({ 'First Name': 'Ada', Unsubscribed: 'Yes', Ignored: 'x', Notes: '  ' }, mapping)
    ).toEqual({
      firstName: 'Ada',
      doNotEmail: true,
      notes: undefined,
    });
  });
  it('reads spreadsheet booleans', () => {
    expect(parseBooleanCell('X')).toBe(true);
    expect(parseBooleanCell('no')).toBe(false);
    expect(parseBooleanCell('')).toBeUndefined();
    expect(parseBooleanCell('maybe')).toBe('maybe');
  });
});

describe('validateImportRow', () => {
  it('refuses a company name no customer could have, since the import may create that company', () => {
    const result = validateImportRow(
      'contacts',
      7,
      { firstName: 'Ada', lastName: 'Lovelace', company: 'x'.repeat(201) },
      options
    );
    expect(result).toMatchObject({ ok: false, issues: [{ line: 7, field: 'company' }] });
  });

  it('validates a contact row through the contact rules, keeping the company cell aside', () => {
    const result = validateImportRow(
      'contacts',
      2,
      { firstName: 'Ada', lastName: 'Lovelace', mobilePhone: '(415) 555-2671', company: ' Acme ' },
      options
    );
    expect(result).toMatchObject({
      ok: true,
      value: { contact: { mobilePhone: '+14155552671' }, company: 'Acme' },
    });
  });

  it('lists every problem of a bad contact row with its line and field', () => {
    const result = validateImportRow(
      'contacts',
      7,
      { firstName: 'Ada', email: 'nope', doNotCall: 'perhaps' },
      options
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { line: 7, field: 'lastName', reason: 'a contact needs a lastName' },
        expect.objectContaining({ line: 7, field: 'email' }),
        expect.objectContaining({ line: 7, field: 'doNotCall' }),
      ])
    );
  });

  it('validates a customer row with its address, phones and emails', () => {
    const result = validateImportRow(
      'customers',
      3,
      {
        type: 'business',
        businessName: 'Acme',
        addressLine1: '1 Main St',
        city: 'Boston',
        country: 'us',
        cellPhone: '(415) 555-2671',
        email: 'A@Acme.example',
      },
      options
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        customer: { type: 'business', businessName: 'Acme' },
        addresses: [{ line1: '1 Main St', city: 'Boston', country: 'US' }],
        phones: [{ type: 'cell', number: '+14155552671' }],
        emails: [{ type: 'personal', address: 'a@acme.example' }],
      },
    });
  });

  it('names the import column of a bad customer row', () => {
    const result = validateImportRow(
      'customers',
      4,
      { firstName: 'A', lastName: 'B', city: 'Boston', workPhone: '12' },
      options
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.field).sort()).toEqual(['addressLine1', 'workPhone']);
  });

  it('keeps an SSN as its mask and ciphertext only, and refuses one never issued without quoting it', () => {
    const ok = validateImportRow(
      'customers',
      2,
      { firstName: 'Sam', lastName: 'Secure', ssn: '123-45-6789' },
      options
    );
    expect(ok).toMatchObject({
      ok: true,
      value: { customer: { ssn: '***-**-6789', ssnEncrypted: 'sealed(9)' } },
    });
    expect(JSON.stringify(ok)).not.toContain('123');
    const bad = validateImportRow(
      'customers',
      3,
      { firstName: 'Sid', lastName: 'Wrong', ssn: '666-12-3456' },
      options
    );
    expect(bad).toMatchObject({
      ok: false,
      issues: [{ line: 3, field: 'ssn', reason: expect.stringMatching(/area number/) }],
    });
    expect(JSON.stringify(bad)).not.toContain('666');
  });

  it('takes a row whose SSN cell is a mask without a number', () => {
    const result = validateImportRow(
      'customers',
      2,
      { firstName: 'Sam', lastName: 'Secure', ssn: '***-**-6789' },
      options
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).not.toHaveProperty('customer.ssn');
  });

  it('applies the configured contact point limits, as REST does', () => {
    const limits = resolveContactPointLimits({ individual: { phone: 1 } });
    const row = {
      firstName: 'Two',
      lastName: 'Phones',
      homePhone: '(415) 555-0102',
      cellPhone: '(415) 555-0103',
    };
    expect(validateImportRow('customers', 2, row, options).ok).toBe(true);
    expect(validateImportRow('customers', 2, row, { ...options, limits })).toMatchObject({
      ok: false,
      issues: [{ line: 2, field: 'phones', reason: 'an individual can have at most 1 phone' }],
    });
  });
});

describe('partial rows (a job that may update records)', () => {
  it('keeps a row lacking a required field, naming what it lacks, and still checks the rest', () => {
    const result = validateImportRow(
      'contacts',
      4,
      { email: 'ada@x.io', jobTitle: 'Lead' },
      { ...options, partial: true }
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        given: ['email', 'jobTitle'],
        requires: [
          { line: 4, field: 'firstName', reason: 'a contact needs a firstName' },
          { line: 4, field: 'lastName', reason: 'a contact needs a lastName' },
        ],
      },
    });
    expect(
      validateImportRow('contacts', 4, { email: 'not an address' }, { ...options, partial: true })
        .ok
    ).toBe(false);
    expect(validateImportRow('contacts', 4, { email: 'ada@x.io' }, options).ok).toBe(false);
  });

  it('does the same for customers', () => {
    const result = validateImportRow(
      'customers',
      2,
      { customerNumber: 'C-000042', homePhone: '+1 212 555 0101' },
      { ...options, partial: true }
    );
    expect(result.ok && result.value).toMatchObject({
      customerNumber: 'C-000042',
      phones: [{ type: 'home', number: '+12125550101' }],
      requires: [{ field: 'firstName' }, { field: 'lastName' }],
    });
  });
});
