import type { MessageDescriptor } from 'react-intl';

import {
  CONTACT_POINT_KINDS,
  CONTACT_POINT_PLURALS,
  type ContactPointKind,
  type CrmSettings,
  type Customer,
  type CustomerType,
} from '../../../../../contracts';
import { pathKey } from '../../../utils/paths';
import { newPointDraft, pointFieldsOf, type PointDraft } from '../contact-point-draft';

/** The "no preferred contact" choice of its select. */
export const NONE = '__none__';

/** What the New customer dialog holds while it is being filled in. */
export interface Draft {
  type: CustomerType;
  fields: Record<string, string>;
  privacy: { noEmail: boolean; noMail: boolean; noPhoneCalls: boolean };
  preferredContact: string;
  points: Record<ContactPointKind, PointDraft[]>;
  /** The key of the row chosen as primary, per kind (the first row when none was chosen). */
  primary: Partial<Record<ContactPointKind, number>>;
}

export type ErrorAt = (path: (string | number)[]) => string | undefined;
export type SetDraft = (change: (current: Draft) => Draft) => void;

export const emptyDraft = (settings: CrmSettings): Draft => ({
  type: 'individual',
  fields: {},
  privacy: { noEmail: false, noMail: false, noPhoneCalls: false },
  preferredContact: NONE,
  points: {
    address: [newPointDraft(settings.contactPointTypes.address[0])],
    phone: [newPointDraft(settings.contactPointTypes.phone[0])],
    email: [newPointDraft(settings.contactPointTypes.email[0])],
  },
  primary: {},
});

export const NAME_FIELDS: Record<
  CustomerType,
  { name: string; label: MessageDescriptor; required?: boolean }[]
> = {
  individual: [
    {
      name: 'firstName',
      label: { id: 'crm.newCustomer.firstName', defaultMessage: 'First name' },
      required: true,
    },
    {
      name: 'middleName',
      label: { id: 'crm.newCustomer.middleName', defaultMessage: 'Middle name' },
    },
    {
      name: 'lastName',
      label: { id: 'crm.newCustomer.lastName', defaultMessage: 'Last name' },
      required: true,
    },
  ],
  business: [
    {
      name: 'businessName',
      label: { id: 'crm.newCustomer.businessName', defaultMessage: 'Business name' },
      required: true,
    },
  ],
};

const isBlank = (row: PointDraft) => Object.values(row.fields).every((value) => !value.trim());

/** The row chosen as primary of a kind among `keys`, else the first. */
export const primaryKey = (draft: Draft, kind: ContactPointKind, keys: number[]) =>
  keys.includes(draft.primary[kind] ?? -1) ? draft.primary[kind] : keys[0];

/** The individual's own fields beside the name. */
const INDIVIDUAL_FIELDS = ['gender', 'dateOfBirth', 'maritalStatus', 'ssn'];
/** The working data, edited on the overview. */
const WORKING_FIELDS = ['status', 'externalId'] as const;

/**
 * The customer's own fields of a draft, trimmed, as a request sends them (contact points aside).
 * A create leaves blank fields out; an update sends them as null so that a cleared field is
 * cleared, leaves a blank SSN as it is (it is never shown in full) and sends the working data.
 */
export const customerFieldsOf = (draft: Draft, mode: 'create' | 'update' = 'create') => {
  const data: Record<string, unknown> = { type: draft.type, ...draft.privacy };
  const names = [
    ...NAME_FIELDS[draft.type].map(({ name }) => name),
    ...(draft.type === 'individual' ? INDIVIDUAL_FIELDS : []),
    ...(mode === 'update' ? WORKING_FIELDS : []),
  ];
  for (const name of names) {
    const value = draft.fields[name]?.trim();
    if (value) data[name] = value;
    else if (mode === 'update' && name !== 'ssn' && name !== 'status') data[name] = null;
  }
  if (draft.preferredContact !== NONE) data.preferredContact = draft.preferredContact;
  else if (mode === 'update') data.preferredContact = null;
  return data;
};

/** The fields a customer's draft holds, as the overview's edit form starts from them. */
const EDITED_FIELDS = [
  'firstName',
  'middleName',
  'lastName',
  'businessName',
  'gender',
  'dateOfBirth',
  'maritalStatus',
  ...WORKING_FIELDS,
] as const;

/** A stored customer as a draft of the overview's edit form (its SSN left blank: it is masked). */
export const draftOfCustomer = (customer: Customer): Draft => ({
  type: customer.type,
  fields: Object.fromEntries(EDITED_FIELDS.map((name) => [name, customer[name] ?? ''])),
  privacy: {
    noEmail: customer.noEmail === true,
    noMail: customer.noMail === true,
    noPhoneCalls: customer.noPhoneCalls === true,
  },
  preferredContact: customer.preferredContact || NONE,
  points: { address: [], phone: [], email: [] },
  primary: {},
});

/**
 * The create request of a draft. Rows left empty are not sent; `rowOfSent` maps the position of
 * each sent row back to the row on screen, so the server's paths can be shown where they belong.
 */
export const toRequest = (draft: Draft) => {
  const rowOfSent: Record<string, number[]> = {};
  const data = customerFieldsOf(draft);
  for (const kind of CONTACT_POINT_KINDS) {
    const plural = CONTACT_POINT_PLURALS[kind];
    const sent = draft.points[kind]
      .map((row, index) => ({ row, index }))
      .filter(({ row }) => !isBlank(row));
    rowOfSent[plural] = sent.map(({ index }) => index);
    const primary = primaryKey(
      draft,
      kind,
      sent.map(({ row }) => row.key)
    );
    data[plural] = sent.map(({ row }) => {
      const fields = pointFieldsOf(kind, row);
      return { type: row.type, ...fields, ...(row.key === primary ? { isPrimary: true } : {}) };
    });
  }
  return { data, rowOfSent };
};

/** The server's field errors keyed by the rows on screen (`phones.0.number` of the request may be row 2). */
export const errorsOnScreen = (
  fieldErrors: Record<string, string>,
  rowOfSent: Record<string, number[]>
) => {
  const fields: Record<string, string> = {};
  for (const [key, text] of Object.entries(fieldErrors)) {
    const [head, position, ...rest] = key.split('.');
    const shown = rowOfSent[head]?.[Number(position)];
    fields[shown === undefined ? key : pathKey([head, shown, ...rest])] = text;
  }
  return fields;
};
