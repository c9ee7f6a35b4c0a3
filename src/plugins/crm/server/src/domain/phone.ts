import {
  isSupportedCountry as isPhoneRegionSupported,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';

import { CONTACT_POINT_TYPES } from './contact-points';
import {
  DomainValidationError,
  RuleIssue,
  ensureRecord,
  fieldIssue,
  hasIssueFor,
  readEnumValue,
  readTrimmedString,
} from './errors';

export type PhoneType = (typeof CONTACT_POINT_TYPES.phone)[number];

export interface PhoneFields {
  type: PhoneType;
  /** E.164 */
  number: string;
}

/** Case-insensitive, so that a defaultCountry of 'us' in config behaves like 'US'. */
export function isSupportedCountry(code: string): boolean {
  return typeof code === 'string' && isPhoneRegionSupported(code.trim().toUpperCase());
}

function toRegion(defaultCountry: unknown): CountryCode | undefined {
  if (typeof defaultCountry !== 'string' || !isSupportedCountry(defaultCountry)) return undefined;
  return defaultCountry.trim().toUpperCase() as CountryCode;
}

/** Returns the E.164 form, or an issue. `raw` must already be trimmed and non-empty. */
function parseToE164(
  raw: string,
  defaultCountry: unknown
): { e164: string } | { issue: RuleIssue } {
  // An unsupported default country is a config problem; numbers in + form still work without it.
  const phone = parsePhoneNumberFromString(raw, toRegion(defaultCountry));
  // E.164 cannot carry an extension, so accepting one would silently lose it.
  if (!phone || !phone.isValid() || phone.ext !== undefined) {
    return { issue: fieldIssue('number', 'phone.invalid', `${raw} is not a valid phone number`) };
  }
  return { e164: phone.number };
}

/** E.164 or throws DomainValidationError (path ['number']). */
export function normalizePhoneNumber(raw: string, defaultCountry: string): string {
  if (raw !== undefined && raw !== null && typeof raw !== 'string') {
    throw new DomainValidationError(fieldIssue('number', 'field.type', 'number must be a string'));
  }
  const trimmed = (raw ?? '').trim();
  if (trimmed === '') {
    throw new DomainValidationError(
      fieldIssue('number', 'phone.required', 'a phone needs a number')
    );
  }
  const parsed = parseToE164(trimmed, defaultCountry);
  if ('issue' in parsed) throw new DomainValidationError(parsed.issue);
  return parsed.e164;
}

/**
 * Validates the resulting state of one phone: number required, parsed with `defaultCountry` when not
 * in + form, must be a valid number, returned as E.164; type defaults to 'home'.
 */
export function validatePhone(
  input: Record<string, unknown>,
  options: { defaultCountry: string }
): PhoneFields {
  const record = ensureRecord(input, 'phone');
  const issues: RuleIssue[] = [];

  const type = readEnumValue(
    record,
    'type',
    CONTACT_POINT_TYPES.phone,
    issues,
    CONTACT_POINT_TYPES.phone[0]
  );
  const raw = readTrimmedString(record, 'number', issues);
  let e164: string | null = null;
  if (raw === null) {
    if (!hasIssueFor(issues, 'number')) {
      issues.push(fieldIssue('number', 'phone.required', 'a phone needs a number'));
    }
  } else {
    const parsed = parseToE164(raw, options?.defaultCountry);
    if ('issue' in parsed) issues.push(parsed.issue);
    else e164 = parsed.e164;
  }

  if (issues.length > 0 || e164 === null) {
    throw new DomainValidationError(issues);
  }
  return { type, number: e164 };
}

/** International format for display, e.g. '+1 415 555 2671'; the input unchanged when it cannot be parsed. */
export function formatPhoneNumber(e164: string): string {
  if (typeof e164 !== 'string') return e164;
  const phone = parsePhoneNumberFromString(e164.trim());
  return phone ? phone.formatInternational() : e164;
}

/** Digits only, e.g. for matching a search term against stored numbers. */
export function phoneDigits(text: string): string {
  return typeof text === 'string' ? text.replace(/\D/g, '') : '';
}
