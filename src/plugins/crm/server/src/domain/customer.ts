import {
  CUSTOMER_STATUSES,
  CUSTOMER_TYPES,
  GENDERS,
  MARITAL_STATUSES,
  PREFERRED_CONTACTS,
  type CustomerStatus,
  type CustomerType,
  type Gender,
  type MaritalStatus,
  type PreferredContact,
} from '../../../contracts';
import { readPastDate } from './dates';
import {
  DomainValidationError,
  RuleIssue,
  ensureRecord,
  fieldIssue,
  hasIssueFor,
  readBooleanFlag,
  readEnumValue,
  readTrimmedString,
} from './errors';
import { readExternalId } from './external-id';

export { CUSTOMER_STATUSES, CUSTOMER_TYPES, GENDERS, MARITAL_STATUSES, PREFERRED_CONTACTS };
export type { CustomerStatus, CustomerType, Gender, MaritalStatus, PreferredContact };

export interface CustomerFields {
  type: CustomerType;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  businessName: string | null;
  gender: Gender | null;
  /** YYYY-MM-DD */
  dateOfBirth: string | null;
  maritalStatus: MaritalStatus | null;
  noEmail: boolean;
  noMail: boolean;
  noPhoneCalls: boolean;
  preferredContact: PreferredContact | null;
  status: CustomerStatus;
  externalId: string | null;
}

export const CUSTOMER_FIELD_NAMES: readonly (keyof CustomerFields)[] = Object.freeze([
  'type',
  'firstName',
  'middleName',
  'lastName',
  'businessName',
  'gender',
  'dateOfBirth',
  'maritalStatus',
  'noEmail',
  'noMail',
  'noPhoneCalls',
  'preferredContact',
  'status',
  'externalId',
] as const);

export const NAME_MAX_LENGTH = 100;
export const BUSINESS_NAME_MAX_LENGTH = 200;

function readDateOfBirth(
  input: Record<string, unknown>,
  issues: RuleIssue[],
  today: Date
): string | null {
  return readPastDate(input, 'dateOfBirth', issues, today, 'customer.dateOfBirth');
}

function requireField(
  issues: RuleIssue[],
  field: keyof CustomerFields,
  value: string | null,
  message: string
): void {
  if (value === null && !hasIssueFor(issues, field)) {
    issues.push(fieldIssue(field, 'customer.required', message));
  }
}

/**
 * Validates the *resulting* state of a customer (for an update the caller merges the stored record
 * with the patch first) and returns it normalised: strings trimmed, '' -> null, defaults applied
 * (type individual, status active, privacy flags false, others null), dateOfBirth as 'YYYY-MM-DD'
 * (accepts 'YYYY-MM-DD' or a full ISO timestamp string or a Date). Unknown keys are ignored.
 * Collects ALL issues then throws one DomainValidationError.
 */
export function validateCustomer(
  input: Record<string, unknown>,
  options?: { today?: Date }
): CustomerFields {
  const record = ensureRecord(input, 'customer');
  const issues: RuleIssue[] = [];

  const type = readEnumValue(record, 'type', CUSTOMER_TYPES, issues, 'individual');
  const firstName = readTrimmedString(record, 'firstName', issues, NAME_MAX_LENGTH);
  const middleName = readTrimmedString(record, 'middleName', issues, NAME_MAX_LENGTH);
  const lastName = readTrimmedString(record, 'lastName', issues, NAME_MAX_LENGTH);
  const businessName = readTrimmedString(record, 'businessName', issues, BUSINESS_NAME_MAX_LENGTH);
  const gender = readEnumValue(record, 'gender', GENDERS, issues, null);
  const dateOfBirth = readDateOfBirth(record, issues, options?.today ?? new Date());
  const maritalStatus = readEnumValue(record, 'maritalStatus', MARITAL_STATUSES, issues, null);
  const noEmail = readBooleanFlag(record, 'noEmail', issues);
  const noMail = readBooleanFlag(record, 'noMail', issues);
  const noPhoneCalls = readBooleanFlag(record, 'noPhoneCalls', issues);
  const preferredContact = readEnumValue(
    record,
    'preferredContact',
    PREFERRED_CONTACTS,
    issues,
    null
  );
  const status = readEnumValue(record, 'status', CUSTOMER_STATUSES, issues, 'active');
  const externalId = readExternalId(record, issues);

  // An unrecognised type was already reported; guessing which names it needs would only add noise.
  if (!hasIssueFor(issues, 'type')) {
    if (type === 'individual') {
      requireField(issues, 'firstName', firstName, 'an individual customer needs a firstName');
      requireField(issues, 'lastName', lastName, 'an individual customer needs a lastName');
    } else {
      requireField(
        issues,
        'businessName',
        businessName,
        'a business customer needs a businessName'
      );
    }
  }

  if (issues.length > 0) {
    throw new DomainValidationError(issues);
  }
  return {
    type,
    firstName,
    middleName,
    lastName,
    businessName,
    gender,
    dateOfBirth,
    maritalStatus,
    noEmail,
    noMail,
    noPhoneCalls,
    preferredContact,
    status,
    externalId,
  };
}

export const CUSTOMER_NUMBER_PREFIX = 'C-';
const CUSTOMER_NUMBER_MIN_DIGITS = 6;
const CUSTOMER_NUMBER_PATTERN = /^c-(\d{1,15})$/i;

/** 42 -> 'C-000042'; 1234567 -> 'C-1234567'. A bad sequence is a programming error, hence RangeError. */
export function formatCustomerNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence <= 0) {
    throw new RangeError(
      `customer number sequence must be a positive integer, got ${String(sequence)}`
    );
  }
  return `${CUSTOMER_NUMBER_PREFIX}${String(sequence).padStart(CUSTOMER_NUMBER_MIN_DIGITS, '0')}`;
}

/** 'C-000042' / 'c-42' -> 42; anything else (including 'C-0') -> null. */
export function parseCustomerNumber(text: string): number | null {
  if (typeof text !== 'string') return null;
  const match = CUSTOMER_NUMBER_PATTERN.exec(text.trim());
  if (!match) return null;
  const sequence = Number(match[1]);
  return Number.isSafeInteger(sequence) && sequence > 0 ? sequence : null;
}

function displayPart(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Name to show in lists: a business by its businessName, anyone else by "firstName lastName".
 * Each falls back to the other form so a record is never shown blank while it has some name; '' when it has none.
 */
export function customerDisplayName(c: {
  type?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  businessName?: string | null;
}): string {
  const personName = [displayPart(c.firstName), displayPart(c.lastName)]
    .filter((part) => part !== '')
    .join(' ');
  const businessName = displayPart(c.businessName);
  if (c.type === 'business') {
    return businessName || personName;
  }
  return personName || businessName;
}
