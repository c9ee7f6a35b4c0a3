import { CONTACT_PREFERENCES, type ContactPreference } from '../../../contracts';
import { readPastDate } from './dates';
import { normalizeEmailAddress, validateEmail } from './email';
import {
  DomainValidationError,
  type RuleIssue,
  assertNoIssues,
  ensureRecord,
  fieldIssue,
  hasIssueFor,
  readBooleanFlag,
  readEnumValue,
  readTrimmedString,
} from './errors';
import { readExternalId } from './external-id';
import { normalizePhoneNumber } from './phone';

/** Customer contacts: the people at or around a customer that sales keeps track of. */
export { CONTACT_PREFERENCES };
export type { ContactPreference };

export const CONTACT_PHONE_FIELDS = ['mobilePhone', 'mobilePhone2', 'workPhone'] as const;
export const CONTACT_EMAIL_FIELDS = ['email', 'email2'] as const;

const LIMITS = {
  name: 100,
  jobTitle: 100,
  certificate: 200,
  notes: 5000,
  otherContacts: 2000,
} as const;

export interface ContactFields {
  firstName: string;
  lastName: string;
  middleName: string | null;
  birthday: string | null;
  doNotEmail: boolean;
  doNotCall: boolean;
  isUser: boolean;
  contactPreference: ContactPreference;
  notes: string | null;
  jobTitle: string | null;
  certificate: string | null;
  timezone: string | null;
  language: string | null;
  mobilePhone: string | null;
  mobilePhone2: string | null;
  workPhone: string | null;
  email: string | null;
  email2: string | null;
  otherContacts: string | null;
  active: boolean;
  externalId: string | null;
}

export const CONTACT_FIELD_NAMES = [
  'firstName',
  'lastName',
  'middleName',
  'birthday',
  'doNotEmail',
  'doNotCall',
  'isUser',
  'contactPreference',
  'notes',
  'jobTitle',
  'certificate',
  'timezone',
  'language',
  'mobilePhone',
  'mobilePhone2',
  'workPhone',
  'email',
  'email2',
  'otherContacts',
  'active',
  'externalId',
] as const satisfies readonly (keyof ContactFields)[];

const ZONE_NAME = /^(?:UTC|[A-Za-z][A-Za-z_-]*(?:\/[A-Za-z0-9_+-]+)+)$/;

