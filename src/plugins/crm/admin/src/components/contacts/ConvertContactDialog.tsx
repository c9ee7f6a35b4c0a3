import { Button, Dialog, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { Customer } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import type { ContactRef } from './model';

interface ConvertContactDialogProps {
  open: boolean;
  contact: ContactRef;
  onClose: () => void;
  /** After the conversion: the new customer. */
  onDone: (customer: Customer) => void;
}

/** Convert to customer: a confirmation, then the new individual customer (linked to the company). */
export const ConvertContactDialog = ({
  open,
  contact,
  onClose,
  onDone,
}: ConvertContactDialogProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { notifyError, notifySuccess } = useRequestErrors();
  const [saving, setSaving] = React.useState(false);

  const convert = async () => {
    setSaving(true);
    try {
      const customer = await api.contacts.convert(contact.documentId);
      notifySuccess(
        formatMessage(
          {
            id: 'crm.contacts.converted',
            defaultMessage: '{name} is now customer {number}',
          },
          { name: contact.displayName, number: customer.customerNumber }
        )
      );
      onDone(customer);
    } catch (failure) {
      notifyError(failure);
      onClose();
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Dialog.Content>
        <Dialog.Header>
          {formatMessage({
            id: 'crm.contacts.convertTitle',
            defaultMessage: 'Convert to customer?',
          })}
        </Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="warning600" />}>
          <Typography textAlign="center">
            {formatMessage(
              {
                id: 'crm.contacts.convertExplain',
                defaultMessage:
                  'Creates an individual customer from {name} (name, phones and e-mails), connected to the company as an employee.',
              },
              { name: contact.displayName }
            )}
          </Typography>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
            </Button>
          </Dialog.Cancel>
          <Button fullWidth loading={saving} onClick={() => void convert()}>
            {formatMessage({ id: 'crm.contacts.convert', defaultMessage: 'Convert to customer' })}
          </Button>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
