import { EDITABLE_IMPORT_STAGES, type ImportJob } from '../../../../contracts';
import type { WizardStep } from '../../components/imports/WizardSteps';
import { PLUGIN_ID } from '../../pluginId';

export const IMPORTS_PATH = `/plugins/${PLUGIN_ID}/imports`;
const EDIT_STEPS: WizardStep[] = ['mapping', 'mode', 'validation', 'reference', 'start'];

export const isEditable = (job: ImportJob) => EDITABLE_IMPORT_STAGES.includes(job.stage);

/**
 * The step a job is shown at. Its stage decides once it is started (progress, then results);
 * before that the `?step=` of the address may pick any editing step, and without one the wizard
 * resumes where the job stands: reference data while companies are undecided, else the start.
 */
export const stepOf = (job: ImportJob, requested: string | null): WizardStep => {
  if (job.stage === 'running') return 'start';
  // The server validates the rows after a mapping or mode change: the user stays at the step
  // that made it, and any other step waits at the validation, whose outcome it shows.
  if (job.stage === 'validating')
    return requested === 'mapping' || requested === 'mode' ? requested : 'validation';
  if (job.stage === 'done' || job.stage === 'failed' || job.stage === 'undone') return 'results';
  const wanted = EDIT_STEPS.find((step) => step === requested);
  if (wanted === 'reference' && job.object !== 'contacts') return 'validation';
  if (wanted) return wanted;
  return job.stage === 'reference-data' ? 'reference' : 'start';
};
