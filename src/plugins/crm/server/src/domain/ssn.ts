import { DomainValidationError } from './errors';

/**
 * US Social Security Numbers. The number itself is never part of a message: an error
 * names the rule, not the value, so it cannot leak into a log or a response.
 */
export const SSN_MASK_PREFIX = '***-**-';

const invalid = (message: string) =>
  new DomainValidationError({ path: ['ssn'], rule: 'ssn.invalid', message });

/** Nine digits, with or without the usual dashes or spaces; returns the nine digits. */
export function normalizeSsn(raw: unknown): string {
  if (typeof raw !== 'string') throw invalid('ssn must be a string of 9 digits (NNN-NN-NNNN)');
  const compact = raw.trim();
  if (!/^\d{3}[- ]?\d{2}[- ]?\d{4}$/.test(compact))
    throw invalid('ssn must be 9 digits (NNN-NN-NNNN)');
  const digits = compact.replace(/\D/g, '');
  const area = Number(digits.slice(0, 3));
  const group = digits.slice(3, 5);
  const serial = digits.slice(5);
  // Numbers the Social Security Administration never issues.
  if (area === 0 || area === 666 || area >= 900)
    throw invalid('ssn has an area number (first 3 digits) that is never issued');
  if (group === '00')
    throw invalid('ssn has an all-zero group number (digits 4-5), which is never issued');
  if (serial === '0000')
    throw invalid('ssn has an all-zero serial number (last 4 digits), which is never issued');
  return digits;
}

/** `123-45-6789` from nine digits. */
export function formatSsn(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/** What everyone sees: `***-**-6789`. */
export function maskSsn(digits: string): string {
  return `${SSN_MASK_PREFIX}${digits.slice(-4)}`;
}

export function isMaskedSsn(value: unknown): value is string {
  return typeof value === 'string' && /^\*\*\*-\*\*-\d{4}$/.test(value);
}

export const SSN_REVEAL_SECONDS = 60;

/** A revealed number is shown until one minute (or the configured window) after the reveal. */
export function revealExpiry(now: Date, seconds: number = SSN_REVEAL_SECONDS): Date {
  return new Date(now.getTime() + seconds * 1000);
}
