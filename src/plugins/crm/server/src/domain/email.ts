import { z } from 'zod';

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

export type EmailType = (typeof CONTACT_POINT_TYPES.email)[number];

export interface EmailFields {
  type: EmailType;
  address: string;
}

/** RFC 5321 limit on a forward path. */
export const EMAIL_ADDRESS_MAX_LENGTH = 254;

const emailAddressSchema = z.string().max(EMAIL_ADDRESS_MAX_LENGTH).email();

/**
 * Trimmed and lower-cased, without validating, so it can also normalise search terms and lookups.
 * Lower-casing the local part is deliberate: it lets duplicates be found, and mail providers ignore case in practice.
 */
export function normalizeEmailAddress(raw: string): string {
  if (typeof raw !== 'string') {
    throw new DomainValidationError(
      fieldIssue('address', 'field.type', 'address must be a string')
    );
  }
  return raw.trim().toLowerCase();
}

/**
 * Validates the resulting state of one email: address required, trimmed, lower-cased and checked;
 * type defaults to 'personal'.
 */
export function validateEmail(input: Record<string, unknown>): EmailFields {
  const record = ensureRecord(input, 'email');
  const issues: RuleIssue[] = [];

  const type = readEnumValue(
    record,
    'type',
    CONTACT_POINT_TYPES.email,
    issues,
    CONTACT_POINT_TYPES.email[0]
  );
  const raw = readTrimmedString(record, 'address', issues);
  let address: string | null = null;
  if (raw === null) {
    if (!hasIssueFor(issues, 'address')) {
      issues.push(fieldIssue('address', 'email.required', 'an email needs an address'));
    }
  } else {
    const normalized = normalizeEmailAddress(raw);
    if (emailAddressSchema.safeParse(normalized).success) {
      address = normalized;
    } else {
      issues.push(fieldIssue('address', 'email.invalid', `${raw} is not a valid email address`));
    }
  }

  if (issues.length > 0 || address === null) {
    throw new DomainValidationError(issues);
  }
  return { type, address };
}
