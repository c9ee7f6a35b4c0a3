import {
  DomainValidationError,
  formatPhoneNumber,
  isSupportedCountry,
  normalizePhoneNumber,
  phoneDigits,
  validatePhone,
} from '../../../src/plugins/crm/server/src/domain';
import { issuesOf } from './issues-of';

const US = { defaultCountry: 'US' };

describe('validatePhone', () => {
  it('normalises a US national number with the default country', () => {
    expect(validatePhone({ number: '(415) 555-2671' }, US)).toEqual({
      type: 'home',
      number: '+14155552671',
    });
  });

  it('keeps a number in + form regardless of the default country', () => {
    expect(validatePhone({ number: '+44 20 7946 0958', type: 'work' }, US)).toEqual({
      type: 'work',
      number: '+442079460958',
    });
  });

  it('reads national numbers with a GB default country', () => {
    expect(validatePhone({ number: '020 7946 0958' }, { defaultCountry: 'GB' }).number).toBe(
      '+442079460958'
    );
    expect(
      validatePhone({ number: '07911 123456', type: 'cell' }, { defaultCountry: 'GB' })
    ).toEqual({
      type: 'cell',
      number: '+447911123456',
    });
  });

  it('reads a GB national number as invalid with a US default country', () => {
    expect(issuesOf(() => validatePhone({ number: '020 7946 0958' }, US))[0]!.rule).toBe(
      'phone.invalid'
    );
  });

  it('accepts a lower-case default country', () => {
    expect(validatePhone({ number: '(415) 555-2671' }, { defaultCountry: 'us' }).number).toBe(
      '+14155552671'
    );
  });

  it('still accepts + numbers when the default country is unsupported', () => {
    expect(validatePhone({ number: '+1 415 555 2671' }, { defaultCountry: 'XX' }).number).toBe(
      '+14155552671'
    );
    expect(
      issuesOf(() => validatePhone({ number: '415 555 2671' }, { defaultCountry: 'XX' }))[0]!.rule
    ).toBe('phone.invalid');
  });

  it.each(['home', 'cell', 'fax', 'work'])('accepts type %s', (type) => {
    expect(validatePhone({ number: '+14155552671', type }, US).type).toBe(type);
  });

  it('refuses a type outside the phone types', () => {
    expect(issuesOf(() => validatePhone({ number: '+14155552671', type: 'mobile' }, US))).toEqual([
      { path: ['type'], rule: 'field.enum', message: 'type must be one of: home, cell, fax, work' },
    ]);
  });

  it.each(['123', 'not a number', '+1 415 555', '+999 123 456 789', '(415) 555-2671 ext. 12'])(
    'refuses %p as invalid',
    (number) => {
      expect(issuesOf(() => validatePhone({ number }, US))).toEqual([
        {
          path: ['number'],
          rule: 'phone.invalid',
          message: `${number} is not a valid phone number`,
        },
      ]);
    }
  );

  it('uses the trimmed input in the invalid message', () => {
    expect(issuesOf(() => validatePhone({ number: '  123 ' }, US))[0]!.message).toBe(
      '123 is not a valid phone number'
    );
  });

  it.each([undefined, null, '', '   '])('requires a number (%p)', (number) => {
    expect(issuesOf(() => validatePhone({ number }, US))).toEqual([
      { path: ['number'], rule: 'phone.required', message: 'a phone needs a number' },
    ]);
  });

  it('refuses a number given as a JavaScript number', () => {
    expect(issuesOf(() => validatePhone({ number: 4155552671 }, US))).toEqual([
      { path: ['number'], rule: 'field.type', message: 'number must be a string' },
    ]);
  });

  it('collects the type and number issues together', () => {
    expect(
      issuesOf(() => validatePhone({ type: 'pager', number: '1' }, US)).map((issue) => issue.rule)
    ).toEqual(['field.enum', 'phone.invalid']);
  });

  it('refuses input that is not an object', () => {
    expect(issuesOf(() => validatePhone('415' as unknown as Record<string, unknown>, US))).toEqual([
      { path: [], rule: 'field.type', message: 'phone must be an object' },
    ]);
  });
});

describe('normalizePhoneNumber', () => {
  it('returns E.164', () => {
    expect(normalizePhoneNumber('(415) 555-2671', 'US')).toBe('+14155552671');
    expect(normalizePhoneNumber('415.555.2671', 'US')).toBe('+14155552671');
    expect(normalizePhoneNumber('+44 (0)20 7946 0958', 'US')).toBe('+442079460958');
    expect(normalizePhoneNumber('020 7946 0958', 'GB')).toBe('+442079460958');
  });

  it('throws DomainValidationError for an invalid number', () => {
    expect(() => normalizePhoneNumber('123', 'US')).toThrow(DomainValidationError);
    expect(issuesOf(() => normalizePhoneNumber('123', 'US'))).toEqual([
      { path: ['number'], rule: 'phone.invalid', message: '123 is not a valid phone number' },
    ]);
  });

  it('throws DomainValidationError for an empty number', () => {
    expect(issuesOf(() => normalizePhoneNumber('  ', 'US'))).toEqual([
      { path: ['number'], rule: 'phone.required', message: 'a phone needs a number' },
    ]);
  });

  it('throws DomainValidationError for a non-string', () => {
    expect(issuesOf(() => normalizePhoneNumber(5 as unknown as string, 'US'))[0]!.rule).toBe(
      'field.type'
    );
  });
});

describe('formatPhoneNumber', () => {
  it('formats E.164 internationally', () => {
    expect(formatPhoneNumber('+14155552671')).toBe('+1 415 555 2671');
    expect(formatPhoneNumber('+442079460958')).toBe('+44 20 7946 0958');
  });

  it('returns unparsable input unchanged', () => {
    expect(formatPhoneNumber('hello')).toBe('hello');
    expect(formatPhoneNumber('')).toBe('');
    expect(formatPhoneNumber('4155552671')).toBe('4155552671');
  });
});

describe('phoneDigits', () => {
  it('keeps digits only', () => {
    expect(phoneDigits('+1 (415) 555-2671')).toBe('14155552671');
    expect(phoneDigits('no digits')).toBe('');
    expect(phoneDigits('')).toBe('');
  });
});

describe('isSupportedCountry', () => {
  it.each(['US', 'GB', 'de', ' fr '])('accepts %p', (code) => {
    expect(isSupportedCountry(code)).toBe(true);
  });

  it.each(['XX', '', 'USA', 'UK'])('refuses %p', (code) => {
    expect(isSupportedCountry(code)).toBe(false);
  });
});
