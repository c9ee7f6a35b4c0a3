/**
 * The personal-data export (`GET /customers/:id/personal-data`, `GET /contacts/:id/personal-data`):
 * everything the CRM holds on one person, as one JSON document or, with `?format=zip`, as one CSV
 * file per section in a zip. Records of other people appear by name and number only; the SSN only
 * as its mask; ciphertexts, hashes and private fields (passwords, tokens) never.
 */
import type { HistoryEntry } from './history';

export const PERSONAL_DATA_FORMATS = ['json', 'zip'] as const;
export type PersonalDataFormat = (typeof PERSONAL_DATA_FORMATS)[number];

/** The audit log's action for an export. */
export const PERSONAL_DATA_EXPORT_ACTION = 'personal-data.export';

/** A scalar as stored: text, number, flag, date or datetime (ISO), or nothing. */
export type PersonalDataScalar = string | number | boolean | null;

/** Another record, by what it is called and its customer number only (null for a contact). */
export interface PersonalDataPartyRef {
  name: string | null;
  number: string | null;
}

/** The record asked about. */
export interface PersonalDataSubject {
  uid: 'plugin::crm.customer' | 'plugin::crm.contact';
  documentId: string;
  label: string | null;
}

/**
 * A customer or contact's own fields (every stored, non-private field: `documentId`, names, dates,
 * flags, the SSN's mask, `createdAt`…), and its links to other records by name and number:
 * a customer's `primaryContact`; a contact's `company`, `convertedCustomer`, `manager` (name only)
 * and `user` (its own login: username and e-mail).
 */
/** A customer's links to its profiles elsewhere (`socialProfiles`). */
export interface PersonalDataProfileLink {
  service: string;
  url: string;
  username?: string;
}

export type PersonalDataRecord = Record<
  string,
  PersonalDataScalar | PersonalDataPartyRef | PersonalDataLogin | PersonalDataProfileLink[]
>;

export interface PersonalDataLogin {
  username: string | null;
  email: string | null;
}

export interface PersonalDataAddress {
  documentId: string;
  type: string | null;
  line1: string | null;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
  isPrimary: boolean | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface PersonalDataPhone {
  documentId: string;
  type: string | null;
  number: string | null;
  isPrimary: boolean | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface PersonalDataEmail {
  documentId: string;
  type: string | null;
  address: string | null;
  isPrimary: boolean | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** A connection of the customer, from either side; the other customer by name and number. */
export interface PersonalDataConnection {
  documentId: string;
  relationshipType: string;
  title: string | null;
  direction: 'outgoing' | 'incoming';
  createdAt: string | null;
  other: PersonalDataPartyRef;
}

/** A relationship of the customer, labelled from its side; the other customer by name and number. */
export interface PersonalDataRelationship {
  documentId: string;
  kind: string;
  type: string | null;
  label: string;
  createdAt: string | null;
  other: PersonalDataPartyRef;
}

/**
 * A contact record of the same person: one that shares an e-mail or phone number with the record
 * asked about (`shares` lists them), or, for a customer, one that was converted to it.
 */
export type PersonalDataContact = Record<
  string,
  PersonalDataScalar | PersonalDataPartyRef | PersonalDataLogin | string[]
> & {
  shares: string[];
  convertedToSubject: boolean;
};

/**
 * A customer record that shares an e-mail or phone number with the record asked about, or, for a
 * contact, the customer it was converted to: by name and number only.
 */
export interface PersonalDataCustomerRef extends PersonalDataPartyRef {
  shares: string[];
  convertedFromSubject: boolean;
}

/** A marketing list one of the person's contact records is on. */
export interface PersonalDataMembership {
  contactDocumentId: string;
  list: string;
  channel: string | null;
}

/** A comment or event of one of the person's contact records. */
export interface PersonalDataActivity {
  contactDocumentId: string;
  documentId: string;
  body: string;
  authorType: string | null;
  authorName: string | null;
  createdAt: string | null;
}

/** An audited SSN reveal of the customer; `ssn` is the mask, never the number. */
export interface PersonalDataSsnReveal {
  at: string | null;
  outcome: string;
  reason: string | null;
  actorType: string | null;
  actorName: string | null;
  ssn: string | null;
}

export interface PersonalDataExport {
  subject: PersonalDataSubject;
  exportedAt: string;
  record: PersonalDataRecord;
  /** A customer's addresses, phones and e-mails (a contact keeps its own in `record`). */
  contactPoints: {
    addresses: PersonalDataAddress[];
    phones: PersonalDataPhone[];
    emails: PersonalDataEmail[];
  };
  connections: PersonalDataConnection[];
  relationships: PersonalDataRelationship[];
  /** Other contact records of the person (never the subject itself). */
  contacts: PersonalDataContact[];
  /** Customer records of the person, by name and number (never the subject itself). */
  customers: PersonalDataCustomerRef[];
  /** List memberships of the contact asked about and of `contacts`. */
  marketingLists: PersonalDataMembership[];
  /** Activity of the contact asked about and of `contacts`, newest first. */
  activity: PersonalDataActivity[];
  /**
   * Change history of the record, its contact points and links, and of `contacts`, newest first
   * (values as the history shows them: the SSN masked, erased values redacted).
   */
  history: HistoryEntry[];
  /** For a customer: the audited reveals of its SSN. */
  ssnReveals: PersonalDataSsnReveal[];
}

/** The CSV files of the zip, in order; `history.csv` has one row per changed field. */
export const PERSONAL_DATA_FILES = [
  'export.csv',
  'record.csv',
  'addresses.csv',
  'phones.csv',
  'emails.csv',
  'connections.csv',
  'relationships.csv',
  'contacts.csv',
  'customers.csv',
  'marketing-lists.csv',
  'activity.csv',
  'history.csv',
  'ssn-reveals.csv',
] as const;
export type PersonalDataFile = (typeof PERSONAL_DATA_FILES)[number];
