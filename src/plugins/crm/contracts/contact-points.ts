/** Contact points (addresses, phones, emails): their kinds, types and the default limits per customer. */
export const CONTACT_POINT_KINDS = ['address', 'phone', 'email'] as const;
export type ContactPointKind = (typeof CONTACT_POINT_KINDS)[number];

/** The first type of each kind is its default. */
export const CONTACT_POINT_TYPES = {
  address: ['physical', 'garage', 'mailing', 'previous', 'work'],
  phone: ['home', 'cell', 'fax', 'work'],
  email: ['personal', 'work'],
} as const;

/** The customer's relation field holding each kind. */
export const CONTACT_POINT_PLURALS: Record<ContactPointKind, 'addresses' | 'phones' | 'emails'> =
  Object.freeze({
    address: 'addresses',
    phone: 'phones',
    email: 'emails',
  });

export interface KindLimits {
  address: number;
  phone: number;
  email: number;
  onePerType: boolean;
}

export interface ContactPointLimits {
  individual: KindLimits;
  business: KindLimits;
}

export const DEFAULT_CONTACT_POINT_LIMITS: ContactPointLimits = Object.freeze({
  individual: Object.freeze({ address: 5, phone: 4, email: 2, onePerType: true }),
  business: Object.freeze({ address: 5, phone: 4, email: 2, onePerType: true }),
});
