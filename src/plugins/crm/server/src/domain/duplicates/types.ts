/**
 * What the duplicate matcher compares: a customer or a contact reduced to the values that tell
 * whether two records are one person or one business.
 */
export interface MatchRecord {
  /** A customer's type, or `contact` for customer contacts (matched as people). */
  type: 'individual' | 'business' | 'contact';
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  businessName?: string | null;
  /** YYYY-MM-DD (customers: dateOfBirth; contacts: birthday). */
  dateOfBirth?: string | null;
  /** Lower-case addresses. */
  emails: readonly string[];
  /** E.164 numbers. */
  phones: readonly string[];
  externalId?: string | null;
  /** The keyed hash of the SSN (never the number). */
  ssnHash?: string | null;
  addresses: readonly {
    line1?: string | null;
    city?: string | null;
    postalCode?: string | null;
    country?: string | null;
  }[];
  /** Contacts: their company's name. */
  company?: string | null;
}

/** Why two records look like one. */
export const DUPLICATE_REASONS = [
  'email',
  'phone',
  'externalId',
  'ssn',
  'name',
  'nickname',
  'swappedName',
  'typo',
  'dateOfBirth',
  'address',
  'postalCode',
  'city',
  'company',
  'businessName',
  'domain',
] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export interface DuplicateVerdict {
  /** 0 (nothing in common) to 1 (certainly one record). */
  score: number;
  reasons: DuplicateReason[];
}
