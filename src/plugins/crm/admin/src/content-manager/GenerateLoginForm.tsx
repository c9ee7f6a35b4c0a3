import { Button, Field, Flex, Modal, TextInput, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { useCrmApi } from '../api';
import { useRequestErrors } from '../hooks/useRequestErrors';

interface GenerateLoginFormProps {
  documentId: string;
  /** The contact's own e-mail, offered as the login's. */
  email: string;
  name: string;
  onClose: () => void;
}

/**
 * The "Generate login" dialog's body: the e-mail the login is made for (the contact's own by
 * default). The server's refusals (the contact already has a login, the e-mail is taken) show
 * beside the field.
 */
export const GenerateLoginForm = ({ documentId, email, name, onClose }: GenerateLoginFormProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { messageOf, notifySuccess } = useRequestErrors();
  const [value, setValue] = React.useState(email);
  const [error, setError] = React.useState<string | undefined>();
  const [busy, setBusy] = React.useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const address = value.trim();
    if (!address) {
      setError(
        formatMessage({
          id: 'crm.cm.generateLogin.emailRequired',
          defaultMessage: 'Enter the e-mail address the login is for',
        })
      );
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.contacts.generateLogin(documentId, address);
      notifySuccess(
        formatMessage(
          {
            id: 'crm.cm.generateLogin.done',
            defaultMessage: 'Login {email} created for {name}',
          },
          { email: address, name }
        )
      );
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography>
            {formatMessage(
              {
                id: 'crm.cm.generateLogin.intro',
                defaultMessage:
                  '{name} gets a user account with this e-mail and is sent how to set a password.',
              },
              { name }
            )}
          </Typography>
          <Field.Root name="email" required error={error}>
            <Field.Label>
              {formatMessage({ id: 'crm.cm.generateLogin.email', defaultMessage: 'E-mail' })}
            </Field.Label>
            <TextInput
              type="email"
              autoComplete="off"
              value={value}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                setValue(event.target.value)
              }
            />
            <Field.Error />
          </Field.Root>
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button type="button" variant="tertiary" onClick={onClose}>
          {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
        </Button>
        <Button type="submit" loading={busy}>
          {formatMessage({ id: 'crm.cm.generateLogin.submit', defaultMessage: 'Generate login' })}
        </Button>
      </Modal.Footer>
    </form>
  );
};
