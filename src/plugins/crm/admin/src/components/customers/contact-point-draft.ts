import type { MessageDescriptor } from 'react-intl';

import type { ContactPointKind } from '../../../../contracts';

/** One contact point being typed (the New customer dialog, the overview's point dialog). */
export interface PointDraft {
  key: number;
  type: string;
  fields: Record<string, string>;
}

/** The text fields of each kind, in the order the form shows them (`*` marks the required ones). */
export const POINT_FIELDS: Record<
  ContactPointKind,
  { name: string; label: MessageDescriptor; required?: boolean; col: number }[]
> = {
  address: [
    {
      name: 'line1',
      label: { id: 'crm.contactPoints.line1', defaultMessage: 'Line 1' },
      required: true,
      col: 6,
    },
    { name: 'line2', label: { id: 'crm.contactPoints.line2', defaultMessage: 'Line 2' }, col: 6 },
    {
      name: 'city',
      label: { id: 'crm.contactPoints.city', defaultMessage: 'City' },
      required: true,
      col: 4,
    },
    { name: 'region', label: { id: 'crm.contactPoints.region', defaultMessage: 'Region' }, col: 3 },
    {
      name: 'postalCode',
      label: { id: 'crm.contactPoints.postalCode', defaultMessage: 'Postal code' },
      col: 3,
    },
    {
      name: 'country',
      label: { id: 'crm.contactPoints.country', defaultMessage: 'Country (ISO)' },
      col: 2,
    },
  ],
  phone: [
    {
      name: 'number',
      label: { id: 'crm.contactPoints.number', defaultMessage: 'Number' },
      required: true,
      col: 8,
    },
  ],
  email: [
    {
      name: 'address',
      label: { id: 'crm.contactPoints.emailAddress', defaultMessage: 'Email address' },
      required: true,
      col: 8,
    },
  ],
};

let nextKey = 1;
export const newPointDraft = (type: string): PointDraft => ({ key: nextKey++, type, fields: {} });

/** A stored contact point as a draft of the point dialog. */
export const pointDraftOf = (
  kind: ContactPointKind,
  point: { type: string } & Partial<Record<string, unknown>>
): PointDraft => ({
  ...newPointDraft(point.type),
  fields: Object.fromEntries(
    POINT_FIELDS[kind].map(({ name }) => [
      name,
      typeof point[name] === 'string' ? (point[name] as string) : '',
    ])
  ),
});

/**
 * The fields of a point as a request sends them, trimmed. A create leaves blank fields out; an
 * update sends them as null, so that a cleared field is cleared.
 */
export const pointFieldsOf = (
  kind: ContactPointKind,
  row: PointDraft,
  mode: 'create' | 'update' = 'create'
): Record<string, string | null> => {
  const fields: Record<string, string | null> = {};
  for (const { name } of POINT_FIELDS[kind]) {
    const value = row.fields[name]?.trim();
    if (value) fields[name] = value;
    else if (mode === 'update') fields[name] = null;
  }
  return fields;
};
