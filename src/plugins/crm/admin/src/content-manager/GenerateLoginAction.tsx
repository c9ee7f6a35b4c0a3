import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { Key } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { GenerateLoginForm } from './GenerateLoginForm';
import { CONTACT_UID, contactName, isStored } from './models';
import { useCrmActions } from './useCrmActions';

/** Contact edit view: "Generate login", for admins holding `contacts.generate-login`. */
export const GenerateLoginAction: DocumentActionComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { canGenerateLogin } = useCrmActions();
  const email = typeof document?.email === 'string' ? document.email : '';
  const name = contactName(document);
  // The dialog's body, kept while the contact stays the same (a new one would reset what is typed).
  const Content = React.useMemo(
    () =>
      function GenerateLoginContent({ onClose }: { onClose: () => void }) {
        return (
          <GenerateLoginForm
            documentId={documentId ?? ''}
            email={email}
            name={name}
            onClose={onClose}
          />
        );
      },
    [documentId, email, name]
  );

  if (model !== CONTACT_UID || !isStored(documentId) || !canGenerateLogin) return null;
  return {
    label: formatMessage({ id: 'crm.cm.generateLogin.label', defaultMessage: 'Generate login' }),
    icon: <Key />,
    position: 'panel',
    dialog: {
      type: 'modal',
      title: formatMessage(
        { id: 'crm.cm.generateLogin.title', defaultMessage: 'Generate a login for {name}' },
        { name }
      ),
      content: Content,
    },
  };
};
