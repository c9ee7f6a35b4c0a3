/**
 * The evidence weights of the duplicate score, in log-odds: each agreement (or conflict) adds its
 * weight to the prior, and the sum goes through a logistic curve to give a score in [0, 1]. A
 * weight of +2 makes a pair about seven times likelier to be one record; -4 fifty times less.
 * Calibrated on the labelled pairs in test/unit/domain/duplicates.
 */

/** Where two people start: a name alone must not make a duplicate. */
export const PERSON_PRIOR = -5.5;
/** Where two businesses start: an exact business name alone stays a "maybe". */
export const BUSINESS_PRIOR = -5;

/** Identifiers: the same one settles it, a different one argues against. */
export const SSN_SAME = 14;
export const SSN_DIFFERENT = -10;
export const EXTERNAL_ID_SAME = 12;
export const EXTERNAL_ID_DIFFERENT = -1;

/**
 * Contact data. A household shares a phone, an address, sometimes a mailbox, and colleagues share
 * a switchboard: this evidence says "same household" as much as "same person".
 */
export const EMAIL_SAME = 6;
export const PHONE_SAME = 4.5;
/** Both have e-mails (phones), none shared: people keep several, so only a nudge. */
export const EMAILS_DISJOINT = -0.3;
export const PHONES_DISJOINT = -0.3;
/** Both e-mails and phones, and not one shared: more telling than either alone. */
export const CONTACT_POINTS_DISJOINT = -1;
export const ADDRESS_SAME = 3;
export const POSTAL_CODE_SAME = 1.2;
export const CITY_SAME = 0.4;
/**
 * What shared contact data may add at most when something tells the two apart (different first
 * names, different dates of birth, Jr. and Sr.): family members and colleagues are not duplicates.
 */
export const SHARED_CONTACT_CAP_ON_CONFLICT = 2.5;

/** Given names, by how they agree. */
export const GIVEN_NAME_WEIGHTS = {
  exact: 2.5,
  variant: 2.2,
  typo: 1.6,
  partial: 1.4,
  initial: 0.6,
  unknown: 0,
  weakConflict: -2,
  conflict: -4,
} as const;
export type GivenAgreement = keyof typeof GIVEN_NAME_WEIGHTS;

/** Family names: a different one argues less against, since people change it when they marry. */
export const FAMILY_NAME_WEIGHTS = {
  exact: 2.5,
  typo: 1.5,
  partial: 1.6,
  unknown: 0,
  conflict: -2.5,
} as const;
export type FamilyAgreement = keyof typeof FAMILY_NAME_WEIGHTS;

/** First and last names found the other way round: as good as straight, a little less sure. */
export const SWAPPED_NAME_PENALTY = 0.5;
/** The first name of one found as the middle name of the other ("J. Robert Smith"). */
export const MIDDLE_AS_GIVEN_PENALTY = 0.5;
export const MIDDLE_NAME_SAME = 0.4;
export const MIDDLE_NAME_CONFLICT = -1.5;
/** Jr. against Sr. (or II against III): father and son. */
export const GENERATION_CONFLICT = -3;

export const DATE_OF_BIRTH_SAME = 4;
export const DATE_OF_BIRTH_NEAR = 1;
export const DATE_OF_BIRTH_CONFLICT = -5;

/**
 * Contacts: their company, or their work e-mail's domain when a company is not named on both. One
 * name at one company is most often one person; people change jobs, so another company says little.
 */
export const COMPANY_SAME = 2.5;
export const COMPANY_SIMILAR = 2;
export const COMPANY_DOMAIN_SAME = 2;
/** The e-mail domain agreeing with a company that already matched. */
export const COMPANY_DOMAIN_CONFIRMS = 0.5;
export const COMPANY_DIFFERENT = -0.5;

/** Business names, by how they agree. */
export const BUSINESS_NAME_WEIGHTS = {
  exact: 5,
  similar: 3.5,
  acronym: 3,
  close: 1,
  unknown: 0,
  different: -1.5,
  conflict: -3,
} as const;
export type BusinessNameAgreement = keyof typeof BUSINESS_NAME_WEIGHTS;

/** Businesses: a shared non-free e-mail domain, or none shared while both have one. */
export const DOMAIN_SAME = 4;
export const DOMAINS_DISJOINT = -1.5;

/** Businesses: a shared mailbox or phone number (the company's own lines). */
export const BUSINESS_EMAIL_SAME = 5;
export const BUSINESS_PHONE_SAME = 4;
