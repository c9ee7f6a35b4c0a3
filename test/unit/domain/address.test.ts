import { validateAddress } from '../../../src/plugins/crm/server/src/domain';
import { issuesOf } from './issues-of';

const minimal = { line1: '1 Main St', city: 'Springfield' };

describe('validateAddress', () => {
  it('applies defaults to a minimal address', () => {
    expect(validateAddress(minimal)).toEqual({
      type: 'physical',
      line1: '1 Main St',
      line2: null,
      city: 'Springfield',
      region: null,
      postalCode: null,
      country: null,
    });
  });

  it('keeps and trims every field given, upper-casing the country', () => {
    expect(
      validateAddress({
        type: ' mailing ',
        line1: ' 1 Main St ',
        line2: ' Apt 4 ',
        city: ' Springfield ',
        region: ' IL ',
        postalCode: ' 62701 ',
        country: ' us ',
        id: 12,
        isPrimary: true,
      })
    ).toEqual({
      type: 'mailing',
      line1: '1 Main St',
      line2: 'Apt 4',
      city: 'Springfield',
      region: 'IL',
      postalCode: '62701',
      country: 'US',
    });
  });

  it.each(['physical', 'garage', 'mailing', 'previous', 'work'])('accepts type %s', (type) => {
    expect(validateAddress({ ...minimal, type }).type).toBe(type);
  });

  it("turns '' into null for optional fields", () => {
    expect(
      validateAddress({ ...minimal, line2: '', region: '  ', postalCode: '', country: '' })
    ).toMatchObject({
      line2: null,
      region: null,
      postalCode: null,
      country: null,
    });
  });

  it('requires line1 and city, reporting both', () => {
    expect(issuesOf(() => validateAddress({}))).toEqual([
      { path: ['line1'], rule: 'address.required', message: 'an address needs line1' },
      { path: ['city'], rule: 'address.required', message: 'an address needs a city' },
    ]);
    expect(issuesOf(() => validateAddress({ line1: '  ', city: 'X' }))).toEqual([
      { path: ['line1'], rule: 'address.required', message: 'an address needs line1' },
    ]);
    expect(issuesOf(() => validateAddress({ line1: 'X', city: null }))).toEqual([
      { path: ['city'], rule: 'address.required', message: 'an address needs a city' },
    ]);
  });

  it('refuses a type outside the address types', () => {
    expect(issuesOf(() => validateAddress({ ...minimal, type: 'home' }))).toEqual([
      {
        path: ['type'],
        rule: 'field.enum',
        message: 'type must be one of: physical, garage, mailing, previous, work',
      },
    ]);
  });

  it.each(['XX', 'UK', 'USA', 'U', '12'])('refuses country %p', (country) => {
    expect(issuesOf(() => validateAddress({ ...minimal, country }))).toEqual([
      {
        path: ['country'],
        rule: 'address.country',
        message: 'country must be an ISO 3166-1 alpha-2 code, like US',
      },
    ]);
  });

  it.each(['GB', 'de', 'Fr', 'AQ'])('accepts country %p', (country) => {
    expect(validateAddress({ ...minimal, country }).country).toBe(country.toUpperCase());
  });

  it.each([
    ['line1', 200],
    ['line2', 200],
    ['city', 100],
    ['region', 100],
    ['postalCode', 20],
  ])('allows %s up to %d characters and refuses one more', (field, max) => {
    expect(() => validateAddress({ ...minimal, [field]: 'x'.repeat(max) })).not.toThrow();
    expect(issuesOf(() => validateAddress({ ...minimal, [field]: 'x'.repeat(max + 1) }))).toEqual([
      {
        path: [field],
        rule: 'field.maxLength',
        message: `${field} must be at most ${max} characters`,
      },
    ]);
  });

  it.each(['line1', 'line2', 'city', 'region', 'postalCode', 'country', 'type'])(
    'refuses a number for %s without a second issue',
    (field) => {
      expect(issuesOf(() => validateAddress({ ...minimal, [field]: 5 }))).toEqual([
        { path: [field], rule: 'field.type', message: `${field} must be a string` },
      ]);
    }
  );

  it('collects all issues into one error', () => {
    const issues = issuesOf(() =>
      validateAddress({ type: 'x', line1: '', city: 7, country: 'ZZ', postalCode: '1'.repeat(21) })
    );
    expect(issues.map((issue) => issue.path[0])).toEqual([
      'type',
      'city',
      'postalCode',
      'country',
      'line1',
    ]);
  });

  it('refuses input that is not an object', () => {
    expect(issuesOf(() => validateAddress(null as unknown as Record<string, unknown>))).toEqual([
      { path: [], rule: 'field.type', message: 'address must be an object' },
    ]);
  });
});
