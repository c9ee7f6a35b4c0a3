import { compareAddressLists } from './addresses';
import { compareBusinessNames } from './business-names';
import { compareDatesOfBirth } from './dates-of-birth';
import { compareNames } from './person-names';
import { type PreparedRecord, prepareRecord } from './prepared-record';
import type { DuplicateReason, DuplicateVerdict, MatchRecord } from './types';
import {
  ADDRESS_SAME,
  BUSINESS_EMAIL_SAME,
  BUSINESS_NAME_WEIGHTS,
  BUSINESS_PHONE_SAME,
  BUSINESS_PRIOR,
  CITY_SAME,
  COMPANY_DIFFERENT,
  COMPANY_DOMAIN_CONFIRMS,
  COMPANY_DOMAIN_SAME,
  COMPANY_SAME,
  COMPANY_SIMILAR,
  CONTACT_POINTS_DISJOINT,
  DATE_OF_BIRTH_CONFLICT,
  DATE_OF_BIRTH_NEAR,
  DATE_OF_BIRTH_SAME,
  DOMAINS_DISJOINT,
  DOMAIN_SAME,
  EMAILS_DISJOINT,
  EMAIL_SAME,
  EXTERNAL_ID_DIFFERENT,
  EXTERNAL_ID_SAME,
  FAMILY_NAME_WEIGHTS,
  GENERATION_CONFLICT,
  GIVEN_NAME_WEIGHTS,
  MIDDLE_AS_GIVEN_PENALTY,
  MIDDLE_NAME_CONFLICT,
  MIDDLE_NAME_SAME,
  PERSON_PRIOR,
  PHONES_DISJOINT,
  PHONE_SAME,
  POSTAL_CODE_SAME,
  SHARED_CONTACT_CAP_ON_CONFLICT,
  SSN_DIFFERENT,
  SSN_SAME,
  SWAPPED_NAME_PENALTY,
} from './weights';

/**
 * The score at or above which two records are called duplicates. On the labelled pairs it lies in
 * the gap between the best-scoring non-duplicate and the worst-scoring duplicate; below it a pair
 * needs more than a name and one household detail.
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.8;
/**
 * The score at or above which creating the record should be refused rather than flagged. It takes
 * an identifier; or, for people, a matching name with a shared e-mail, phone or date of birth (a
 * name and an address stay below); or, for businesses, the same normalised name with a shared
 * phone, domain or street address.
 */
export const DEFAULT_DUPLICATE_BLOCK_SCORE = 0.95;

const sharesAny = (a: readonly string[], b: readonly string[]): boolean => {
  for (const value of a) if (b.includes(value)) return true;
  return false;
};

/** The score of summed evidence (log-odds), on a logistic curve, to three decimals. */
const scoreOf = (evidence: number): number => Math.round(1000 / (1 + Math.exp(-evidence))) / 1000;

/** Identifiers: the same SSN or external id is one record, different ones argue against. */
const identifierEvidence = (
  a: PreparedRecord,
  b: PreparedRecord,
  reasons: DuplicateReason[]
): number => {
  let evidence = 0;
  if (a.ssnHash !== null && b.ssnHash !== null) {
    if (a.ssnHash === b.ssnHash) {
      evidence += SSN_SAME;
      reasons.push('ssn');
    } else evidence += SSN_DIFFERENT;
  }
  // Contacts and customers number their external ids apart: only like with like compares.
  const sameIdSpace = (a.type === 'contact') === (b.type === 'contact');
  if (a.externalId !== null && b.externalId !== null && sameIdSpace) {
    if (a.externalId === b.externalId) {
      evidence += EXTERNAL_ID_SAME;
      reasons.push('externalId');
    } else evidence += EXTERNAL_ID_DIFFERENT;
  }
  return evidence;
};

/** Addresses: the same place, or only the same postal code or city. */
const addressEvidence = (
  a: PreparedRecord,
  b: PreparedRecord,
  reasons: DuplicateReason[]
): number => {
  switch (compareAddressLists(a.addresses, b.addresses)) {
    case 'address':
      reasons.push('address');
      return ADDRESS_SAME;
    case 'postalCode':
      reasons.push('postalCode');
      return POSTAL_CODE_SAME;
    case 'city':
      reasons.push('city');
      return CITY_SAME;
    default:
      return 0;
  }
};

