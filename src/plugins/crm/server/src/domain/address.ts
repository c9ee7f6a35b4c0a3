import { CONTACT_POINT_TYPES } from './contact-points';
import { isIsoCountryCode } from './countries';
import {
  DomainValidationError,
  RuleIssue,
  ensureRecord,
  fieldIssue,
  hasIssueFor,
  readEnumValue,
  readTrimmedString,
} from './errors';

export type AddressType = (typeof CONTACT_POINT_TYPES.address)[number];

export interface AddressFields {
  type: AddressType;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

export const ADDRESS_LINE_MAX_LENGTH = 200;
export const ADDRESS_CITY_MAX_LENGTH = 100;
export const ADDRESS_REGION_MAX_LENGTH = 100;
export const ADDRESS_POSTAL_CODE_MAX_LENGTH = 20;

function readCountry(record: Record<string, unknown>, issues: RuleIssue[]): string | null {
  const text = readTrimmedString(record, 'country', issues);
  if (text === null) return null;
  const country = text.toUpperCase();
  if (!isIsoCountryCode(country)) {
    issues.push(
      fieldIssue(
        'country',
        'address.country',
        'country must be an ISO 3166-1 alpha-2 code, like US'
      )
    );
  }
  return country;
}

/**
 * Validates the resulting state of one address (merged with the stored one for updates) and returns it
 * normalised: trimmed, '' -> null, type defaulting to 'physical', country upper-cased ISO 3166-1 alpha-2.
 * Collects all issues then throws one DomainValidationError with paths like ['line1'].
 */
export function validateAddress(input: Record<string, unknown>): AddressFields {
  const record = ensureRecord(input, 'address');
  const issues: RuleIssue[] = [];

  const type = readEnumValue(
    record,
    'type',
    CONTACT_POINT_TYPES.address,
    issues,
    CONTACT_POINT_TYPES.address[0]
  );
  const line1 = readTrimmedString(record, 'line1', issues, ADDRESS_LINE_MAX_LENGTH);
  const line2 = readTrimmedString(record, 'line2', issues, ADDRESS_LINE_MAX_LENGTH);
  const city = readTrimmedString(record, 'city', issues, ADDRESS_CITY_MAX_LENGTH);
  const region = readTrimmedString(record, 'region', issues, ADDRESS_REGION_MAX_LENGTH);
  const postalCode = readTrimmedString(
    record,
    'postalCode',
    issues,
    ADDRESS_POSTAL_CODE_MAX_LENGTH
  );
  const country = readCountry(record, issues);

  if (line1 === null && !hasIssueFor(issues, 'line1')) {
    issues.push(fieldIssue('line1', 'address.required', 'an address needs line1'));
  }
  if (city === null && !hasIssueFor(issues, 'city')) {
    issues.push(fieldIssue('city', 'address.required', 'an address needs a city'));
  }

  if (issues.length > 0 || line1 === null || city === null) {
    throw new DomainValidationError(issues);
  }
  return { type, line1, line2, city, region, postalCode, country };
}