/** An IANA time zone name (e.g. Europe/Paris), returned in its canonical spelling; offsets are not zones. */
export function canonicalTimeZone(name: string): string | null {
  if (!ZONE_NAME.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** A BCP 47 language tag (e.g. en-US, pt-BR, zh-Hant), returned in canonical case. */
export function canonicalLanguageTag(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical ?? null;
  } catch {
    return null;
  }
}

/**
 * Validates the resulting state of a contact (merged with the stored one on update): names
 * required, phones normalised like customers' (E.164), emails lower-cased and valid, a real IANA
 * time zone and BCP 47 language, and a `user` exactly when `isUser` is set.
 */
export function validateContact(
  input: Record<string, unknown>,
  options: { defaultCountry: string; hasUser: boolean; today?: Date }
): ContactFields {
  const record = ensureRecord(input, 'contact');
  const issues: RuleIssue[] = [];
  const text = (field: string, max: number) => readTrimmedString(record, field, issues, max);

  const firstName = text('firstName', LIMITS.name);
  const lastName = text('lastName', LIMITS.name);
  for (const [field, value] of [
    ['firstName', firstName],
    ['lastName', lastName],
  ] as const) {
    if (value === null && !hasIssueFor(issues, field)) {
      issues.push(fieldIssue(field, 'contact.required', `a contact needs a ${field}`));
    }
  }

  const phones = Object.fromEntries(
    CONTACT_PHONE_FIELDS.map((field) => {
      const raw = text(field, 40);
      if (raw === null) return [field, null];
      try {
        return [field, normalizePhoneNumber(raw, options.defaultCountry)];
      } catch (error) {
        if (!(error instanceof DomainValidationError)) throw error;
        issues.push(
          ...error.issues.map((issue) => ({
            ...issue,
            path: [field],
            message: `${field}: ${issue.message}`,
          }))
        );
        return [field, null];
      }
    })
  ) as Record<(typeof CONTACT_PHONE_FIELDS)[number], string | null>;

  const emails = Object.fromEntries(
    CONTACT_EMAIL_FIELDS.map((field) => {
      const raw = text(field, 254);
      if (raw === null) return [field, null];
      try {
        return [field, validateEmail({ address: raw }).address];
      } catch (error) {
        if (!(error instanceof DomainValidationError)) throw error;
        issues.push(
          ...error.issues.map((issue) => ({
            ...issue,
            path: [field],
            message: `${field}: ${issue.message}`,
          }))
        );
        return [field, null];
      }
    })
  ) as Record<(typeof CONTACT_EMAIL_FIELDS)[number], string | null>;

  const zone = text('timezone', 64);
  const timezone = zone === null ? null : canonicalTimeZone(zone);
  if (zone !== null && timezone === null) {
    issues.push(
      fieldIssue(
        'timezone',
        'contact.timezone',
        'timezone must be an IANA time zone such as Europe/Paris'
      )
    );
  }
  const tag = text('language', 35);
  const language = tag === null ? null : canonicalLanguageTag(tag);
  if (tag !== null && language === null) {
    issues.push(
      fieldIssue(
        'language',
        'contact.language',
        'language must be a BCP 47 language tag such as en-US'
      )
    );
  }

  const isUser = readBooleanFlag(record, 'isUser', issues);
  if (isUser && !options.hasUser) {
    issues.push(fieldIssue('user', 'contact.user', 'a contact marked isUser needs a user'));
  }
  if (!isUser && options.hasUser) {
    issues.push(
      fieldIssue('isUser', 'contact.user', 'a contact with a user must be marked isUser')
    );
  }

  const active =
    record.active === undefined || record.active === null
      ? true
      : readBooleanFlag(record, 'active', issues);
  const fields: ContactFields = {
    firstName: firstName ?? '',
    lastName: lastName ?? '',
    middleName: text('middleName', LIMITS.name),
    birthday: readPastDate(
      record,
      'birthday',
      issues,
      options.today ?? new Date(),
      'contact.birthday'
    ),
    doNotEmail: readBooleanFlag(record, 'doNotEmail', issues),
    doNotCall: readBooleanFlag(record, 'doNotCall', issues),
    isUser,
    contactPreference: readEnumValue(
      record,
      'contactPreference',
      CONTACT_PREFERENCES,
      issues,
      'any'
    ),
    notes: text('notes', LIMITS.notes),
    jobTitle: text('jobTitle', LIMITS.jobTitle),
    certificate: text('certificate', LIMITS.certificate),
    timezone,
    language,
    ...phones,
    ...emails,
    otherContacts: text('otherContacts', LIMITS.otherContacts),
    active,
    externalId: readExternalId(record, issues),
  };
  assertNoIssues(issues);
  return fields;
}

/**
 * The individual customer a contact becomes: names and
 * birthday, mobile phone → cell, second mobile → home, work phone → work, first email → personal,
 * second email → work, and the contact's wishes as the customer's privacy flags.
 */
export function customerFromContact(contact: ContactFields): Record<string, unknown> {
  const phones = [
    ['cell', contact.mobilePhone],
    ['home', contact.mobilePhone2],
    ['work', contact.workPhone],
  ].filter(([, number]) => number) as [string, string][];
  const emails = [
    ['personal', contact.email],
    ['work', contact.email2],
  ].filter(([, address]) => address) as [string, string][];
  const preferred: Record<ContactPreference, string | null> = {
    any: null,
    email: 'email',
    mobilePhone: 'phone',
    workPhone: 'phone',
  };
  return {
    type: 'individual',
    firstName: contact.firstName,
    middleName: contact.middleName,
    lastName: contact.lastName,
    dateOfBirth: contact.birthday,
    noEmail: contact.doNotEmail,
    noPhoneCalls: contact.doNotCall,
    preferredContact: preferred[contact.contactPreference],
    phones: phones.map(([type, number]) => ({ type, number })),
    emails: emails.map(([type, address]) => ({ type, address: normalizeEmailAddress(address) })),
  };
}

export const COMMENT_MAX_LENGTH = 5000;

/** An activity-feed comment: non-empty text of at most 5,000 characters. */
export function validateComment(input: unknown): string {
  const issues: RuleIssue[] = [];
  const body = readTrimmedString({ body: input }, 'body', issues, COMMENT_MAX_LENGTH);
  if (body === null && issues.length === 0) {
    issues.push(fieldIssue('body', 'comment.required', 'a comment needs a body'));
  }
  assertNoIssues(issues);
  return body!;
}
