import type { MessageDescriptor } from 'react-intl';

import {
  CONTACT_POINT_KINDS,
  CONTACT_POINT_PLURALS,
  type ContactPointKind,
  type CrmSettings,
  type CustomerType,
} from '../../../../../contracts';
import { pathKey } from '../../../utils/serverErrors';
import { POINT_FIELDS, newPointDraft, type PointDraft } from '../ContactPointRows';

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

/**
 * The create request of a draft. Rows left empty are not sent; `rowOfSent` maps the position of
 * each sent row back to the row on screen, so the server's paths can be shown where they belong.
 */
export const toRequest = (draft: Draft) => {
  const rowOfSent: Record<string, number[]> = {};
  const data: Record<string, unknown> = { type: draft.type, ...draft.privacy };
  for (const { name } of [
    ...NAME_FIELDS[draft.type],
    { name: 'gender' },
    { name: 'dateOfBirth' },
    { name: 'maritalStatus' },
    { name: 'ssn' },
  ]) {
    const value = draft.fields[name]?.trim();
    if (value && (draft.type === 'individual' || name === 'businessName')) data[name] = value;
  }
  if (draft.preferredContact !== NONE) data.preferredContact = draft.preferredContact;
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
      const fields = Object.fromEntries(
        POINT_FIELDS[kind]
          .map(({ name }) => [name, row.fields[name]?.trim()])
          .filter(([, value]) => value)
      );
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
