import { type PreparedAddress, prepareAddress } from './addresses';
import { type PreparedBusinessName, prepareBusinessName } from './business-names';
import { dateOfBirthDigits } from './dates-of-birth';
import { businessDomainOf, mailboxOf } from './email-identity';
import { type PersonName, preparePersonName } from './person-names';
import type { MatchRecord } from './types';

/**
 * A record reduced once for matching, so that comparing it with many candidates repeats no
 * folding, parsing or lookups.
 */
export interface PreparedRecord {
  readonly type: MatchRecord['type'];
  /** Individuals and contacts are people; people and businesses are never one record. */
  readonly kind: 'person' | 'business';
  /** People: the reduced name. */
  readonly name: PersonName;
  /** Businesses: the normalised business name. */
  readonly businessName: PreparedBusinessName;
  /** YYYYMMDD, null when unknown. */
  readonly dateOfBirth: string | null;
  /** The mailboxes the e-mails reach (see mailboxOf). */
  readonly mailboxes: readonly string[];
  /** Business domains of the e-mails (free mail left out). */
  readonly domains: readonly string[];
  readonly phones: readonly string[];
  readonly externalId: string | null;
  readonly ssnHash: string | null;
  readonly addresses: readonly PreparedAddress[];
  /** Contacts: the normalised name of their company (an empty key when none). */
  readonly company: PreparedBusinessName;
}

const distinct = (values: Iterable<string | null>): string[] => {
  const seen = new Set<string>();
  for (const value of values) if (value) seen.add(value);
  return [...seen];
};

/** What a business has for a person's name, and a person without a company for a company. */
const NO_NAME = preparePersonName(null, null, null);
const NO_BUSINESS_NAME = prepareBusinessName(null);

const trimmedOrNull = (value: string | null | undefined): string | null => value?.trim() || null;

/** Reduces a record for matching (see comparePrepared and preparedBlockingKeys). */
export function prepareRecord(record: MatchRecord): PreparedRecord {
  const kind = record.type === 'business' ? 'business' : 'person';
  const mailboxes = distinct((record.emails ?? []).map(mailboxOf));
  const addresses: PreparedAddress[] = [];
  for (const address of record.addresses ?? []) {
    const prepared = prepareAddress(address);
    if (prepared) addresses.push(prepared);
  }
  return {
    type: record.type,
    kind,
    name:
      kind === 'person'
        ? preparePersonName(record.firstName, record.middleName, record.lastName)
        : NO_NAME,
    businessName: kind === 'business' ? prepareBusinessName(record.businessName) : NO_BUSINESS_NAME,
    dateOfBirth: kind === 'person' ? dateOfBirthDigits(record.dateOfBirth) : null,
    mailboxes,
    domains: distinct(mailboxes.map(businessDomainOf)),
    phones: distinct((record.phones ?? []).map((phone) => phone.replace(/[^\d+]/g, ''))),
    externalId: trimmedOrNull(record.externalId),
    ssnHash: trimmedOrNull(record.ssnHash),
    addresses,
    company:
      kind === 'person' && record.company ? prepareBusinessName(record.company) : NO_BUSINESS_NAME,
  };
}
