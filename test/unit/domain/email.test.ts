import { normalizeEmailAddress, validateEmail } from '../../../src/plugins/crm/server/src/domain';
import { issuesOf } from './issues-of';

describe('validateEmail', () => {
  it('trims, lower-cases and defaults the type to personal', () => {
    expect(validateEmail({ address: '  Jane.Doe@Example.COM ' })).toEqual({
      type: 'personal',
      address: 'jane.doe@example.com',
    });
  });

  it.each(['personal', 'work'])('accepts type %s', (type) => {
    expect(validateEmail({ address: 'a@example.com', type }).type).toBe(type);
  });

  it('refuses a type outside the email types', () => {
    expect(issuesOf(() => validateEmail({ address: 'a@example.com', type: 'home' }))).toEqual([
      { path: ['type'], rule: 'field.enum', message: 'type must be one of: personal, work' },
    ]);
  });

  it.each([
    'jane',
    'jane@',
    '@example.com',
    'jane@example',
    'jane doe@example.com',
    'jane@@example.com',
    'Jane@Example',
  ])('refuses %p with the raw text in the message', (address) => {
    expect(issuesOf(() => validateEmail({ address }))).toEqual([
      {
        path: ['address'],
        rule: 'email.invalid',
        message: `${address} is not a valid email address`,
      },
    ]);
  });

  it('accepts common valid forms', () => {
    expect(validateEmail({ address: 'first.last+tag@sub.example.co.uk' }).address).toBe(
      'first.last+tag@sub.example.co.uk'
    );
    expect(validateEmail({ address: "o'brien@example.ie" }).address).toBe("o'brien@example.ie");
  });

  it('allows 254 characters and refuses 255', () => {
    const domain = '@example.com';
    const atLimit = `${'a'.repeat(60)}.${'b'.repeat(254 - 61 - domain.length)}${domain}`;
    expect(atLimit).toHaveLength(254);
    expect(validateEmail({ address: atLimit }).address).toBe(atLimit);
    const overLimit = `c${atLimit}`;
    expect(issuesOf(() => validateEmail({ address: overLimit }))[0]!.rule).toBe('email.invalid');
  });

  it.each([undefined, null, '', '   '])('requires an address (%p)', (address) => {
    expect(issuesOf(() => validateEmail({ address }))).toEqual([
      { path: ['address'], rule: 'email.required', message: 'an email needs an address' },
    ]);
  });

  it('refuses a non-string address', () => {
    expect(issuesOf(() => validateEmail({ address: ['a@example.com'] }))).toEqual([
      { path: ['address'], rule: 'field.type', message: 'address must be a string' },
    ]);
  });

  it('collects the type and address issues together', () => {
    expect(
      issuesOf(() => validateEmail({ type: 1, address: 'nope' })).map((issue) => issue.rule)
    ).toEqual(['field.type', 'email.invalid']);
  });

  it('refuses input that is not an object', () => {
    expect(issuesOf(() => validateEmail([] as unknown as Record<string, unknown>))).toEqual([
      { path: [], rule: 'field.type', message: 'email must be an object' },
    ]);
  });
});

describe('normalizeEmailAddress', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmailAddress('  Jane@Example.COM\n')).toBe('jane@example.com');
  });

  it('does not validate, so it can normalise search terms', () => {
    expect(normalizeEmailAddress(' JANE ')).toBe('jane');
  });

  it('throws DomainValidationError for a non-string', () => {
    expect(issuesOf(() => normalizeEmailAddress(42 as unknown as string))[0]!.rule).toBe(
      'field.type'
    );
  });
});
