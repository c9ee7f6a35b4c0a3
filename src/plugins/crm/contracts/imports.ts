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
