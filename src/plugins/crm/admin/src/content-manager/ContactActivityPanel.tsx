import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';

import { ActivityFeed } from './ActivityFeed';
import { CONTACT_UID, isStored } from './models';
import { useCrmActions } from './useCrmActions';

/** Contact edit view: the side panel of the contact's activity feed (CRM readers). */
export const ContactActivityPanel: PanelComponent = ({ model, documentId }) => {
  const { formatMessage } = useIntl();
  const { canRead, canComment } = useCrmActions();
  if (model !== CONTACT_UID || !isStored(documentId) || !canRead) return null;
  return {
    title: formatMessage({ id: 'crm.cm.activity.title', defaultMessage: 'Activity' }),
    content: <ActivityFeed documentId={documentId} canComment={canComment} />,
  };
};
