import { createHmac } from 'node:crypto';

import {
  ERASED_PERSON_NAME,
  ERASURE_KINDS,
  REDACTED_VALUE,
  type ErasureKind,
  type HistoryChange,
  type HistoryValue,
} from '../../../contracts';
import { normalizeEmailAddress } from './email';
import type { HistoryRecordKind } from './history';
import { normalizePhoneNumber } from './phone';

/** What a refused write and an ignored import row say. */
export const ERASED_PERSON_REASON = 'this person asked to be erased';

export { ERASURE_KINDS, type ErasureKind };

/**
 * A customer's personal fields besides its name, cleared by an erasure. Kept: the customer number,
 * type, status, the privacy flags and preferred channel (they say what may be done, not who), and
 * every link (connections, relationships, primary contact).
 */
export const ERASED_CUSTOMER_FIELDS = [
  'middleName',
  'gender',
  'dateOfBirth',
  'maritalStatus',
  'ssn',
  'ssnEncrypted',
  'ssnHash',
  // Another system's id of the person: it leads back to them.
  'externalId',
  // Their picture and their profiles elsewhere.
  'avatarUrl',
  'socialProfiles',
] as const;

/**
 * A contact's personal fields besides its name, cleared by an erasure. Kept: company, manager,
 * the customer it was converted to, active, contact preference and do-not flags.
 */
export const ERASED_CONTACT_FIELDS = [
  'middleName',
  'birthday',
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
  'externalId',
] as const;

/**
 * The fields of each record kind whose values in the history are the person's. Contact points
 * and comments of an erased record are personal through and through (their type and flags aside).
 */
export const PERSONAL_HISTORY_FIELDS: Record<HistoryRecordKind, readonly string[]> = {
  customer: [
    'firstName',
    'lastName',
    'businessName',
    ...ERASED_CUSTOMER_FIELDS.filter((field) => field !== 'ssnEncrypted' && field !== 'ssnHash'),
  ],
  contact: ['firstName', 'lastName', ...ERASED_CONTACT_FIELDS, 'user'],
  address: ['line1', 'line2', 'city', 'region', 'postalCode', 'country'],
  phone: ['number'],
  email: ['address'],
  activity: ['body'],
  connection: [],
  relationship: [],
};

/** A history entry's origin without what it was asked about (`social-profile:gravatar <address>`). */
export const erasedHistoryOrigin = (origin: string): string => origin.split(' ')[0];

/** The reference an erased record's name carries: not personal, and tells records apart. */
export const erasureReference = (documentId: string): string =>
  `ER-${documentId.slice(0, 8).toUpperCase()}`;

/** The erased name fields of a customer: a business keeps no other name than this either. */
export const erasedCustomerNames = (
  type: 'individual' | 'business',
  documentId: string
): Record<string, string | null> => {
  const reference = erasureReference(documentId);
  return type === 'business'
    ? {
        firstName: null,
        middleName: null,
        lastName: null,
        businessName: `${ERASED_PERSON_NAME} ${reference}`,
      }
    : { firstName: ERASED_PERSON_NAME, middleName: null, lastName: reference, businessName: null };
};

/** The row update that erases a customer (its contact points go separately). */
export const erasedCustomerValues = (customer: {
  type: 'individual' | 'business';
  documentId: string;
}): Record<string, unknown> => ({
  ...Object.fromEntries(ERASED_CUSTOMER_FIELDS.map((field) => [field, null])),
  ...erasedCustomerNames(customer.type, customer.documentId),
});

/** The row update that erases a contact; its login goes with it (see the service). */
export const erasedContactValues = (contact: { documentId: string }): Record<string, unknown> => ({
  ...Object.fromEntries(ERASED_CONTACT_FIELDS.map((field) => [field, null])),
  firstName: ERASED_PERSON_NAME,
  lastName: erasureReference(contact.documentId),
  isUser: false,
});

const emptyValue = (value: unknown) => value === null || value === undefined || value === '';

