/** Shapes the plugin's admin routes (/crm/...) answer, and how the pages name things. */
export type CustomerType = 'individual' | 'business';
export type ContactPointKind = 'address' | 'phone' | 'email';
export const CONTACT_POINT_KINDS: ContactPointKind[] = ['address', 'phone', 'email'];
export const PLURALS = { address: 'addresses', phone: 'phones', email: 'emails' } as const;
export const KIND_LABELS: Record<ContactPointKind, { one: string; many: string }> = {
  address: { one: 'Address', many: 'Addresses' },
  phone: { one: 'Phone', many: 'Phone numbers' },
  email: { one: 'Email', many: 'Email addresses' },
};

interface ContactPointBase {
  documentId: string;
  type: string;
  isPrimary: boolean;
}
export interface Address extends ContactPointBase {
  line1: string;
  line2?: string | null;
  city: string;
  region?: string | null;
  postalCode?: string | null;
  country?: string | null;
}
export interface Phone extends ContactPointBase {
  number: string;
}
export interface Email extends ContactPointBase {
  address: string;
}

export interface Customer {
  documentId: string;
  customerNumber: string;
  type: CustomerType;
  firstName?: string | null;
  middleName?: string | null;
  lastName?: string | null;
  businessName?: string | null;
  gender?: string | null;
  dateOfBirth?: string | null;
  maritalStatus?: string | null;
  ssn?: string | null;
  noEmail?: boolean;
  noMail?: boolean;
  noPhoneCalls?: boolean;
  preferredContact?: string | null;
  status?: string;
  addresses?: Address[];
  phones?: Phone[];
  emails?: Email[];
  primaryContact?: Customer | null;
}

/** A related customer as the connection, relationship and network answers describe it. */
export interface CustomerRef {
  documentId: string;
  customerNumber: string;
  type: CustomerType;
  name: string;
}

export interface Connection {
  documentId: string;
  relationshipType: string;
  title?: string | null;
  direction: 'outgoing' | 'incoming';
  isPrimaryContact: boolean;
  customer: CustomerRef;
}

export interface Relationship {
  documentId: string;
  kind: 'hierarchical' | 'loose';
  type?: string | null;
  label: string;
  customer: CustomerRef;
}

export interface NetworkNode {
  id: string;
  customerNumber: string;
  type: CustomerType;
  name: string;
  depth: number;
}
export interface NetworkEdge {
  id: string;
  kind: 'connection' | 'hierarchical' | 'loose';
  label: string;
  source: string;
  target: string;
}
export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  truncated: boolean;
}

export interface KindLimits {
  address: number;
  phone: number;
  email: number;
  onePerType: boolean;
}
export interface CrmSettings {
  contactPointTypes: Record<ContactPointKind, string[]>;
  limits: Record<CustomerType, KindLimits>;
  maxNetworkDepth: number;
  ssnRevealSeconds: number;
}

export const CONNECTION_TYPES = ['employee', 'friend', 'relative', 'other'];
export const LOOSE_TYPES = ['other', 'investor', 'subsidiary'];
export const PREFERRED_CONTACTS = ['email', 'mail', 'phone', 'text'];
export const GENDERS = ['female', 'male', 'non_binary', 'undisclosed'];
export const MARITAL_STATUSES = ['single', 'married', 'domestic_partnership', 'separated', 'divorced', 'widowed'];

/** `non_binary` → `Non binary`. */
export const humanize = (value?: string | null) =>
  value ? value.charAt(0).toUpperCase() + value.slice(1).replace(/_/g, ' ') : '';

export const customerName = (customer: Pick<Customer, 'type' | 'firstName' | 'middleName' | 'lastName' | 'businessName' | 'customerNumber'>) =>
  (customer.type === 'business'
    ? customer.businessName
    : [customer.firstName, customer.middleName, customer.lastName].filter(Boolean).join(' ')) || customer.customerNumber;

export const primaryOf = <T extends ContactPointBase>(points?: T[]) => points?.find((point) => point.isPrimary) ?? points?.[0];

export const formatAddress = (address: Address) =>
  [address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' '), address.region, address.country]
    .filter(Boolean)
    .join(', ');

/** `+14155552671` → `+1 415 555 2671` for North American numbers; others as stored. */
export const formatPhone = (number: string) => {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(number);
  return nanp ? `+1 ${nanp[1]} ${nanp[2]} ${nanp[3]}` : number;
};

export const privacyLabel = (customer: Pick<Customer, 'noEmail' | 'noMail' | 'noPhoneCalls'>) =>
  [customer.noEmail && 'No email', customer.noMail && 'No mail', customer.noPhoneCalls && 'No phone calls'].filter(Boolean).join(', ') ||
  'No restrictions';

/** Addresses of the plugin's pages, under /admin. */
export const customerPath = (documentId: string) => `/plugins/crm/customers/${documentId}`;
export const networkPath = (documentId: string) => `/plugins/crm/customers/${documentId}/network`;
