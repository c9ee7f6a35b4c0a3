import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';

import type {
  ImportObject,
  ImportRowOutcome,
  ImportRowStatus,
  ImportStage,
} from '../../../../contracts';

type StatusVariant = 'neutral' | 'secondary' | 'success' | 'danger' | 'warning' | 'primary';

/** "firstName" → "First name": how a field the server names is shown. */
export const fieldLabel = (field: string): string => {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The name of a field an import maps columns to (or finds records by), in the admin's language:
 * its message `crm.import.field.<field>`; a field without one as `fieldLabel` writes it.
 */
export const useFieldLabel = () => {
  const { formatMessage } = useIntl();
  return useCallback(
    (field: string) =>
      formatMessage({ id: `crm.import.field.${field}`, defaultMessage: fieldLabel(field) }),
    [formatMessage]
  );
};

/**
 * The names of what an import holds, of a job's stages, of what became of a row and of what an
 * imported row did to its record, with their colours.
 */
export const useImportLabels = () => {
  const { formatMessage } = useIntl();
  return useMemo(() => {
    const objects: Record<ImportObject, string> = {
      contacts: formatMessage({ id: 'crm.import.object.contacts', defaultMessage: 'Contacts' }),
      customers: formatMessage({ id: 'crm.import.object.customers', defaultMessage: 'Customers' }),
    };
    const stages: Record<ImportStage, { label: string; variant: StatusVariant }> = {
      validating: {
        label: formatMessage({ id: 'crm.import.stage.validating', defaultMessage: 'Validating' }),
        variant: 'primary',
      },
      'reference-data': {
        label: formatMessage({
          id: 'crm.import.stage.referenceData',
          defaultMessage: 'Waiting for reference data',
        }),
        variant: 'warning',
      },
      ready: {
        label: formatMessage({ id: 'crm.import.stage.ready', defaultMessage: 'Ready to start' }),
        variant: 'secondary',
      },
      running: {
        label: formatMessage({ id: 'crm.import.stage.running', defaultMessage: 'Importing' }),
        variant: 'primary',
      },
      done: {
        label: formatMessage({ id: 'crm.import.stage.done', defaultMessage: 'Finished' }),
        variant: 'success',
      },
      failed: {
        label: formatMessage({ id: 'crm.import.stage.failed', defaultMessage: 'Failed' }),
        variant: 'danger',
      },
      undone: {
        label: formatMessage({ id: 'crm.import.stage.undone', defaultMessage: 'Undone' }),
        variant: 'neutral',
      },
    };
    const rowStatuses: Record<ImportRowStatus, { label: string; variant: StatusVariant }> = {
      valid: {
        label: formatMessage({ id: 'crm.import.row.valid', defaultMessage: 'Valid' }),
        variant: 'neutral',
      },
      imported: {
        label: formatMessage({ id: 'crm.import.row.imported', defaultMessage: 'Imported' }),
        variant: 'success',
      },
      invalid: {
        label: formatMessage({ id: 'crm.import.row.invalid', defaultMessage: 'Invalid' }),
        variant: 'danger',
      },
      ignored: {
        label: formatMessage({ id: 'crm.import.row.ignored', defaultMessage: 'Skipped' }),
        variant: 'warning',
      },
      pending: {
        label: formatMessage({
          id: 'crm.import.row.pending',
          defaultMessage: 'Waits for its date order',
        }),
        variant: 'warning',
      },
      failed: {
        label: formatMessage({ id: 'crm.import.row.failed', defaultMessage: 'Failed' }),
        variant: 'danger',
      },
    };
    const rowOutcomes: Record<ImportRowOutcome, { label: string; variant: StatusVariant }> = {
      created: {
        label: formatMessage({ id: 'crm.import.outcome.created', defaultMessage: 'Created' }),
        variant: 'success',
      },
      updated: {
        label: formatMessage({ id: 'crm.import.outcome.updated', defaultMessage: 'Updated' }),
        variant: 'primary',
      },
      unchanged: {
        label: formatMessage({ id: 'crm.import.outcome.unchanged', defaultMessage: 'Unchanged' }),
        variant: 'neutral',
      },
    };
    return { objects, stages, rowStatuses, rowOutcomes };
  }, [formatMessage]);
};
