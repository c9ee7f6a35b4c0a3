import type { ImportJob, RowStatus } from './types';

/** "firstName" → "First name": how a field the server names is shown. */
export const fieldLabel = (field: string): string => {
  const words = field.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const OBJECT_LABELS: Record<ImportJob['object'], string> = { contacts: 'Contacts', customers: 'Customers' };

export const STAGE_LABELS: Record<ImportJob['stage'], { label: string; variant: 'neutral' | 'secondary' | 'success' | 'danger' | 'warning' | 'primary' }> = {
  validating: { label: 'Validating', variant: 'primary' },
  'reference-data': { label: 'Waiting for reference data', variant: 'warning' },
  ready: { label: 'Ready to start', variant: 'secondary' },
  running: { label: 'Importing', variant: 'primary' },
  done: { label: 'Finished', variant: 'success' },
  failed: { label: 'Failed', variant: 'danger' },
  undone: { label: 'Undone', variant: 'neutral' },
};

export const ROW_STATUS_LABELS: Record<RowStatus, { label: string; variant: 'neutral' | 'success' | 'danger' | 'warning' }> = {
  valid: { label: 'Valid', variant: 'neutral' },
  imported: { label: 'Imported', variant: 'success' },
  invalid: { label: 'Invalid', variant: 'danger' },
  ignored: { label: 'Skipped', variant: 'warning' },
  failed: { label: 'Failed', variant: 'danger' },
};
