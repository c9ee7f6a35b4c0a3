/**
 * The value lists of the content types' enumerations. The server's rules and the admin pages read
 * them from here, and a unit test keeps every `schema.json` enumeration equal to its list.
 */
export const CUSTOMER_TYPES = ['individual', 'business'] as const;
export const GENDERS = ['female', 'male', 'non_binary', 'undisclosed'] as const;
export const MARITAL_STATUSES = [
  'single',
  'married',
  'domestic_partnership',
  'separated',
  'divorced',
  'widowed',
] as const;
export const PREFERRED_CONTACTS = ['email', 'mail', 'phone', 'text'] as const;
export const CUSTOMER_STATUSES = ['active', 'inactive'] as const;

export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export type Gender = (typeof GENDERS)[number];
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];
export type PreferredContact = (typeof PREFERRED_CONTACTS)[number];
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const CONNECTION_TYPES = ['employee', 'friend', 'relative', 'other'] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

export const RELATIONSHIP_KINDS = ['hierarchical', 'loose'] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];
export const LOOSE_TYPES = ['other', 'investor', 'subsidiary'] as const;
export type LooseType = (typeof LOOSE_TYPES)[number];

export const CONTACT_PREFERENCES = ['any', 'workPhone', 'mobilePhone', 'email'] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];

export const MARKETING_CHANNELS = ['email', 'phone', 'mail'] as const;
export type MarketingChannel = (typeof MARKETING_CHANNELS)[number];

/** Kinds of actor a record can name: a users-permissions user, an admin, an API token, the server. */
export const ACTOR_TYPES = ['user', 'admin', 'api-token', 'system'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** What an audited request came to. */
export const AUDIT_OUTCOMES = ['allowed', 'refused'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
