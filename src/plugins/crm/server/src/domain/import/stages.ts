/** The stages of an import job and those at which it may still change (shared with the admin pages). */
export { EDITABLE_IMPORT_STAGES, IMPORT_STAGES } from '../../../../contracts';
export type { ImportStage } from '../../../../contracts';
