import {
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { CONNECTION_TYPES, type CustomerRef } from '../../../../../contracts';
import { useCrmApi } from '../../../api';
import { useValueLabel } from '../../../hooks/useValueLabel';
import { CustomerPicker } from '../CustomerPicker';
import { ErrorAlert, useLinkSave, type LinkDialogProps } from './useLinkSave';

/** Add connection: search, pick, relationship type (Employee when a business is involved), title. */
export const AddConnectionDialog = ({ open, customer, onClose, onSaved }: LinkDialogProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const api = useCrmApi();
  const [picked, setPicked] = React.useState<CustomerRef | null>(null);
  const [relationshipType, setRelationshipType] = React.useState('friend');
  const [title, setTitle] = React.useState('');
  const { save, saving, error, reset } = useLinkSave(onSaved);

  React.useEffect(() => {
    if (open) {
      setPicked(null);
      setTitle('');
      setRelationshipType('friend');
      reset();
    }
  }, [open, reset]);

  const businessInvolved = customer.type === 'business' || picked?.type === 'business';
  const effectiveType = businessInvolved ? 'employee' : relationshipType;
  const fields = error?.fields ?? {};

  const submit = () => {
    if (!picked) return;
    const data = {
      customer: customer.documentId,
      connectedCustomer: picked.documentId,
      relationshipType: effectiveType,
      ...(title.trim() ? { title: title.trim() } : {}),
    };
    void save(
      () => api.createConnection(data),
      formatMessage(
        { id: 'crm.links.connected', defaultMessage: '{name} connected' },
        { name: picked.name }
      )
    );
  };

  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <Modal.Header
          closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
        >
          <Modal.Title>
            {formatMessage({ id: 'crm.links.addConnection', defaultMessage: 'Add connection' })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <ErrorAlert message={error?.message} onClose={reset} />
            <CustomerPicker
              label={formatMessage({
                id: 'crm.links.customerToConnect',
                defaultMessage: 'Customer to connect',
              })}
              excludeId={customer.documentId}
              value={picked}
              onChange={setPicked}
              error={fields.connectedCustomer ?? fields.customer}
            />
            <Field.Root
              name="relationshipType"
              error={fields.relationshipType}
              hint={
                businessInvolved
                  ? formatMessage({
                      id: 'crm.links.alwaysEmployee',
                      defaultMessage: 'A connection with a business is always Employee',
                    })
                  : undefined
              }
            >
              <Field.Label>
                {formatMessage({
                  id: 'crm.links.relationshipType',
                  defaultMessage: 'Relationship type',
                })}
              </Field.Label>
              <SingleSelect
                value={effectiveType}
                disabled={businessInvolved}
                onChange={(value: string | number) => setRelationshipType(String(value))}
              >
                {CONNECTION_TYPES.map((type) => (
                  <SingleSelectOption key={type} value={type}>
                    {valueLabel(type)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Hint />
              <Field.Error />
            </Field.Root>
            <Field.Root
              name="title"
              error={fields.title}
              hint={formatMessage({
                id: 'crm.links.titleHint',
                defaultMessage: 'A professional title (CFO) or a relation (mother)',
              })}
            >
              <Field.Label>
                {formatMessage({ id: 'crm.links.title', defaultMessage: 'Title' })}
              </Field.Label>
              <TextInput
                value={title}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                  setTitle(event.target.value)
                }
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose} type="button">
            {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
          </Button>
          <Button loading={saving} disabled={!picked} onClick={submit}>
            {formatMessage({ id: 'crm.links.saveAndClose', defaultMessage: 'Save and close' })}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
