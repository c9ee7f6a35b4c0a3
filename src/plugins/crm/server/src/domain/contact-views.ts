import type { CustomerLabel } from '../../../contracts';
import { customerDisplayName, type CustomerType } from './customer';
import { customerStoredDisplayName } from './display-name';
import { csvLine } from './marketing';

/**
 * How contacts and the customers they belong to are named in lists and files: a contact by its
 * names, a customer by its display name and number.
 */

const part = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** "First Middle Last", skipping missing names. */
export function personDisplayName(contact: {
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
}): string {
  return [contact.firstName, contact.middleName, contact.lastName]
    .map(part)
    .filter((name) => name !== '')
    .join(' ');
}

export interface LabelledCustomer {
  documentId: string;
  customerNumber?: string | null;
  type?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  businessName?: string | null;
}

/** A customer as a contact or a picker names it: "Globex Corporation (C-000001)". */
export function customerLabel(customer: LabelledCustomer): CustomerLabel {
  return {
    documentId: customer.documentId,
    customerNumber: customer.customerNumber ?? '',
    type: (customer.type ?? 'individual') as CustomerType,
    // The name the record stores and the content manager shows: one rule.
    displayName: customerStoredDisplayName(customer),
  };
}

/** The columns of a contacts export, in order. */
export const CONTACT_EXPORT_COLUMNS = [
  'firstName',
  'middleName',
  'lastName',
  'jobTitle',
  'email',
  'email2',
  'mobilePhone',
  'mobilePhone2',
  'workPhone',
  'company',
  'customerNumber',
  'active',
  'doNotEmail',
  'doNotCall',
] as const;

export interface ExportedContact {
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  jobTitle?: string | null;
  email?: string | null;
  email2?: string | null;
  mobilePhone?: string | null;
  mobilePhone2?: string | null;
  workPhone?: string | null;
  active?: boolean | null;
  doNotEmail?: boolean | null;
  doNotCall?: boolean | null;
  company?: Omit<LabelledCustomer, 'documentId'> | null;
}

/** Contacts as CSV: a header line, then one line per contact, every cell through `csvLine`. */
export function contactsCsv(contacts: readonly ExportedContact[]): string {
  const lines = contacts.map((contact) => {
    const values: Record<string, unknown> = {
      ...contact,
      company: contact.company ? customerDisplayName(contact.company) : '',
      customerNumber: contact.company?.customerNumber ?? '',
      active: contact.active !== false,
      doNotEmail: contact.doNotEmail === true,
      doNotCall: contact.doNotCall === true,
    };
    return csvLine(CONTACT_EXPORT_COLUMNS.map((column) => values[column]));
  });
  return [csvLine(CONTACT_EXPORT_COLUMNS), ...lines].join('\r\n') + '\r\n';
}
