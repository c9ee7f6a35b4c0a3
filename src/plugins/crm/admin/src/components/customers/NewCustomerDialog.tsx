import { Alert, Box, Button, Flex, Modal } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { CONTACT_POINT_KINDS, type CrmSettings, type Customer } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { fieldErrorsOf, pathKey } from '../../utils/serverErrors';
import { ContactPointRows } from './ContactPointRows';
import { customerName } from './model';
import { emptyDraft, errorsOnScreen, toRequest, type Draft } from './new-customer/draft';
import { IdentitySection } from './new-customer/IdentitySection';
import { PreferencesSection } from './new-customer/PreferencesSection';

interface NewCustomerDialogProps {
  open: boolean;
  settings: CrmSettings;
  onClose: () => void;
  /** After a save: `view` opens the new customer, `continue` stays on the search page. */
  onCreated: (customer: Customer, next: 'view' | 'continue') => void;
}

/**
 * The "New customer" dialog: one save creates the customer and all its addresses, phones
 * and emails. The server applies every rule; its messages are shown beside the fields they name.
 */
export const NewCustomerDialog = ({
  open,
  settings,
  onClose,
  onCreated,
}: NewCustomerDialogProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { messageOf, notifySuccess, toggleNotification } = useRequestErrors();
  const [draft, setDraft] = React.useState<Draft>(() => emptyDraft(settings));
  const [errors, setErrors] = React.useState<{ message?: string; fields: Record<string, string> }>({
    fields: {},
  });
  const [saving, setSaving] = React.useState(false);

  React.useEffect(() => {
    if (open) {
      setDraft(emptyDraft(settings));
      setErrors({ fields: {} });
    }
  }, [open, settings]);

  const limits = settings.limits[draft.type];
  const errorAt = (path: (string | number)[]) => errors.fields[pathKey(path)];

  const save = async (next: 'view' | 'continue') => {
    const { data, rowOfSent } = toRequest(draft);
    setSaving(true);
    try {
      const customer = await api.createCustomer(data);
      notifySuccess(
        formatMessage(
          { id: 'crm.newCustomer.created', defaultMessage: 'Customer {number} ({name}) created' },
          { number: customer.customerNumber, name: customerName(customer) }
        )
      );
      onCreated(customer, next);
    } catch (failure) {
      const message = messageOf(failure);
      setErrors({ message, fields: errorsOnScreen(fieldErrorsOf(failure), rowOfSent) });
      toggleNotification({ type: 'danger', message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content style={{ maxWidth: '96rem', width: '90vw' }}>
        <Modal.Header>
          <Modal.Title>
            {formatMessage({ id: 'crm.newCustomer.title', defaultMessage: 'New customer' })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {errors.message && (
              <Alert
                variant="danger"
                title={formatMessage({ id: 'crm.common.notSaved', defaultMessage: 'Not saved' })}
                closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
                onClose={() => setErrors((current) => ({ ...current, message: undefined }))}
              >
                {errors.message}
              </Alert>
            )}
            <Box padding={4} hasRadius borderColor="neutral200">
              <Flex direction="column" alignItems="stretch" gap={4}>
                <IdentitySection draft={draft} setDraft={setDraft} errorAt={errorAt} />
                <PreferencesSection draft={draft} setDraft={setDraft} errorAt={errorAt} />
              </Flex>
            </Box>
            {CONTACT_POINT_KINDS.map((kind) => (
              <ContactPointRows
                key={kind}
                kind={kind}
                rows={draft.points[kind]}
                types={settings.contactPointTypes[kind]}
                limit={limits[kind]}
                onePerType={limits.onePerType}
                errorAt={errorAt}
                onChange={(rows) =>
                  setDraft((current) => ({
                    ...current,
                    points: { ...current.points, [kind]: rows },
                  }))
                }
              />
            ))}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose} type="button">
            {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
          </Button>
          <Flex gap={2}>
            <Button
              variant="secondary"
              loading={saving}
              onClick={() => void save('continue')}
              type="button"
            >
              {formatMessage({
                id: 'crm.newCustomer.saveAndContinue',
                defaultMessage: 'Save and continue',
              })}
            </Button>
            <Button loading={saving} onClick={() => void save('view')} type="button">
              {formatMessage({
                id: 'crm.newCustomer.saveAndView',
                defaultMessage: 'Save and view customer',
              })}
            </Button>
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
