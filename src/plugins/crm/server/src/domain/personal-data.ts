import Papa from 'papaparse';

import type {
  HistoryEntry,
  PersonalDataExport,
  PersonalDataFile,
  PersonalDataPartyRef,
} from '../../../contracts';
import { customerDisplayName } from './customer';
import { neutralizeCell } from './marketing';

/**
 * Fields never exported whatever a schema says of them: the SSN's ciphertext and keyed hash, a
 * login's secrets, and the search index's copy of the other fields.
 */
export const NEVER_EXPORTED_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'ssnEncrypted',
  'ssnHash',
  'password',
  'resetPasswordToken',
  'confirmationToken',
  'searchText',
  'publishedAt',
  'locale',
]);

interface AttributeLike {
  type: string;
  private?: boolean;
}

/** The stored, public scalar fields of a content type: what a record's export shows of it. */
export function exportableFields(attributes: Record<string, AttributeLike>): string[] {
  return Object.entries(attributes)
    .filter(
      ([name, attribute]) =>
        !NEVER_EXPORTED_FIELDS.has(name) &&
        attribute.private !== true &&
        !['relation', 'component', 'dynamiczone', 'media'].includes(attribute.type)
    )
    .map(([name]) => name);
}

/** The e-mail addresses and phone numbers that identify a person, as stored (lower-cased, E.164). */
export interface PersonKeys {
  emails: string[];
  phones: string[];
}

const present = (values: readonly unknown[]): string[] => [
  ...new Set(
    values.filter((value): value is string => typeof value === 'string' && value.trim() !== '')
  ),
];

/** A customer's keys: the addresses of its e-mails and the numbers of its phones. */
export function customerKeys(customer: {
  emails?: readonly { address?: string | null }[] | null;
  phones?: readonly { number?: string | null }[] | null;
}): PersonKeys {
  return {
    emails: present((customer.emails ?? []).map((email) => email.address)),
    phones: present((customer.phones ?? []).map((phone) => phone.number)),
  };
}

/** A contact's keys: its two e-mail fields and its three phone fields. */
export function contactKeys(contact: Record<string, unknown>): PersonKeys {
  return {
    emails: present([contact.email, contact.email2]),
    phones: present([contact.mobilePhone, contact.mobilePhone2, contact.workPhone]),
  };
}

/** The e-mails and numbers two records have in common, e-mails first. */
export function sharedKeys(a: PersonKeys, b: PersonKeys): string[] {
  return [
    ...a.emails.filter((email) => b.emails.includes(email)),
    ...a.phones.filter((phone) => b.phones.includes(phone)),
  ];
}

/** Another customer as an export names it: by name (or, without one, its number) and number. */
export function partyRef(
  customer: {
    type?: string | null;
    firstName?: string | null;
    lastName?: string | null;
    businessName?: string | null;
    customerNumber?: string | null;
  } | null
): PersonalDataPartyRef | null {
  if (!customer) return null;
  const number = customer.customerNumber ?? null;
  return { name: customerDisplayName(customer) || number, number };
}

