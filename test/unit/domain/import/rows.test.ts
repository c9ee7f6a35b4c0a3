import { mapRow, parseBooleanCell, validateImportRow } from '../../../../src/plugins/crm/server/src/domain';

const options = { defaultCountry: 'US', today: new Date('2026-06-01T00:00:00Z') };

describe('mapRow', () => {
  it('keeps mapped cells, drops the rest, reads yes/no', () => {
    const mapping = { 'First Name': 'firstName', Unsubscribed: 'doNotEmail', Ignored: null, Notes: 'notes' };
    expect(mapRow({ 'First Name': 'Ada', Unsubscribed: 'Yes', Ignored: 'x', Notes: '  ' }, mapping)).toEqual({
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
    const result = validateImportRow('contacts', 7, { firstName: 'Ada', lastName: 'Lovelace', company: 'x'.repeat(201) }, options);
    expect(result).toMatchObject({ ok: false, issues: [{ line: 7, field: 'company' }] });
  });

  it('validates a contact row through the contact rules, keeping the company cell aside', () => {
    const result = validateImportRow('contacts', 2, { firstName: 'Ada', lastName: 'Lovelace', mobilePhone: '(415) 555-2671', company: ' Acme ' }, options);
    expect(result).toMatchObject({ ok: true, value: { contact: { mobilePhone: '+14155552671' }, company: 'Acme' } });
  });

  it('lists every problem of a bad contact row with its line and field', () => {
    const result = validateImportRow('contacts', 7, { firstName: 'Ada', email: 'nope', doNotCall: 'perhaps' }, options);
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
      { type: 'business', businessName: 'Acme', addressLine1: '1 Main St', city: 'Boston', country: 'us', cellPhone: '(415) 555-2671', email: 'A@Acme.example' },
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
    const result = validateImportRow('customers', 4, { firstName: 'A', lastName: 'B', city: 'Boston', workPhone: '12' }, options);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => issue.field).sort()).toEqual(['addressLine1', 'workPhone']);
  });
});
