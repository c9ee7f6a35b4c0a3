/**
 * The stages of an import job, in order: `validating` while its file is read or a new mapping is
 * applied, `reference-data` while a company is undecided, `ready`, `running`, then `done` (or
 * `failed`) and, after an undo, `undone`.
 */
export const IMPORT_STAGES = ['validating', 'reference-data', 'ready', 'running', 'done', 'failed', 'undone'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

/** Stages at which a job's mapping and decisions may still change. */
export const EDITABLE_IMPORT_STAGES: readonly ImportStage[] = ['reference-data', 'ready'];
