import { Alert } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { Customer } from '../../../../../contracts';
import { useRequestErrors } from '../../../hooks/useRequestErrors';
import { fieldErrorsOf } from '../../../utils/serverErrors';

export interface LinkDialogProps {
  open: boolean;
  customer: Customer;
  onClose: () => void;
  onSaved: () => void;
}

/** Runs a save of a link dialog; the server's message goes to the dialog (by field) and to a notification. */
export const useLinkSave = (onSaved: () => void) => {
  const { messageOf, notifySuccess, toggleNotification } = useRequestErrors();
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<{
    message: string;
    fields: Record<string, string>;
  } | null>(null);

  const save = async (work: () => Promise<void>, success: string) => {
    setSaving(true);
    setError(null);
    try {
      await work();
      notifySuccess(success);
      onSaved();
    } catch (failure) {
      const message = messageOf(failure);
      setError({ message, fields: fieldErrorsOf(failure) });
      toggleNotification({ type: 'danger', message });
    } finally {
      setSaving(false);
    }
  };
  const reset = React.useCallback(() => setError(null), []);
  return { save, saving, error, reset };
};

export const ErrorAlert = ({ message, onClose }: { message?: string; onClose: () => void }) => {
  const { formatMessage } = useIntl();
  return message ? (
    <Alert
      variant="danger"
      title={formatMessage({ id: 'crm.common.notSaved', defaultMessage: 'Not saved' })}
      closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
      onClose={onClose}
      data-testid="crm-dialog-error"
    >
      {message}
    </Alert>
  ) : null;
};
