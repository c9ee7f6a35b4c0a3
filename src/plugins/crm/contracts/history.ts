/**
 * The change history and personal-data routes, as the server answers them: one entry per created,
 * updated or deleted record, with each changed field's value before and after.
 */

export const HISTORY_ACTIONS = ['create', 'update', 'delete'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** Who wrote a change: an import or a merge acts on behalf of the user who ran it. */
export const HISTORY_ACTOR_TYPES = ['user', 'admin', 'token', 'import', 'merge', 'system'] as const;
export type HistoryActorType = (typeof HISTORY_ACTOR_TYPES)[number];

/** A related record as the history shows it: its public id and what it is called. */
export interface HistoryRelation {
  documentId: string;
  label: string | null;
}

/**
 * A field's value in the history: a scalar as stored (dates as ISO strings), a to-one relation as
 * its documentId and label, a to-many relation as a list of them. The SSN appears only masked.
 */
export type HistoryValue = string | number | boolean | null | HistoryRelation | HistoryRelation[];

export interface HistoryChange {
  field: string;
  before: HistoryValue;
  after: HistoryValue;
}

export interface HistoryActorRef {
  type: HistoryActorType;
  id: string | null;
  name: string | null;
}

export interface HistoryActor extends HistoryActorRef {
  /** The user an import or a merge ran for. */
  onBehalfOf?: HistoryActorRef;
}

export interface HistoryRecordRef {
  uid: string;
  documentId: string;
  label: string | null;
}

export interface HistoryEntry {
  documentId: string;
  at: string;
  action: HistoryAction;
  record: HistoryRecordRef;
  actor: HistoryActor;
  /**
   * Where the values came from, when the write says (`social-profile:gravatar jane@example.com`):
   * the source before the first space, what it was asked about after it.
   */
  origin?: string;
  changes: HistoryChange[];
}

/** Query parameters of `GET /customers/:id/history` and `/contacts/:id/history`. */
export interface HistoryQuery {
  page?: number;
  pageSize?: number;
  field?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/** What a redacted value reads in the history once its person was erased. */
export const REDACTED_VALUE = '[erased]';

/** The name an erased person's record carries, followed by a reference. */
export const ERASED_PERSON_NAME = 'Erased person';

/** What the erasure list keeps a keyed hash of. */
export const ERASURE_KINDS = ['email', 'phone'] as const;
export type ErasureKind = (typeof ERASURE_KINDS)[number];
