/**
 * What a matched import row changes on its record: the fields its cells give (or, when empty
 * cells clear, every mapped field), checked as the whole record would be after the write, through
 * the same rules as a REST update; a customer's contact points of the file are added, or replace
 * the value of the customer's point of the same type, within the contact point limits.
 */
import { CONTACT_FIELD_NAMES, validateContact, type ContactFields } from '../contact';
import {
  CONTACT_POINT_KINDS,
  checkContactPointSet,
  type ContactPointKind,
  type ContactPointLimits,
} from '../contact-points';
import { CUSTOMER_FIELD_NAMES, validateCustomer, type CustomerType } from '../customer';
import { DomainValidationError } from '../errors';
import { foldSearchText } from '../search-text';
import type { ImportEmptyCells } from './modes';
import type { ContactRow, CustomerRow } from './rows';

export interface UpdateOptions {
  emptyCells: ImportEmptyCells;
  /** The import fields the job's columns are mapped to. */
  mappedFields: readonly string[];
}

/** Two stored values are the same: blanks alike, dates and numbers by their text, objects by JSON. */
export function sameValue(a: unknown, b: unknown): boolean {
  const blank = (value: unknown) => value === null || value === undefined || value === '';
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  if (typeof a === 'boolean' || typeof b === 'boolean') return Boolean(a) === Boolean(b);
  if (typeof a === 'object' || typeof b === 'object')
    return JSON.stringify(a) === JSON.stringify(b);
  return String(a) === String(b);
}

/** The fields of `names` a row sets: those its cells give, and the other mapped ones when empty cells clear. */
const askedFields = (
  names: readonly string[],
  values: Record<string, unknown>,
  given: readonly string[],
  options: UpdateOptions
): Record<string, unknown> => {
  const asked: Record<string, unknown> = {};
  for (const name of names) {
    if (given.includes(name)) asked[name] = values[name];
    else if (options.emptyCells === 'clear' && options.mappedFields.includes(name))
      asked[name] = null;
  }
  return asked;
};

/** Of the fields asked for, those whose checked value differs from the record's. */
const changedOf = (
  asked: Record<string, unknown>,
  checked: Record<string, unknown>,
  current: Record<string, unknown>
) => {
  const changes: Record<string, unknown> = {};
  for (const name of Object.keys(asked))
    if (!sameValue(checked[name], current[name])) changes[name] = checked[name] ?? null;
  return changes;
};

const pick = (record: Record<string, unknown>, names: readonly string[]) =>
  Object.fromEntries(names.filter((name) => name in record).map((name) => [name, record[name]]));

/**
 * The contact's fields a matched row changes (empty when its values are already there). Throws
 * the contact rules' DomainValidationError when the record would break one.
 */
export function contactUpdate(
  current: Record<string, unknown>,
  row: ContactRow,
  options: UpdateOptions & { defaultCountry: string; hasUser: boolean }
): Partial<ContactFields> {
  const given = row.given ?? Object.keys(row.contact);
  const asked = askedFields(
    CONTACT_FIELD_NAMES,
    row.contact as unknown as Record<string, unknown>,
    given,
    options
  );
  const checked = validateContact(
    { ...pick(current, CONTACT_FIELD_NAMES), ...asked },
    { defaultCountry: options.defaultCountry, hasUser: options.hasUser }
  );
  return changedOf(asked, checked as unknown as Record<string, unknown>, current);
}

/** A customer's contact point as stored. */
export interface StoredPoint {
  id: number;
  type: string;
  isPrimary: boolean;
  [field: string]: unknown;
}

/** The fields that are a point's value, by kind (the rest is its type and primary flag). */
export const POINT_VALUE_FIELDS: Record<ContactPointKind, readonly string[]> = {
  address: ['line1', 'line2', 'city', 'region', 'postalCode', 'country'],
  phone: ['number'],
  email: ['address'],
};

/** Two points hold the same value: e-mails without case, addresses without case and accents. */
const pointIdentity = (kind: ContactPointKind, point: Record<string, unknown>) =>
  POINT_VALUE_FIELDS[kind]
    .map((field) => {
      const value = String(point[field] ?? '');
      return kind === 'phone' ? value : foldSearchText(value);
    })
    .join('\u0000');