/** The zip's file name: the customer number, else the record's id, kept to safe characters. */
export function personalDataFilename(reference: string): string {
  const safe = reference.replace(/[^\w.-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return `personal-data-${safe || 'record'}.zip`;
}

type Cell = string | number | boolean | null;
type Row = Record<string, Cell>;

/** A value in a cell: a relation or list as JSON, so that no part of it is lost. */
const cellOf = (value: unknown): Cell =>
  value === undefined || value === null
    ? null
    : value instanceof Date
      ? value.toISOString()
      : typeof value === 'object'
        ? JSON.stringify(value)
        : (value as Cell);

/** An object as one row: nested objects as `parent.child` columns, lists as JSON. */
export function flattenRow(value: Record<string, unknown>, prefix = ''): Row {
  const row: Row = {};
  for (const [key, field] of Object.entries(value)) {
    const column = `${prefix}${key}`;
    if (field && typeof field === 'object' && !Array.isArray(field) && !(field instanceof Date))
      Object.assign(row, flattenRow(field as Record<string, unknown>, `${column}.`));
    else row[column] = cellOf(field);
  }
  return row;
}

/** The history as rows: one per changed field, the entry's when, who and what repeated on each. */
export function historyRows(entries: readonly HistoryEntry[]): Row[] {
  return entries.flatMap((entry) =>
    entry.changes.map((change) => ({
      entry: entry.documentId,
      at: entry.at,
      action: entry.action,
      recordUid: entry.record.uid,
      recordDocumentId: entry.record.documentId,
      recordLabel: entry.record.label,
      actorType: entry.actor.type,
      actorId: entry.actor.id,
      actorName: entry.actor.name,
      onBehalfOf: entry.actor.onBehalfOf?.name ?? null,
      origin: entry.origin ?? null,
      field: change.field,
      before: cellOf(change.before),
      after: cellOf(change.after),
    }))
  );
}

/** Header of each file when it has no rows (a file with rows takes its columns from them). */
const EMPTY_COLUMNS: Record<PersonalDataFile, readonly string[]> = {
  'export.csv': ['subjectUid', 'subjectDocumentId', 'subjectLabel', 'exportedAt'],
  'record.csv': ['documentId'],
  'addresses.csv': ['documentId', 'type', 'line1', 'line2', 'city', 'region', 'postalCode'],
  'phones.csv': ['documentId', 'type', 'number', 'isPrimary'],
  'emails.csv': ['documentId', 'type', 'address', 'isPrimary'],
  'connections.csv': ['documentId', 'relationshipType', 'title', 'direction', 'other.name'],
  'relationships.csv': ['documentId', 'kind', 'type', 'label', 'other.name', 'other.number'],
  'contacts.csv': ['documentId', 'firstName', 'lastName', 'shares', 'convertedToSubject'],
  'customers.csv': ['name', 'number', 'shares', 'convertedFromSubject'],
  'marketing-lists.csv': ['contactDocumentId', 'list', 'channel'],
  'activity.csv': ['contactDocumentId', 'documentId', 'body', 'authorType', 'authorName'],
  'history.csv': [
    'entry',
    'at',
    'action',
    'recordUid',
    'recordDocumentId',
    'recordLabel',
    'actorType',
    'actorId',
    'actorName',
    'onBehalfOf',
    'origin',
    'field',
    'before',
    'after',
  ],
  'ssn-reveals.csv': ['at', 'outcome', 'reason', 'actorType', 'actorName', 'ssn'],
};

/** Every column any row has, in the order they first appear. */
const columnsOf = (rows: readonly Row[]): string[] => [
  ...new Set(rows.flatMap((row) => Object.keys(row))),
];

/**
 * A CSV file: a header and one line per row, written by the CRM's CSV rule (`csvLine`): a text cell
 * a spreadsheet would run as a formula starts with an apostrophe, and a cell holding a separator
 * a spreadsheet may split on (comma, semicolon, tab), a quote or a line break is quoted.
 */
export function csvFile(file: PersonalDataFile, rows: readonly Row[]): string {
  const fields = rows.length ? columnsOf(rows) : [...EMPTY_COLUMNS[file]];
  const cell = (value: Cell) => (typeof value === 'string' ? neutralizeCell(value) : value);
  return Papa.unparse(
    { fields, data: rows.map((row) => fields.map((field) => cell(row[field] ?? null))) },
    { newline: '\r\n', quotes: (value: unknown) => /[",;\t\r\n]/.test(String(value)) }
  );
}

/** The export as its CSV files: one per section, `history.csv` one row per change. */
export function personalDataCsvFiles(data: PersonalDataExport): Record<PersonalDataFile, string> {
  const rows = (values: readonly object[]) =>
    values.map((value) => flattenRow(value as Record<string, unknown>));
  const tables: Record<PersonalDataFile, Row[]> = {
    'export.csv': [
      {
        subjectUid: data.subject.uid,
        subjectDocumentId: data.subject.documentId,
        subjectLabel: data.subject.label,
        exportedAt: data.exportedAt,
      },
    ],
    'record.csv': rows([data.record]),
    'addresses.csv': rows(data.contactPoints.addresses),
    'phones.csv': rows(data.contactPoints.phones),
    'emails.csv': rows(data.contactPoints.emails),
    'connections.csv': rows(data.connections),
    'relationships.csv': rows(data.relationships),
    'contacts.csv': rows(data.contacts),
    'customers.csv': rows(data.customers),
    'marketing-lists.csv': rows(data.marketingLists),
    'activity.csv': rows(data.activity),
    'history.csv': historyRows(data.history),
    'ssn-reveals.csv': rows(data.ssnReveals),
  };
  return Object.fromEntries(
    Object.entries(tables).map(([file, table]) => [file, csvFile(file as PersonalDataFile, table)])
  ) as Record<PersonalDataFile, string>;
}
