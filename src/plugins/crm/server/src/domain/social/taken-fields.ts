import type { CustomerType } from '../../../../contracts';
import { DomainValidationError, type RuleIssue } from '../errors';

/** The name fields of each customer type that a found profile may fill. */
export const SOCIAL_NAME_FIELDS: Record<CustomerType, readonly string[]> = {
  individual: ['firstName', 'middleName', 'lastName'],
  business: ['businessName'],
};

/** Fields a found profile may fill on a customer of `type`. */
export const takeableFields = (type: CustomerType): string[] => [
  'avatarUrl',
  'socialProfiles',
  ...SOCIAL_NAME_FIELDS[type],
];

/**
 * Refuses any field of what is taken from a found profile that a profile may not fill on this
 * customer: unknown fields, and fields that are no name of its type (a business has no first
 * name). The values themselves are the customer rules' to judge, on the normal update path.
 */
export function assertTakeableFields(type: CustomerType, data: Record<string, unknown>): void {
  const allowed = takeableFields(type);
  const issues: RuleIssue[] = Object.keys(data)
    .filter((field) => !allowed.includes(field))
    .map((field) => ({
      path: ['data', field],
      rule: 'social.field',
      message: `data.${field} cannot be taken from a social profile for ${type === 'individual' ? 'an individual' : 'a business'} customer (allowed: ${allowed.join(', ')})`,
    }));
  if (Object.keys(data).length === 0)
    issues.push({
      path: ['data'],
      rule: 'social.field',
      message: `data names no field to take (allowed: ${allowed.join(', ')})`,
    });
  if (issues.length > 0) throw new DomainValidationError(issues);
}

/**
 * What the history says a social profile's values came from: the source, then the address it
 * was asked about (an erasure keeps the source only).
 */
export const socialProfileOrigin = (source?: { service: string; email: string }): string =>
  source ? `social-profile:${source.service} ${source.email}` : 'social-profile';
