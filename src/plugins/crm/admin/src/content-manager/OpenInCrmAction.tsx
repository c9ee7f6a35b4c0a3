import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { ExternalLink } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';

import { customerPath } from '../components/customers/model';
import { CUSTOMER_UID, isStored } from './models';
import { useCrmActions } from './useCrmActions';

/** Customer edit view: "Open in CRM", the customer's CRM overview (CRM readers). */
export const OpenInCrmAction: DocumentActionComponent = ({ model, documentId }) => {
  const { formatMessage } = useIntl();
  const { canRead } = useCrmActions();
  const navigate = useNavigate();
  if (model !== CUSTOMER_UID || !isStored(documentId) || !canRead) return null;
  return {
    label: formatMessage({ id: 'crm.cm.openInCrm', defaultMessage: 'Open in CRM' }),
    icon: <ExternalLink />,
    position: 'panel',
    variant: 'secondary',
    onClick: (event: React.SyntheticEvent) => {
      event.preventDefault();
      navigate(customerPath(documentId));
    },
  };
};
