import { customerDisplayName } from './customer';

/**
 * The stored display name of customers and contacts: what the admin panel shows wherever a record
 * appears as a relation or as an entry's title, and what its lists search and sort by.
 *
 * - customer: its name and its customer number, "Globex Corporation (C-000001)", "Jane Doe
 *   (C-000002)"; only the number when it has no name, only the name when it has no number.
 * - contact: "Jane Doe — Globex Corporation": the person and the name of the company they work at
 *   (without its number), so that two Jane Does are told apart in a relation picker.
 *
 * The database holds the same rule as one SQL expression (repositories/display-names.ts) for the
 * set-based paths: imports, merges, company renames and the fill at start-up. Both cut the name at
 * DISPLAY_NAME_MAX_LENGTH characters (code points), the length of the stored column.
 */

/** Raise when the rule changes: the start-up then recomputes every stored display name. */
export const DISPLAY_NAME_RULE_VERSION = 1;

/** The stored column is a string attribute: varchar(255) on PostgreSQL. */
export const DISPLAY_NAME_MAX_LENGTH = 255;

/** Between a contact's name and its company's. */
export const CONTACT_COMPANY_SEPARATOR = ' — ';

const part = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** Cut to the column's length in characters (code points, as both databases count them). */
export const fitDisplayName = (text: string): string => {
  const chars = Array.from(text);
  return chars.length <= DISPLAY_NAME_MAX_LENGTH
    ? text
    : chars.slice(0, DISPLAY_NAME_MAX_LENGTH).join('');
};

export interface CustomerNameFields {
  type?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  businessName?: string | null;
  customerNumber?: string | null;
}

/** "Globex Corporation (C-000001)"; "C-000001" without a name; "" with neither. */
export function customerStoredDisplayName(customer: CustomerNameFields): string {
  const name = customerDisplayName(customer);
  const number = part(customer.customerNumber);
  if (name && number) return fitDisplayName(`${name} (${number})`);
  return fitDisplayName(name || number);
}

export interface ContactNameFields {
  firstName?: string | null;
  lastName?: string | null;
}

/** "Jane Doe — Globex Corporation"; "Jane Doe" without a company (or a company without a name). */
export function contactStoredDisplayName(
  contact: ContactNameFields,
  company?: CustomerNameFields | null
): string {
  const person = [part(contact.firstName), part(contact.lastName)]
    .filter((value) => value !== '')
    .join(' ');
  const companyName = company ? customerDisplayName(company) : '';
  if (!companyName) return fitDisplayName(person);
  return fitDisplayName(
    person ? `${person}${CONTACT_COMPANY_SEPARATOR}${companyName}` : companyName
  );
}
