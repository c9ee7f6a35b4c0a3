import type { MessageDescriptor } from 'react-intl';

import {
  CONTACT_POINT_KINDS,
  CONTACT_POINT_PLURALS,
  type Address,
  type ContactPointKind,
  type Customer,
  type CustomerType,
  type Email,
  type KindLimits,
  type Phone,
} from '../../../../contracts';
import type { CustomerMergeRequest } from '../../api/client';
import { customerName, formatAddress, formatPhone } from '../customers/model';

/** A field the merge chooses, and how it reads on screen. */
export interface MergeField {
  name: string;
  label: MessageDescriptor;
  /** `enum` values read through their `crm.value.*` message, `boolean` as yes or no. */
  kind?: 'enum' | 'boolean' | 'customer';
}

const COMMON_FIELDS: MergeField[] = [
  { name: 'externalId', label: { id: 'crm.summary.externalId', defaultMessage: 'External ID' } },
  { name: 'status', label: { id: 'crm.summary.status', defaultMessage: 'Status' }, kind: 'enum' },
  {
    name: 'preferredContact',
    label: { id: 'crm.summary.preferredContact', defaultMessage: 'Preferred contact' },
    kind: 'enum',
  },
  {
    name: 'noEmail',
    label: { id: 'crm.privacy.noEmail', defaultMessage: 'No email' },
    kind: 'boolean',
  },
  {
    name: 'noMail',
    label: { id: 'crm.privacy.noMail', defaultMessage: 'No mail' },
    kind: 'boolean',
  },
  {
    name: 'noPhoneCalls',
    label: { id: 'crm.privacy.noPhoneCalls', defaultMessage: 'No phone calls' },
    kind: 'boolean',
  },
];

/** The fields a customer merge chooses per type (the server's list less what the type never has). */
export const MERGE_FIELDS: Record<CustomerType, MergeField[]> = {
  individual: [
    { name: 'firstName', label: { id: 'crm.newCustomer.firstName', defaultMessage: 'First name' } },
    {
      name: 'middleName',
      label: { id: 'crm.newCustomer.middleName', defaultMessage: 'Middle name' },
    },
    { name: 'lastName', label: { id: 'crm.newCustomer.lastName', defaultMessage: 'Last name' } },
    {
      name: 'gender',
      label: { id: 'crm.newCustomer.gender', defaultMessage: 'Gender' },
      kind: 'enum',
    },
    {
      name: 'dateOfBirth',
      label: { id: 'crm.newCustomer.dateOfBirth', defaultMessage: 'Date of birth' },
    },
    {
      name: 'maritalStatus',
      label: { id: 'crm.newCustomer.maritalStatus', defaultMessage: 'Marital status' },
      kind: 'enum',
    },
    { name: 'ssn', label: { id: 'crm.summary.ssn', defaultMessage: 'SSN' } },
    ...COMMON_FIELDS,
  ],
  business: [
    {
      name: 'businessName',
      label: { id: 'crm.newCustomer.businessName', defaultMessage: 'Business name' },
    },
    ...COMMON_FIELDS,
    {
      name: 'primaryContact',
      label: { id: 'crm.summary.primaryContact', defaultMessage: 'Primary contact' },
      kind: 'customer',
    },
  ],
};

/** A field's value on a record, as the server compares it (a primary contact by its documentId). */
export const valueOf = (customer: Customer, field: string): unknown =>
  field === 'primaryContact'
    ? (customer.primaryContact?.documentId ?? null)
    : (customer as unknown as Record<string, unknown>)[field];

/** Empty: no value, or blank text. False is a value (as the server counts it). */
export const isEmptyValue = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** The records survivor first, then the others in the order given: the order the server reads them in. */
export const survivorFirst = (records: readonly Customer[], survivor: string) => [
  ...records.filter((record) => record.documentId === survivor),
  ...records.filter((record) => record.documentId !== survivor),
];

/** The record a field is taken from unless chosen: the survivor's value, else the first one filled. */
export const defaultSource = (ordered: readonly Customer[], field: string): string =>
  (ordered.find((record) => !isEmptyValue(valueOf(record, field))) ?? ordered[0]).documentId;