/** Whether a record holds nothing personal any more: erasing it again changes nothing. */
export const isErasedRecord = (
  kind: 'customer' | 'contact',
  row: Record<string, unknown>,
  contactPoints = 0
): boolean => {
  if (kind === 'customer') {
    const names = erasedCustomerNames(
      row.type === 'business' ? 'business' : 'individual',
      String(row.documentId)
    );
    return (
      contactPoints === 0 &&
      Object.entries(names).every(([field, value]) => (row[field] ?? null) === value) &&
      ERASED_CUSTOMER_FIELDS.every((field) => emptyValue(row[field]))
    );
  }
  return (
    row.firstName === ERASED_PERSON_NAME &&
    row.lastName === erasureReference(String(row.documentId)) &&
    ERASED_CONTACT_FIELDS.every((field) => emptyValue(row[field])) &&
    row.isUser !== true
  );
};

/** E-mails and phone numbers that identify a person, normalised as the list keys them. */
export interface IdentityValues {
  emails: string[];
  phones: string[];
}

/**
 * Phone types that identify a person. A work or fax number is often a switchboard shared by
 * colleagues: it neither finds the same person nor goes on the erasure list.
 */
const PERSONAL_PHONE_TYPES = new Set(['home', 'cell']);

const unique = (values: (string | null | undefined)[]) => [
  ...new Set(values.filter((value): value is string => typeof value === 'string' && value !== '')),
];

/** The identifying values of a customer's contact points (e-mails lower-cased, phones in E.164). */
export const customerIdentityValues = (
  emails: readonly { address: string | null }[],
  phones: readonly { type: string | null; number: string | null }[]
): IdentityValues => ({
  emails: unique(emails.map((email) => email.address && normalizeEmailAddress(email.address))),
  phones: unique(
    phones.filter((phone) => PERSONAL_PHONE_TYPES.has(phone.type ?? '')).map((p) => p.number)
  ),
});

/** The identifying values of a contact: its e-mails and mobile numbers (not its work phone). */
export const contactIdentityValues = (contact: Record<string, unknown>): IdentityValues => ({
  emails: unique(
    [contact.email, contact.email2].map((value) =>
      typeof value === 'string' ? normalizeEmailAddress(value) : null
    )
  ),
  phones: unique([contact.mobilePhone, contact.mobilePhone2] as (string | null)[]),
});

export const mergeIdentityValues = (...sets: IdentityValues[]): IdentityValues => ({
  emails: unique(sets.flatMap((set) => set.emails)),
  phones: unique(sets.flatMap((set) => set.phones)),
});

/** The value as the list keys it, or null when it is no valid e-mail or phone number. */
export const erasureListValue = (
  kind: ErasureKind,
  raw: unknown,
  defaultCountry: string
): string | null => {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  if (kind === 'email') return normalizeEmailAddress(raw);
  try {
    return normalizePhoneNumber(raw, defaultCountry);
  } catch {
    return null;
  }
};

/** The keyed hash the erasure list holds instead of the value (HMAC-SHA256, hex). */
export const erasureHash = (key: string, value: string): string =>
  createHmac('sha256', key).update(value, 'utf8').digest('hex');

/** The shortest key accepted for the erasure list's HMAC. */
export const ERASURE_KEY_MIN_LENGTH = 32;

/** One value a write would store, named by the field that holds it. */
export interface ListedCandidate {
  field: string;
  kind: ErasureKind;
  value: unknown;
}

/** The e-mail and phone fields of a contact's data that a write sets, as candidates. */
export const contactListCandidates = (data: Record<string, unknown>): ListedCandidate[] =>
  [
    ...(['email', 'email2'] as const).map((field) => ({ field, kind: 'email' as const })),
    ...(['mobilePhone', 'mobilePhone2', 'workPhone'] as const).map((field) => ({
      field,
      kind: 'phone' as const,
    })),
  ]
    .filter(({ field }) => !emptyValue(data[field]))
    .map((candidate) => ({ ...candidate, value: data[candidate.field] }));

// --- the history of erased records ---

/** What an erasure changes in the history. */
export interface HistoryRedaction {
  /** Erased customers and contacts (and a login removed with one), by documentId: their new label. */
  renamed: ReadonlyMap<string, string>;
  /** Records whose own values are personal (the erased ones, their contact points and comments). */
  personal: ReadonlyMap<string, HistoryRecordKind>;
  /** What the erased records hold now (their erased names), left as they are. */
  current: ReadonlyMap<string, Record<string, unknown>>;
  /** Former labels of the erased records and what replaces them in other records' labels. */
  formerLabels: ReadonlyMap<string, string>;
}

