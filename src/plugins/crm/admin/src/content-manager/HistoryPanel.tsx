import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';

import { HistoryTimeline } from '../components/history/HistoryTimeline';
import { CONTACT_UID, CUSTOMER_UID, isStored } from './models';
import { useCrmActions } from './useCrmActions';

/** The form holds what was loaded before: after a revert the edit view loads the record again. */
const reloadPage = () => window.location.reload();

/** Contact and customer edit views: the side panel of the record's change history (CRM readers). */
export const HistoryPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { canRead, canManage } = useCrmActions();
  if (model !== CONTACT_UID && model !== CUSTOMER_UID) return null;
  if (!isStored(documentId) || !canRead) return null;
  const version = typeof document?.updatedAt === 'string' ? document.updatedAt : undefined;
  return {
    title: formatMessage({ id: 'crm.history.title', defaultMessage: 'History' }),
    content: (
      <HistoryTimeline
        subject={model === CONTACT_UID ? 'contacts' : 'customers'}
        documentId={documentId}
        canRevert={canManage}
        version={version}
        onReverted={reloadPage}
      />
    ),
  };
};
