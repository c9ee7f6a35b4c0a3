import { Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { ErrorAlert } from '../customers/links/useLinkSave';
import type { ContactRef } from './hooks';

interface GenerateLoginDialogProps {
  open: boolean;
  contact: ContactRef;
  onClose: () => void;
  /** After the login was created: its user's e-mail. */
  onDone: (email: string) => void;
}

/**
 * Generate login: asks for the e-mail of the new users-permissions account (the contact's own by
 * default); the server's refusals (a login already, an e-mail taken) show in the dialog.
 */
export const GenerateLoginDialog = ({
  open,
  contact,
  onClose,
  onDone,
}: GenerateLoginDialogProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { messageOf, notifySuccess } = useRequestErrors();
  const [email, setEmail] = React.useState(contact.email ?? '');
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<string>();

  React.useEffect(() => {
    if (open) {
      setEmail(contact.email ?? '');
      setError(undefined);
    }
  }, [open, contact.email]);

  const submit = async (event?: React.FormEvent) => {
    event?.preventDefault();
    const value = email.trim();
    if (!value) return;
    setSaving(true);
    setError(undefined);
    try {
      const { user } = await api.contacts.generateLogin(contact.documentId, value);
      notifySuccess(
        formatMessage(
          { id: 'crm.contacts.loginCreated', defaultMessage: 'Login {email} created' },
          { email: user.email }
        )
      );
      onDone(user.email);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <form onSubmit={(event) => void submit(event)}>
          <Modal.Header>
            <Modal.Title>
              {formatMessage({
                id: 'crm.contacts.generateLogin',
                defaultMessage: 'Generate login',
              })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <ErrorAlert message={error} onClose={() => setError(undefined)} />
              <Typography textColor="neutral600">
                {formatMessage(
                  {
                    id: 'crm.contacts.generateLoginExplain',
                    defaultMessage:
                      'Creates a user account for {name} with this e-mail; they set their password through the reset link.',
                  },
                  { name: contact.displayName }
                )}
              </Typography>
              <Field.Root name="loginEmail" required>
                <Field.Label>
                  {formatMessage({ id: 'crm.contacts.loginEmail', defaultMessage: 'Login e-mail' })}
                </Field.Label>
                <TextInput
                  type="email"
                  value={email}
                  autoFocus
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    setEmail(event.target.value)
                  }
                />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" onClick={onClose} type="button">
              {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
            </Button>
            <Button type="submit" loading={saving} disabled={!email.trim()}>
              {formatMessage({ id: 'crm.contacts.createLogin', defaultMessage: 'Create login' })}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