export interface RedactableEntry {
  recordDocumentId: string;
  recordLabel: string | null;
  changes: HistoryChange[];
}

const isRelationValue = (value: unknown): value is { documentId: string; label: string | null } =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof (value as { documentId?: unknown }).documentId === 'string';

/** Relations to erased records take their new label. */
const relabel = (value: HistoryValue, renamed: ReadonlyMap<string, string>): HistoryValue => {
  if (Array.isArray(value))
    return value.map((item) =>
      renamed.has(item.documentId) ? { ...item, label: renamed.get(item.documentId)! } : item
    );
  if (isRelationValue(value) && renamed.has(value.documentId))
    return { ...value, label: renamed.get(value.documentId)! };
  return value;
};

const redactValue = (value: HistoryValue, kept: unknown): HistoryValue => {
  if (value === null || value === undefined || value === '') return value;
  if (kept !== undefined && kept !== null && JSON.stringify(value) === JSON.stringify(kept))
    return value;
  return REDACTED_VALUE;
};

/** Replaces every former label of an erased record inside a label (a link names both sides). */
export const replaceFormerLabels = (
  label: string | null,
  formerLabels: ReadonlyMap<string, string>
): string | null => {
  if (label === null) return null;
  let result = label;
  // Longest first, so "Jane Doe (C-1)" goes before "Jane Doe" would split it.
  const labels = [...formerLabels.keys()]
    .filter((former) => former.length >= 2)
    .sort((a, b) => b.length - a.length);
  for (const former of labels) result = result.split(former).join(formerLabels.get(former)!);
  return result;
};

/**
 * An entry as it reads once its person is erased: the erased records' personal values replaced by
 * `REDACTED_VALUE` (their current, erased values kept), relations to them relabelled, and a label
 * naming them replaced. `kind` is the kind of the entry's record. Returns null when nothing changes.
 */
export const redactHistoryEntry = (
  kind: HistoryRecordKind,
  entry: RedactableEntry,
  redaction: HistoryRedaction
): { recordLabel: string | null; changes: HistoryChange[] } | null => {
  const own = redaction.personal.has(entry.recordDocumentId);
  const personalFields = own ? new Set(PERSONAL_HISTORY_FIELDS[kind]) : new Set<string>();
  const current = redaction.current.get(entry.recordDocumentId) ?? {};
  const changes = entry.changes.map((change) => {
    const personal = personalFields.has(change.field);
    const kept = current[change.field];
    const before = personal ? redactValue(change.before, kept) : change.before;
    const after = personal ? redactValue(change.after, kept) : change.after;
    return {
      field: change.field,
      before: relabel(before, redaction.renamed),
      after: relabel(after, redaction.renamed),
    };
  });
  const recordLabel = redaction.renamed.has(entry.recordDocumentId)
    ? redaction.renamed.get(entry.recordDocumentId)!
    : own
      ? REDACTED_VALUE
      : replaceFormerLabels(entry.recordLabel, redaction.formerLabels);
  const same =
    recordLabel === entry.recordLabel && JSON.stringify(changes) === JSON.stringify(entry.changes);
  return same ? null : { recordLabel, changes };
};

/**
 * The labels the erased records have had, read from the entries about them and the relations
 * naming them, each with the new label that replaces it.
 */
export const formerLabelsOf = (
  entries: readonly RedactableEntry[],
  renamed: ReadonlyMap<string, string>
): Map<string, string> => {
  const labels = new Map<string, string>();
  const add = (documentId: string, label: unknown) => {
    const now = renamed.get(documentId);
    if (now === undefined || typeof label !== 'string' || label.trim() === '' || label === now)
      return;
    labels.set(label, now);
  };
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isRelationValue(value)) add(value.documentId, value.label);
  };
  for (const entry of entries) {
    add(entry.recordDocumentId, entry.recordLabel);
    for (const change of entry.changes) {
      visit(change.before);
      visit(change.after);
    }
  }
  return labels;
};
