/**
 * Bodies of the plugin's custom routes, as the server answers them (under /crm for the admin
 * pages, /api/crm for the content API). Dates travel as ISO strings.
 */
import type { z } from 'zod';

import type { ContactPointKind, ContactPointLimits } from './contact-points';
import type { CustomerType } from './enums';
import type * as schemas from './responses';
import type * as social from './social-profile';

/** Strapi's envelope of a route's answer. */
export interface Answer<T, M = Record<string, never>> {
  data: T;
  meta: M;
}

export type Pagination = z.infer<typeof schemas.paginationSchema>;

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

/** A customer with the relations a route populated (the SSN comes masked). */
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
  /** The customer's id in the system it came from. */
  externalId?: string | null;
  /** An http(s) picture of the person, e.g. taken from a social profile lookup. */
  avatarUrl?: string | null;
  socialProfiles?: SocialProfileLink[] | null;
  addresses?: Address[];
  phones?: Phone[];
  emails?: Email[];
  primaryContact?: Customer | null;
}

/** GET /customers/search: one page of customers, with their phones and emails. */
export type CustomerSearchAnswer = Answer<
  Customer[],
  { pagination: Pagination & { totalIsExact?: boolean } }
>;

export type NetworkAnswer = Answer<Network, { depth: number; nodeCap: number }>;

/** GET /settings (admin): what the forms need to offer what the server enforces. */
export interface CrmSettings {
  contactPointTypes: Record<ContactPointKind, readonly string[]>;
  limits: ContactPointLimits;
  maxNetworkDepth: number;
  ssnRevealSeconds: number;
  /** The score from which records are called duplicates; whether a create above `blockScore` is refused. */
  duplicates: { threshold: number; onCreate: 'warn' | 'block'; blockScore: number };
  /** Whether the social profile lookup is turned on (off by default: it processes personal data). */
  socialLookup: { enabled: boolean };
}

export type ImportLogAnswer = Answer<ImportLogRow[], { pagination: Pagination }>;

/** The custom routes' bodies, read off their schemas (`responses.ts`). */
export type CustomerRef = z.infer<typeof schemas.customerRefSchema>;
export type Connection = z.infer<typeof schemas.connectionSchema>;
export type Relationship = z.infer<typeof schemas.relationshipSchema>;
export type NetworkNode = z.infer<typeof schemas.networkNodeSchema>;
export type NetworkEdge = z.infer<typeof schemas.networkEdgeSchema>;
export type Network = z.infer<typeof schemas.networkSchema>;
export type SsnReveal = z.infer<typeof schemas.ssnRevealSchema>;
export type ImportColumn = z.infer<typeof schemas.importColumnSchema>;
export type UndoResult = z.infer<typeof schemas.undoResultSchema>;
export type ImportIssue = z.infer<typeof schemas.importIssueSchema>;
export type ImportJob = z.infer<typeof schemas.importJobSchema>;
export type DuplicateScan = z.infer<typeof schemas.duplicateScanSchema>;
export type DuplicateCandidate = z.infer<typeof schemas.duplicateCandidateSchema>;
export type ImportModeSettings = z.infer<typeof schemas.importModeSchema>;
export type ImportPreview = z.infer<typeof schemas.importPreviewSchema>;
export type ReferenceGroup = z.infer<typeof schemas.referenceGroupSchema>;
export type ImportLogRow = z.infer<typeof schemas.importLogRowSchema>;
export type SocialProfileLink = z.infer<typeof social.socialProfileLinkSchema>;
export type FoundProfile = z.infer<typeof social.foundProfileSchema>;
/** POST /customers/:id/social-lookup. */
export type SocialLookupAnswer = z.infer<typeof social.socialLookupResultSchema>;
