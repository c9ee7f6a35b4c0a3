import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';

import { CustomerCrmSummary } from './CustomerCrmSummary';
import { CUSTOMER_UID, isStored } from './models';
import { useCrmActions } from './useCrmActions';

/** Customer edit view: the side panel of the customer as the CRM shows it (CRM readers). */
export const CustomerCrmPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { canRead, canRevealSsn } = useCrmActions();
  if (model !== CUSTOMER_UID || !isStored(documentId) || !canRead) return null;
  const version = typeof document?.updatedAt === 'string' ? document.updatedAt : undefined;
  return {
    title: formatMessage({ id: 'crm.cm.company.title', defaultMessage: 'In the CRM' }),
    content: (
      <CustomerCrmSummary documentId={documentId} canRevealSsn={canRevealSsn} version={version} />
    ),
  };
};
