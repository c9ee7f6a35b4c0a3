import type { Customer } from '../../../../../contracts';
import type {
  SocialLookupHit,
  SocialProfileData,
  SocialProfileUpdate,
} from '../../../api/social-lookup';

/** A name field a found profile may fill: only those of the customer's type can be written. */
export type NameField = 'firstName' | 'lastName' | 'businessName';

/** A found value beside the customer's: a name field can be taken, the others are shown only. */
export interface FieldRow {
  key: string;
  /** The field written when the row is ticked; none for a value the customer has no field for. */
  field?: NameField;
  label:
    'firstName' | 'lastName' | 'businessName' | 'displayName' | 'jobTitle' | 'company' | 'location';
  entered?: string;
  found: string;
}

const filled = (value?: string | null) => (value?.trim() ? value.trim() : undefined);

/**
 * The rows of a found profile for a customer. An individual can take the first and last name; a
 * business its name, from the profile's company (or its display name when it has none). What the
 * customer has no field for (job title, location, and for an individual the company and display
 * name) is listed for information.
 */
export const fieldRowsOf = (customer: Customer, hit: SocialLookupHit): FieldRow[] => {
  const { profile } = hit;
  const rows: FieldRow[] = [];
  const take = (field: NameField, found?: string) => {
    const value = filled(found);
    if (value)
      rows.push({
        key: field,
        field,
        label: field,
        entered: filled(customer[field]),
        found: value,
      });
  };
  const show = (label: FieldRow['label'], found?: string) => {
    const value = filled(found);
    if (value) rows.push({ key: `info-${label}`, label, found: value });
  };
  if (customer.type === 'business') {
    take('businessName', filled(profile.company) ?? profile.displayName);
  } else {
    take('firstName', profile.firstName);
    take('lastName', profile.lastName);
    show('displayName', profile.displayName);
    show('company', profile.company);
  }
  show('jobTitle', profile.jobTitle);
  show('location', profile.location);
  return rows;
};

/** Whether a profile holds anything at all to show. */
export const hasAnything = (customer: Customer, hit: SocialLookupHit) =>
  fieldRowsOf(customer, hit).length > 0 ||
  Boolean(filled(hit.profile.avatarUrl)) ||
  hit.profile.accounts.length > 0;

/** What is ticked: name fields, the profile image, and accounts by their position in the profile. */
export interface Ticked {
  fields: NameField[];
  avatar: boolean;
  accounts: number[];
}

export const nothingTicked: Ticked = { fields: [], avatar: false, accounts: [] };

export const anythingTicked = (ticked: Ticked) =>
  ticked.fields.length > 0 || ticked.avatar || ticked.accounts.length > 0;

/** The write of what was ticked of one found profile. */
export const updateOf = (
  customer: Customer,
  hit: SocialLookupHit,
  ticked: Ticked
): SocialProfileUpdate => {
  const data: SocialProfileData = {};
  for (const row of fieldRowsOf(customer, hit))
    if (row.field && ticked.fields.includes(row.field)) data[row.field] = row.found;
  if (ticked.avatar && hit.profile.avatarUrl) data.avatarUrl = hit.profile.avatarUrl;
  const accounts = hit.profile.accounts.filter((_, index) => ticked.accounts.includes(index));
  if (accounts.length > 0) data.socialProfiles = accounts;
  return { data, source: { service: hit.source, email: hit.email } };
};
