/** Import jobs: what can be imported, the stages a job goes through, and what became of each row. */
export const IMPORT_OBJECTS = ['contacts', 'customers'] as const;
export type ImportObject = (typeof IMPORT_OBJECTS)[number];

/**
 * The stages of an import job, in order: `validating` while its file is read or a new mapping is
 * applied, `reference-data` while a company is undecided, `ready`, `running`, then `done` (or
 * `failed`) and, after an undo, `undone`.
 */
export const IMPORT_STAGES = [
  'validating',
  'reference-data',
  'ready',
  'running',
  'done',
  'failed',
  'undone',
] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

/** Stages at which a job's mapping and decisions may still change. */
export const EDITABLE_IMPORT_STAGES: readonly ImportStage[] = ['reference-data', 'ready'];

/**
 * What became of a row of the file, as the job's log reports it; `pending`: not judged yet, its
 * date column's order (day or month first) waits for the user.
 */
export const IMPORT_ROW_STATUSES = [
  'valid',
  'invalid',
  'imported',
  'ignored',
  'failed',
  'pending',
] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/**
 * What an imported row did to its record: made it, changed it, or found its values already there.
 * Rows whose status is `imported` have one.
 */
export const IMPORT_ROW_OUTCOMES = ['created', 'updated', 'unchanged'] as const;
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number];

/**
 * What an import does with a row that is a record the CRM already has (found by the job's keys):
 * `create` never makes it again (the row is ignored, naming the record), `update` changes the
 * record and ignores rows that match none, `upsert` changes matched records and creates the rest.
 */
export const IMPORT_MODES = ['create', 'update', 'upsert'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The keys a row can be matched to a record by, per type of record, in no particular order. */
export const IMPORT_MATCH_KEYS = {
  contacts: ['email', 'externalId', 'mobilePhone'],
  customers: ['customerNumber', 'email', 'phone', 'externalId'],
} as const;
export type ImportMatchKey =
  (typeof IMPORT_MATCH_KEYS.contacts)[number] | (typeof IMPORT_MATCH_KEYS.customers)[number];

/** Rows of one file that share a key: later ones are ignored as duplicates, or merged into the first's record. */
export const IMPORT_WITHIN_FILE = ['ignore', 'merge'] as const;
export type ImportWithinFile = (typeof IMPORT_WITHIN_FILE)[number];

/** An empty cell of a matched row leaves the field as it is (`keep`) or empties it (`clear`). */
export const IMPORT_EMPTY_CELLS = ['keep', 'clear'] as const;
export type ImportEmptyCells = (typeof IMPORT_EMPTY_CELLS)[number];

/** What to do with the rows of a company no customer matched. */
export const IMPORT_DECISION_ACTIONS = ['create', 'link', 'skip'] as const;
export type ImportDecisionAction = (typeof IMPORT_DECISION_ACTIONS)[number];

/** The formats an import file is read in (told from its content). */
export const IMPORT_FORMATS = ['csv', 'xlsx', 'vcard'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The products whose export layouts the import recognises from a file's headers. */
export const IMPORT_SOURCES = [
  'outlook',
  'google',
  'salesforce',
  'hubspot',
  'linkedin',
  'vcard',
] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** How a date column writes its dates: year, month and day first, or `ambiguous` until the user says. */
export const DATE_ORDERS = ['YMD', 'DMY', 'MDY'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];
export type DateOrderVerdict = DateOrder | 'ambiguous';

/** The stages of a duplicate scan: `running` (claimed by one node, resumable), then `done` or `failed`. */
export const DUPLICATE_SCAN_STAGES = ['running', 'done', 'failed'] as const;
export type DuplicateScanStage = (typeof DUPLICATE_SCAN_STAGES)[number];
