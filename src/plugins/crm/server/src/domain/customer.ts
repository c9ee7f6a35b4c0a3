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

export const CUSTOMER_TYPES = ['individual', 'business'] as const;
export const GENDERS = ['female', 'male', 'non_binary', 'undisclosed'] as const;
export const MARITAL_STATUSES = [
  'single',
  'married',
  'domestic_partnership',
  'separated',
  'divorced',
  'widowed',
] as const;
export const PREFERRED_CONTACTS = ['email', 'mail', 'phone', 'text'] as const;
export const CUSTOMER_STATUSES = ['active', 'inactive'] as const;

export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export type Gender = (typeof GENDERS)[number];
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];
export type PreferredContact = (typeof PREFERRED_CONTACTS)[number];
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

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
] as const);

export const NAME_MAX_LENGTH = 100;
export const BUSINESS_NAME_MAX_LENGTH = 200;

const DATE_ONLY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// Only the calendar date as written is kept: shifting a timestamp into another zone would move birthdays.
const ISO_TIMESTAMP_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?$/i;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  const days = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return days[month - 1] ?? 0;
}

function formatDateParts(year: number, month: number, day: number): string | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// UTC, because a Date with no zone information of its own is how date-only values travel through JSON and DB drivers.
function utcDateString(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return formatDateParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function parseCalendarDate(text: string): string | null {
  const match = DATE_ONLY_PATTERN.exec(text) ?? ISO_TIMESTAMP_PATTERN.exec(text);
  if (!match) return null;
  return formatDateParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

function readDateOfBirth(input: Record<string, unknown>, issues: RuleIssue[], today: Date): string | null {
  const raw = input.dateOfBirth;
  if (raw === undefined || raw === null) return null;

  let dateOfBirth: string | null;
  if (raw instanceof Date) {
    dateOfBirth = utcDateString(raw);
  } else if (typeof raw === 'string') {
    const trimmed = raw.trim();
    if (trimmed === '') return null;
    dateOfBirth = parseCalendarDate(trimmed);
  } else {
    issues.push(fieldIssue('dateOfBirth', 'field.type', 'dateOfBirth must be a date string in YYYY-MM-DD form'));
    return null;
  }

  if (dateOfBirth === null) {
    issues.push(
      fieldIssue('dateOfBirth', 'customer.dateOfBirth.invalid', 'dateOfBirth must be a real date in YYYY-MM-DD form'),
    );
    return null;
  }
  const todayText = utcDateString(today);
  // Same-width YYYY-MM-DD strings compare correctly as text.
  if (todayText !== null && dateOfBirth > todayText) {
    issues.push(fieldIssue('dateOfBirth', 'customer.dateOfBirth.future', 'dateOfBirth cannot be in the future'));
  }
  return dateOfBirth;
}

function requireField(
  issues: RuleIssue[],
  field: keyof CustomerFields,
  value: string | null,
  message: string,
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
export function validateCustomer(input: Record<string, unknown>, options?: { today?: Date }): CustomerFields {
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
  const preferredContact = readEnumValue(record, 'preferredContact', PREFERRED_CONTACTS, issues, null);
  const status = readEnumValue(record, 'status', CUSTOMER_STATUSES, issues, 'active');

  // An unrecognised type was already reported; guessing which names it needs would only add noise.
  if (!hasIssueFor(issues, 'type')) {
    if (type === 'individual') {
      requireField(issues, 'firstName', firstName, 'an individual customer needs a firstName');
      requireField(issues, 'lastName', lastName, 'an individual customer needs a lastName');
    } else {
      requireField(issues, 'businessName', businessName, 'a business customer needs a businessName');
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
  };
}

export const CUSTOMER_NUMBER_PREFIX = 'C-';
const CUSTOMER_NUMBER_MIN_DIGITS = 6;
const CUSTOMER_NUMBER_PATTERN = /^c-(\d{1,15})$/i;

/** 42 -> 'C-000042'; 1234567 -> 'C-1234567'. A bad sequence is a programming error, hence RangeError. */
export function formatCustomerNumber(sequence: number): string {
  if (!Number.isSafeInteger(sequence) || sequence <= 0) {
    throw new RangeError(`customer number sequence must be a positive integer, got ${String(sequence)}`);
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
  const personName = [displayPart(c.firstName), displayPart(c.lastName)].filter((part) => part !== '').join(' ');
  const businessName = displayPart(c.businessName);
  if (c.type === 'business') {
    return businessName || personName;
  }
  return personName || businessName;
}
