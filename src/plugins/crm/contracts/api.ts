/**
 * Bodies of the plugin's custom routes, as the server answers them (under /crm for the admin
 * pages, /api/crm for the content API). Dates travel as ISO strings.
 */
import type { ContactPointKind, ContactPointLimits } from './contact-points';
import type { ActorType, CustomerType, RelationshipKind } from './enums';
import type { ImportDecisionAction, ImportObject, ImportRowStatus, ImportStage } from './imports';

/** Strapi's envelope of a route's answer. */
export interface Answer<T, M = Record<string, never>> {
  data: T;
  meta: M;
}

export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

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

/** A related customer as the connection, relationship and network answers describe it. */
export interface CustomerRef {
  documentId: string;
  customerNumber: string;
  type: CustomerType;
  name: string;
}

/** GET /customers/:id/connections: each connection from either side, with the other customer. */
export interface Connection {
  documentId: string;
  relationshipType: string;
  title?: string | null;
  createdAt?: string;
  direction: 'outgoing' | 'incoming';
  isPrimaryContact: boolean;
  customer: CustomerRef;
}

/** GET /customers/:id/relationships: labelled as seen from the customer asked about. */
export interface Relationship {
  documentId: string;
  kind: RelationshipKind;
  type?: string | null;
  label: string;
  createdAt?: string;
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
  kind: 'connection' | RelationshipKind;
  label: string;
  source: string;
  target: string;
}
/** GET /customers/:id/network?depth=: customers reached out to the depth, each node and edge once. */
export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** The walk stopped at the node cap. */
  truncated: boolean;
}
export type NetworkAnswer = Answer<Network, { depth: number; nodeCap: number }>;

/** POST /customers/:id/ssn/reveal */
export interface SsnReveal {
  documentId: string;
  ssn: string | null;
  expiresAt: string;
}

/** GET /settings (admin): what the forms need to offer what the server enforces. */
export interface CrmSettings {
  contactPointTypes: Record<ContactPointKind, readonly string[]>;
  limits: ContactPointLimits;
  maxNetworkDepth: number;
  ssnRevealSeconds: number;
}

export interface ImportColumn {
  header: string;
  field: string | null;
  samples: string[];
  /** The column holds social security numbers: its samples and cells come masked. */
  holdsSsn?: boolean;
}

/** What an undo removed, and the records it kept because others had built on them. */
export interface UndoResult {
  at: string;
  removed: { contacts: number; customers: number };
  kept: { type: 'contact' | 'customer'; documentId: string; name: string; reasons: string[] }[];
  keptCount: number;
}

export interface ImportIssue {
  line: number;
  field: string;
  reason: string;
}

/** An import job as every import route answers it. */
export interface ImportJob {
  documentId: string;
  object: ImportObject;
  stage: ImportStage;
  fileName: string | null;
  fileSize: number | null;
  delimiter: string | null;
  columns: ImportColumn[];
  /** What a column can be mapped to. */
  fields: string[];
  counts: Partial<
    Record<'total' | 'valid' | 'invalid' | 'imported' | 'ignored' | 'failed', number>
  >;
  progress: { done: number; total: number };
  errors: ImportIssue[];
  createdBy: { type: ActorType; id: string | null; name: string | null } | null;
  startedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  undoneAt: string | null;
  undo: UndoResult | null;
  cellsPurgedAt: string | null;
}

/** GET/PUT /imports/:id/reference-data: a company no customer matched, with near matches. */
export interface ReferenceGroup {
  key: string;
  company: string;
  rows: number;
  decision: { action: ImportDecisionAction; customer?: string } | null;
  suggestions: { customer: string; name: string; score: number }[];
}

/** GET /imports/:id/log: one row of the file and what became of it. */
export interface ImportLogRow {
  line: number;
  status: ImportRowStatus;
  cells: Record<string, string>;
  issues: { field: string; reason: string }[];
}
export type ImportLogAnswer = Answer<ImportLogRow[], { pagination: Pagination }>;
