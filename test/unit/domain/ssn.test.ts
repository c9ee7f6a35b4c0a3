import {
  formatSsn,
  isMaskedSsn,
  maskSsn,
  normalizeSsn,
  revealExpiry,
} from '../../../src/plugins/crm/server/src/domain';
import { issuesOf } from './issues-of';

describe('normalizeSsn', () => {
  it.each(['123-45-6789', '123456789', '123 45 6789', ' 123-45-6789 '])('accepts %p', (raw) => {
    expect(normalizeSsn(raw)).toBe('123456789');
  });

  it.each([
    ['12-345-6789', 'must be 9 digits'],
    ['1234567890', 'must be 9 digits'],
    ['abc-de-fghi', 'must be 9 digits'],
    ['000-12-3456', 'area number'],
    ['666-12-3456', 'area number'],
    ['900-12-3456', 'area number'],
    ['999-12-3456', 'area number'],
    ['123-00-4567', 'group number'],
    ['123-45-0000', 'serial number'],
  ])('refuses %p (%s) without repeating the number', (raw, reason) => {
    const [issue] = issuesOf(() => normalizeSsn(raw));
    expect(issue).toMatchObject({ path: ['ssn'], rule: 'ssn.invalid' });
    expect(issue.message).toContain(reason);
    expect(issue.message).not.toContain(raw.trim());
    const digits = raw.replace(/\D/g, '');
    if (digits.length >= 4)
      expect(issue.message).not.toMatch(new RegExp(`\\b${digits.slice(-4)}\\b`));
  });

  it('refuses non-strings', () => {
    expect(issuesOf(() => normalizeSsn(123456789))[0].rule).toBe('ssn.invalid');
  });

  it('accepts the edges of the issued ranges', () => {
    expect(normalizeSsn('001-01-0001')).toBe('001010001');
    expect(normalizeSsn('899-99-9999')).toBe('899999999');
    expect(normalizeSsn('665-01-0001')).toBe('665010001');
  });
});

describe('masking and formatting', () => {
  it('masks all but the last four digits', () => {
    expect(maskSsn('123456789')).toBe('***-**-6789');
    expect(isMaskedSsn('***-**-6789')).toBe(true);
    expect(isMaskedSsn('123-45-6789')).toBe(false);
    expect(isMaskedSsn(null)).toBe(false);
  });

  it('formats nine digits with dashes', () => {
    expect(formatSsn('123456789')).toBe('123-45-6789');
  });

  it('expires a reveal one minute later', () => {
    expect(revealExpiry(new Date('2026-01-01T00:00:00.000Z')).toISOString()).toBe(
      '2026-01-01T00:01:00.000Z'
    );
  });
});
