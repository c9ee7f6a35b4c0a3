import type { MatchRecord } from '../../../../src/plugins/crm/server/src/domain/duplicates';

/** Records for the matcher's tests: an individual, a business, a contact, nothing else set. */
export const person = (
  firstName: string | null,
  lastName: string | null,
  details: Partial<MatchRecord> = {}
): MatchRecord => ({
  type: 'individual',
  firstName,
  lastName,
  emails: [],
  phones: [],
  addresses: [],
  ...details,
});

export const business = (
  businessName: string,
  details: Partial<MatchRecord> = {}
): MatchRecord => ({
  type: 'business',
  businessName,
  emails: [],
  phones: [],
  addresses: [],
  ...details,
});
