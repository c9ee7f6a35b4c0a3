import { CONTACT_FIELD_NAMES } from '../contact';
import { CUSTOMER_FIELD_NAMES } from '../customer';
import { DomainValidationError } from '../errors';
import { MergeConflict } from './errors';

/**
 * The fields a merge chooses, per record type: a customer's fields (its type is the one all the
 * merged records share), its SSN and a business's primary contact; a contact's fields and its
 * to-one relations (company, manager, login, the customer it was converted to). A contact's
 * `isUser` follows its login.
 */
export const CUSTOMER_MERGE_FIELDS: readonly string[] = Object.freeze([
  ...CUSTOMER_FIELD_NAMES.filter((field) => field !== 'type'),
  'ssn',
  'primaryContact',
]);

export const CONTACT_RELATION_FIELDS = ['company', 'manager', 'user', 'convertedCustomer'] as const;

export const CONTACT_MERGE_FIELDS: readonly string[] = Object.freeze([
  ...CONTACT_FIELD_NAMES.filter((field) => field !== 'isUser'),
  ...CONTACT_RELATION_FIELDS,
]);

/** Records of one merge must be of one customer type; returns that type. */
export function assertOneType<T extends string>(
  records: readonly { documentId: string; type: T }[]
): T {
  const [survivor, ...merged] = records;
  const others = merged.filter((record) => record.type !== survivor.type);
  if (others.length > 0) {
    throw new DomainValidationError({
      path: ['merged'],
      rule: 'merge.type',
      message: `${others.map((record) => `${record.documentId} is ${article(record.type)} ${record.type}`).join(', ')} and the survivor ${survivor.documentId} ${article(survivor.type)} ${survivor.type}: only customers of one type merge (individual with individual, business with business)`,
    });
  }
  return survivor.type;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

/** A contact has one login: of the contacts merged, at most one may have one. */
export function assertOneLogin(records: readonly { documentId: string; user: unknown }[]): void {
  const withLogin = records.filter((record) => record.user !== null && record.user !== undefined);
  if (withLogin.length > 1) {
    throw new MergeConflict(
      'contact.user',
      `${withLogin.map((record) => record.documentId).join(' and ')} each have a login; a contact has one login: remove all but one first`,
      { records: withLogin.map((record) => record.documentId) }
    );
  }
}
