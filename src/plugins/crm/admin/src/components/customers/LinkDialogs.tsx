import * as React from 'react';

import { Alert, Button, Field, Flex, Modal, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';

import { readServerError } from '../../utils/strapiErrorDetails';
import { CustomerPicker } from './CustomerPicker';
import { CONNECTION_TYPES, LOOSE_TYPES, humanize, type Customer, type CustomerRef } from './model';

interface LinkDialogProps {
  open: boolean;
  customer: Customer;
  onClose: () => void;
  onSaved: () => void;
}

/** Saves through an admin route; the server's message goes to the dialog (by field) and to a notification. */
const useLinkSave = (onSaved: () => void) => {
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<{ message: string; fields: Record<string, string> } | null>(null);

  const save = async (path: string, data: Record<string, unknown>, success: string) => {
    setSaving(true);
    setError(null);
    try {
      await post(path, { data });
      toggleNotification({ type: 'success', message: success });
      onSaved();
    } catch (failure) {
      const { message, fieldErrors } = readServerError(failure);
      setError({ message, fields: fieldErrors });
      toggleNotification({ type: 'danger', message });
    } finally {
      setSaving(false);
    }
  };
  return { save, saving, error, reset: () => setError(null) };
};

const ErrorAlert = ({ message, onClose }: { message?: string; onClose: () => void }) =>
  message ? (
    <Alert variant="danger" title="Not saved" closeLabel="Close" onClose={onClose} data-testid="crm-dialog-error">
      {message}
    </Alert>
  ) : null;

/** Add connection: search, pick, relationship type (Employee when a business is involved), title. */
export const AddConnectionDialog = ({ open, customer, onClose, onSaved }: LinkDialogProps) => {
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const businessInvolved = customer.type === 'business' || picked?.type === 'business';
  const effectiveType = businessInvolved ? 'employee' : relationshipType;
  const fields = error?.fields ?? {};

  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>Add connection</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <ErrorAlert message={error?.message} onClose={reset} />
            <CustomerPicker
              label="Customer to connect"
              excludeId={customer.documentId}
              value={picked}
              onChange={setPicked}
              error={fields.connectedCustomer ?? fields.customer}
            />
            <Field.Root
              name="relationshipType"
              error={fields.relationshipType}
              hint={businessInvolved ? 'A connection with a business is always Employee' : undefined}
            >
              <Field.Label>Relationship type</Field.Label>
              <SingleSelect
                value={effectiveType}
                disabled={businessInvolved}
                onChange={(value: string | number) => setRelationshipType(String(value))}
              >
                {CONNECTION_TYPES.map((type) => (
                  <SingleSelectOption key={type} value={type}>
                    {humanize(type)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
              <Field.Hint />
              <Field.Error />
            </Field.Root>
            <Field.Root name="title" error={fields.title} hint="A professional title (CFO) or a relation (mother)">
              <Field.Label>Title</Field.Label>
              <TextInput value={title} onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTitle(event.target.value)} />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose} type="button">
            Cancel
          </Button>
          <Button
            loading={saving}
            disabled={!picked}
            onClick={() =>
              picked &&
              void save(
                '/crm/connections',
                {
                  customer: customer.documentId,
                  connectedCustomer: picked.documentId,
                  relationshipType: effectiveType,
                  ...(title.trim() ? { title: title.trim() } : {}),
                },
                `${picked.name} connected`
              )
            }
          >
            Save and close
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

interface AddRelationshipDialogProps extends LinkDialogProps {
  kind: 'hierarchical' | 'loose';
}

/** Add a hierarchical link (a parent or a child of this customer) or a loose link (other, investor, subsidiary). */
export const AddRelationshipDialog = ({ open, kind, customer, onClose, onSaved }: AddRelationshipDialogProps) => {
  const [picked, setPicked] = React.useState<CustomerRef | null>(null);
  const [role, setRole] = React.useState<'parent' | 'child'>('parent');
  const [type, setType] = React.useState('other');
  const { save, saving, error, reset } = useLinkSave(onSaved);

  React.useEffect(() => {
    if (open) {
      setPicked(null);
      setRole('parent');
      setType('other');
      reset();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const fields = error?.fields ?? {};
  const sideError = fields.parent ?? fields.child ?? fields.customer ?? fields.linkedCustomer ?? fields.kind;

  const submit = () => {
    if (!picked) return;
    if (kind === 'hierarchical') {
      const data =
        role === 'parent'
          ? { kind, parent: picked.documentId, child: customer.documentId }
          : { kind, parent: customer.documentId, child: picked.documentId };
      void save('/crm/relationships', data, role === 'parent' ? `${picked.name} is now the parent` : `${picked.name} is now a child`);
    } else {
      void save('/crm/relationships', { kind, customer: customer.documentId, linkedCustomer: picked.documentId, type }, `${picked.name} linked as ${humanize(type).toLowerCase()}`);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{kind === 'hierarchical' ? 'Add hierarchical relationship' : 'Add loosely linked relationship'}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <ErrorAlert message={error?.message} onClose={reset} />
            {kind === 'hierarchical' && (
              <Field.Root name="role">
                <Field.Label>The customer you pick is</Field.Label>
                <SingleSelect value={role} onChange={(value: string | number) => setRole(value as 'parent' | 'child')}>
                  <SingleSelectOption value="parent">the parent of this customer</SingleSelectOption>
                  <SingleSelectOption value="child">a child of this customer</SingleSelectOption>
                </SingleSelect>
              </Field.Root>
            )}
            <CustomerPicker
              label={kind === 'hierarchical' ? (role === 'parent' ? 'Parent customer' : 'Child customer') : 'Linked customer'}
              excludeId={customer.documentId}
              value={picked}
              onChange={setPicked}
              error={sideError}
            />
            {kind === 'loose' && (
              <Field.Root name="type" error={fields.type}>
                <Field.Label>Relationship type</Field.Label>
                <SingleSelect value={type} onChange={(value: string | number) => setType(String(value))}>
                  {LOOSE_TYPES.map((value) => (
                    <SingleSelectOption key={value} value={value}>
                      {humanize(value)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Error />
              </Field.Root>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose} type="button">
            Cancel
          </Button>
          <Button loading={saving} disabled={!picked} onClick={submit}>
            Save
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