function personEvidence(a: PreparedRecord, b: PreparedRecord, reasons: DuplicateReason[]): number {
  let evidence = PERSON_PRIOR + identifierEvidence(a, b, reasons);
  const sameDomain = sharesAny(a.domains, b.domains);

  // What a household or an office shares: weighed in full only when nothing tells the two apart.
  let shared = 0;
  let emailsDisjoint = false;
  let phonesDisjoint = false;
  if (a.mailboxes.length > 0 && b.mailboxes.length > 0) {
    if (sharesAny(a.mailboxes, b.mailboxes)) {
      shared += EMAIL_SAME;
      reasons.push('email');
    } else {
      emailsDisjoint = true;
      // Two mailboxes at one employer ("jane.doe@", "jdoe@") are as likely aliases as two people.
      if (!sameDomain) evidence += EMAILS_DISJOINT;
    }
  }
  if (a.phones.length > 0 && b.phones.length > 0) {
    if (sharesAny(a.phones, b.phones)) {
      shared += PHONE_SAME;
      reasons.push('phone');
    } else {
      phonesDisjoint = true;
      evidence += PHONES_DISJOINT;
    }
  }
  if (emailsDisjoint && phonesDisjoint) evidence += CONTACT_POINTS_DISJOINT;

  const names = compareNames(a.name, b.name);
  const givenWeight = GIVEN_NAME_WEIGHTS[names.given];
  const familyWeight = FAMILY_NAME_WEIGHTS[names.family];
  evidence += givenWeight + familyWeight;
  if (names.swapped) evidence -= SWAPPED_NAME_PENALTY;
  if (names.viaMiddleName) evidence -= MIDDLE_AS_GIVEN_PENALTY;
  if (names.middle === 1) evidence += MIDDLE_NAME_SAME;
  else if (names.middle === -1) evidence += MIDDLE_NAME_CONFLICT;
  if (names.generationConflict) evidence += GENERATION_CONFLICT;
  if (givenWeight >= 0 && familyWeight >= 0 && givenWeight + familyWeight > 0) {
    reasons.push(names.swapped ? 'swappedName' : 'name');
    if (names.given === 'variant') reasons.push('nickname');
    if (names.given === 'typo' || names.family === 'typo') reasons.push('typo');
  }

  const dateOfBirth = compareDatesOfBirth(a.dateOfBirth, b.dateOfBirth);
  if (dateOfBirth === 'same') {
    evidence += DATE_OF_BIRTH_SAME;
    reasons.push('dateOfBirth');
  } else if (dateOfBirth === 'near') evidence += DATE_OF_BIRTH_NEAR;
  else if (dateOfBirth === 'conflict') evidence += DATE_OF_BIRTH_CONFLICT;

  // Contacts: where they work, from the company named or their work e-mail's domain.
  let sameCompany = false;
  if (a.company.key && b.company.key) {
    const company = compareBusinessNames(a.company, b.company);
    if (company === 'exact') {
      evidence += COMPANY_SAME;
      sameCompany = true;
    } else if (company === 'similar' || company === 'acronym') {
      evidence += COMPANY_SIMILAR;
      sameCompany = true;
    } else if (company === 'different' || company === 'conflict') evidence += COMPANY_DIFFERENT;
    if (sameCompany) reasons.push('company');
  }
  if (sameDomain && a.type === 'contact' && b.type === 'contact') {
    evidence += sameCompany ? COMPANY_DOMAIN_CONFIRMS : COMPANY_DOMAIN_SAME;
    reasons.push('domain');
  }

  shared += addressEvidence(a, b, reasons);
  const toldApart = givenWeight < 0 || dateOfBirth === 'conflict' || names.generationConflict;
  return evidence + (toldApart ? Math.min(shared, SHARED_CONTACT_CAP_ON_CONFLICT) : shared);
}

function businessEvidence(
  a: PreparedRecord,
  b: PreparedRecord,
  reasons: DuplicateReason[]
): number {
  let evidence = BUSINESS_PRIOR + identifierEvidence(a, b, reasons);
  const name = compareBusinessNames(a.businessName, b.businessName);
  const nameWeight = BUSINESS_NAME_WEIGHTS[name];
  evidence += nameWeight;
  if (name === 'exact' || name === 'similar' || name === 'acronym') reasons.push('businessName');

  // Tenants of one building, clients of one accountant share contact data with other businesses.
  let shared = 0;
  if (a.mailboxes.length > 0 && b.mailboxes.length > 0 && sharesAny(a.mailboxes, b.mailboxes)) {
    shared += BUSINESS_EMAIL_SAME;
    reasons.push('email');
  } else if (a.domains.length > 0 && b.domains.length > 0) {
    if (sharesAny(a.domains, b.domains)) {
      shared += DOMAIN_SAME;
      reasons.push('domain');
    } else evidence += DOMAINS_DISJOINT;
  }
  if (a.phones.length > 0 && b.phones.length > 0) {
    if (sharesAny(a.phones, b.phones)) {
      shared += BUSINESS_PHONE_SAME;
      reasons.push('phone');
    } else evidence += PHONES_DISJOINT;
  }
  shared += addressEvidence(a, b, reasons);
  return evidence + (nameWeight < 0 ? Math.min(shared, SHARED_CONTACT_CAP_ON_CONFLICT) : shared);
}

/**
 * How likely two prepared records are one customer (or one contact), with the reasons. People
 * (individuals and contacts) are compared with people, businesses with businesses; an individual
 * is never a duplicate of a business.
 */
export function comparePrepared(a: PreparedRecord, b: PreparedRecord): DuplicateVerdict {
  if (a.kind !== b.kind) return { score: 0, reasons: [] };
  const reasons: DuplicateReason[] = [];
  const evidence =
    a.kind === 'person' ? personEvidence(a, b, reasons) : businessEvidence(a, b, reasons);
  return { score: scoreOf(evidence), reasons };
}

/** comparePrepared for two records not prepared yet (prepare once when comparing one with many). */
export function compareRecords(a: MatchRecord, b: MatchRecord): DuplicateVerdict {
  return comparePrepared(prepareRecord(a), prepareRecord(b));
}
