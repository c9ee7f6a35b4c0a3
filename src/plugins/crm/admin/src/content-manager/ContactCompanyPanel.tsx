import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';

import { ContactCompany } from './ContactCompany';
import { CONTACT_UID, isStored } from './models';
import { useCrmActions } from './useCrmActions';

/** Contact edit view: the side panel naming the contact's company, linked to its CRM overview. */
export const ContactCompanyPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { canRead } = useCrmActions();
  if (model !== CONTACT_UID || !isStored(documentId) || !canRead) return null;
  const version = typeof document?.updatedAt === 'string' ? document.updatedAt : undefined;
  return {
    title: formatMessage({ id: 'crm.cm.company.title', defaultMessage: 'In the CRM' }),
    content: <ContactCompany documentId={documentId} version={version} />,
  };
};