/** True when every record has the same value (nothing to choose). */
export const allSame = (records: readonly Customer[], field: string) => {
  const values = records.map((record) => JSON.stringify(valueOf(record, field) ?? null));
  return values.every((value) => value === values[0]);
};

/** A contact point of one of the records, as the merge pools them. */
export interface PooledPoint {
  kind: ContactPointKind;
  documentId: string;
  type: string;
  value: string;
  /** The documentId of the record it belongs to. */
  customer: string;
  isPrimary: boolean;
  /** The documentId of an identical point listed before it (the merge keeps one of them). */
  sameAs?: string;
}

const fold = (value: unknown) =>
  typeof value === 'string'
    ? value.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
    : '';

/** What makes two points one for the merge: the same number, address without case, or postal address. */
const identityOf = (kind: ContactPointKind, point: Address | Phone | Email) =>
  kind === 'phone'
    ? (point as Phone).number.replace(/[^\d+]/g, '')
    : kind === 'email'
      ? fold((point as Email).address)
      : (['line1', 'line2', 'city', 'region', 'postalCode', 'country'] as const)
          .map((part) => fold((point as Address)[part]))
          .join('\u0001');

export const pointValue = (kind: ContactPointKind, point: Address | Phone | Email) =>
  kind === 'address'
    ? formatAddress(point as Address)
    : kind === 'phone'
      ? formatPhone((point as Phone).number)
      : (point as Email).address;

/** The points of one kind of every record, survivor first; an identical later point names the first. */
export const poolPoints = (ordered: readonly Customer[], kind: ContactPointKind): PooledPoint[] => {
  const first = new Map<string, string>();
  return ordered.flatMap((record) =>
    ((record[CONTACT_POINT_PLURALS[kind]] ?? []) as (Address | Phone | Email)[]).map((point) => {
      const identity = identityOf(kind, point);
      const sameAs = first.get(identity);
      if (!sameAs) first.set(identity, point.documentId);
      return {
        kind,
        documentId: point.documentId,
        type: point.type,
        value: pointValue(kind, point),
        customer: record.documentId,
        isPrimary: point.isPrimary,
        ...(sameAs ? { sameAs } : {}),
      };
    })
  );
};

/** A kind whose pooled points are over the limits, as the server's 400 names it (`details.conflicts`). */
export interface PointConflict {
  kind: ContactPointKind;
  rules?: string[];
  message?: string;
  candidates: {
    documentId: string;
    type: string;
    value: string;
    customer: string;
    isPrimary: boolean;
  }[];
}

/**
 * A first choice of the points to keep within the limits: in the server's order (survivor's
 * first), primaries before the others, at most the limit, one per type when the limits say so.
 */
export const defaultKeep = (conflict: PointConflict, limits: KindLimits | undefined): string[] => {
  const limit = limits?.[conflict.kind] ?? Number.POSITIVE_INFINITY;
  const ordered = [
    ...conflict.candidates.filter((candidate) => candidate.isPrimary),
    ...conflict.candidates.filter((candidate) => !candidate.isPrimary),
  ];
  const kept: string[] = [];
  const types = new Set<string>();
  for (const candidate of ordered) {
    if (kept.length >= limit) break;
    if (limits?.onePerType && types.has(candidate.type)) continue;
    types.add(candidate.type);
    kept.push(candidate.documentId);
  }
  return kept;
};

/** The merge request of the dialog's choices: every shown field names its source. */
export const mergeRequest = (
  ordered: readonly Customer[],
  fields: readonly MergeField[],
  chosen: Readonly<Record<string, string>>,
  keep: Partial<Record<ContactPointKind, string[]>>
): CustomerMergeRequest => {
  const [survivor, ...merged] = ordered;
  const kinds = CONTACT_POINT_KINDS.filter((kind) => keep[kind] !== undefined);
  return {
    survivor: survivor.documentId,
    merged: merged.map((record) => record.documentId),
    fields: Object.fromEntries(
      fields.map(({ name }) => [name, chosen[name] ?? defaultSource(ordered, name)])
    ),
    ...(kinds.length > 0
      ? { keep: Object.fromEntries(kinds.map((kind) => [kind, keep[kind]!])) }
      : {}),
  };
};

/** A record's name for the dialog's columns. */
export const recordTitle = (customer: Customer) => customerName(customer);