export interface PointChange {
  kind: ContactPointKind;
  id: number;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface CustomerUpdate {
  fields: Record<string, unknown>;
  /** Points whose value the row replaces. */
  changedPoints: PointChange[];
  /** Points the row adds, with their type, value and primary flag. */
  addedPoints: { kind: ContactPointKind; data: Record<string, unknown> }[];
}

export const isEmptyUpdate = (update: CustomerUpdate) =>
  Object.keys(update.fields).length === 0 &&
  update.changedPoints.length === 0 &&
  update.addedPoints.length === 0;

/**
 * What a matched row changes on a customer: its fields (checked as the whole customer), and its
 * contact points: a point of the file whose value the customer has already is left alone; one of
 * a type the customer has replaces that point's value (the primary one first); any other is added
 * (primary when the customer has none of its kind). The points each kind would then have are
 * checked against the limits. `sameSsn` tells whether the row's SSN is the customer's (they are
 * compared in clear by the caller, who holds the key). Contact points are never removed.
 */
export function customerUpdate(
  current: { fields: Record<string, unknown>; points: Record<ContactPointKind, StoredPoint[]> },
  row: CustomerRow,
  options: UpdateOptions & { limits: ContactPointLimits; sameSsn: boolean }
): CustomerUpdate {
  const given = row.given ?? Object.keys(row.customer);
  const asked = askedFields(
    CUSTOMER_FIELD_NAMES,
    row.customer as unknown as Record<string, unknown>,
    given,
    options
  );
  const checked = validateCustomer({ ...pick(current.fields, CUSTOMER_FIELD_NAMES), ...asked });
  const fields = changedOf(asked, checked as unknown as Record<string, unknown>, current.fields);
  if (given.includes('ssn') && row.customer.ssnEncrypted && !options.sameSsn) {
    fields.ssn = row.customer.ssn ?? null;
    fields.ssnEncrypted = row.customer.ssnEncrypted;
    fields.ssnHash = row.customer.ssnHash ?? null;
  } else if (
    !given.includes('ssn') &&
    options.emptyCells === 'clear' &&
    options.mappedFields.includes('ssn') &&
    current.fields.ssnEncrypted
  ) {
    fields.ssn = null;
    fields.ssnEncrypted = null;
    fields.ssnHash = null;
  }

  const changedPoints: PointChange[] = [];
  const addedPoints: CustomerUpdate['addedPoints'] = [];
  const issues = [];
  const plurals = { address: 'addresses', phone: 'phones', email: 'emails' } as const;
  for (const kind of CONTACT_POINT_KINDS) {
    const existing = current.points[kind] ?? [];
    const known = new Set(existing.map((point) => pointIdentity(kind, point)));
    const replaced = new Set<number>();
    let hasPrimary = existing.some((point) => point.isPrimary);
    const after: { type: string }[] = existing.map((point) => ({ type: point.type }));
    for (const point of row[plurals[kind]] as unknown as Record<string, unknown>[]) {
      const identity = pointIdentity(kind, point);
      if (known.has(identity)) continue;
      known.add(identity);
      const sameType = existing
        .filter((stored) => stored.type === point.type && !replaced.has(stored.id))
        .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary) || a.id - b.id)[0];
      if (sameType) {
        replaced.add(sameType.id);
        changedPoints.push({
          kind,
          id: sameType.id,
          before: pick(sameType, POINT_VALUE_FIELDS[kind]),
          after: Object.fromEntries(
            POINT_VALUE_FIELDS[kind].map((field) => [field, point[field] ?? null])
          ),
        });
        continue;
      }
      addedPoints.push({ kind, data: { ...point, isPrimary: !hasPrimary } });
      hasPrimary = true;
      after.push({ type: String(point.type) });
    }
    issues.push(
      ...checkContactPointSet(
        (checked.type ?? current.fields.type) as CustomerType,
        kind,
        after,
        options.limits
      )
    );
  }
  if (issues.length) throw new DomainValidationError(issues);
  return { fields, changedPoints, addedPoints };
}
