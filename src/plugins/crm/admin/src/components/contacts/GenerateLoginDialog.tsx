import { Modal } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { GenerateLoginForm } from '../../content-manager/GenerateLoginForm';
import type { ContactRef } from './model';

interface GenerateLoginDialogProps {
  open: boolean;
  contact: ContactRef;
  /** Called when the dialog closes, whether a login was made or not. */
  onClose: () => void;
}

/**
 * Generate login on the Contacts page: the content manager's form (the e-mail, the server's
 * refusals beside it) in a modal of its own.
 */
export const GenerateLoginDialog = ({ open, contact, onClose }: GenerateLoginDialogProps) => {
  const { formatMessage } = useIntl();
  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <Modal.Header
          closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
        >
          <Modal.Title>
            {formatMessage({ id: 'crm.contacts.generateLogin', defaultMessage: 'Generate login' })}
          </Modal.Title>
        </Modal.Header>
        {open && (
          <GenerateLoginForm
            documentId={contact.documentId}
            email={contact.email ?? ''}
            name={contact.displayName}
            onClose={onClose}
          />
        )}
      </Modal.Content>
    </Modal.Root>
  );
};
