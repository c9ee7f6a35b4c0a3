import { Alert, Box, Button, Flex, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { Customer } from '../../../../../contracts';
import { useCrmApi } from '../../../api';
import { useRequestErrors } from '../../../hooks/useRequestErrors';
import { fieldErrorsOf, pathKey } from '../../../utils/serverErrors';
import { customerName } from '../model';
import { customerFieldsOf, draftOfCustomer, type Draft } from '../new-customer/draft';
import { IdentitySection } from '../new-customer/IdentitySection';
import { PreferencesSection } from '../new-customer/PreferencesSection';
import { WorkingDataSection } from '../new-customer/WorkingDataSection';

interface CustomerDetailsFormProps {
  customer: Customer;
  onCancel: () => void;
  onSaved: (customer: Customer) => void;
}

/**
 * A customer's own fields edited in place on its overview: the sections of the New customer
 * dialog (identity, privacy and preferences) and its working data, saved with one update. The
 * server applies every rule; its messages are shown beside the fields they name.
 */
export const CustomerDetailsForm = ({ customer, onCancel, onSaved }: CustomerDetailsFormProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { messageOf, notifySuccess, toggleNotification } = useRequestErrors();
  const [draft, setDraft] = React.useState<Draft>(() => draftOfCustomer(customer));
  const [errors, setErrors] = React.useState<{ message?: string; fields: Record<string, string> }>({
    fields: {},
  });
  const [saving, setSaving] = React.useState(false);
  const errorAt = (path: (string | number)[]) => errors.fields[pathKey(path)];

  const save = async () => {
    setSaving(true);
    try {
      const updated = await api.updateCustomer(
        customer.documentId,
        customerFieldsOf(draft, 'update')
      );
      notifySuccess(
        formatMessage(
          { id: 'crm.edit.saved', defaultMessage: 'Customer {number} ({name}) saved' },
          { number: updated.customerNumber, name: customerName(updated) }
        )
      );
      onSaved(updated);
    } catch (failure) {
      const message = messageOf(failure);
      setErrors({ message, fields: fieldErrorsOf(failure) });
      toggleNotification({ type: 'danger', message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box
      tag="form"
      aria-labelledby="crm-edit-details-title"
      data-testid="crm-edit-details"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        void save();
      }}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography variant="delta" tag="h2" id="crm-edit-details-title">
          {formatMessage({ id: 'crm.edit.title', defaultMessage: 'Edit customer details' })}
        </Typography>
        {errors.message && (
          <Alert
            variant="danger"
            title={formatMessage({ id: 'crm.common.notSaved', defaultMessage: 'Not saved' })}
            closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
            onClose={() => setErrors((current) => ({ ...current, message: undefined }))}
            data-testid="crm-edit-error"
          >
            {errors.message}
          </Alert>
        )}
        <IdentitySection
          draft={draft}
          setDraft={setDraft}
          errorAt={errorAt}
          ssnHint={formatMessage({
            id: 'crm.edit.ssnHint',
            defaultMessage: 'Leave blank to keep the current SSN',
          })}
        />
        <PreferencesSection
          draft={draft}
          setDraft={setDraft}
          errorAt={errorAt}
          withPrimaries={false}
        />
        <WorkingDataSection draft={draft} setDraft={setDraft} errorAt={errorAt} />
        <Flex gap={2} justifyContent="flex-end">
          <Button variant="tertiary" type="button" onClick={onCancel} disabled={saving}>
            {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
          </Button>
          <Button type="submit" loading={saving}>
            {formatMessage({ id: 'crm.edit.save', defaultMessage: 'Save changes' })}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};
