import type { PanelComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';

import { PersonalDataActions } from '../components/history/PersonalDataActions';
import { CONTACT_UID, CUSTOMER_UID, contactName, isStored } from './models';
import { useCrmActions } from './useCrmActions';

/** The form holds what was loaded before: after an erasure the edit view loads the record again. */
const reloadPage = () => window.location.reload();

/**
 * Contact and customer edit views: export the person's personal data or erase it (admins holding
 * `personal-data`).
 */
export const PersonalDataPanel: PanelComponent = ({ model, documentId, document }) => {
  const { formatMessage } = useIntl();
  const { canPersonalData } = useCrmActions();
  if (model !== CONTACT_UID && model !== CUSTOMER_UID) return null;
  if (!isStored(documentId) || !canPersonalData) return null;
  const name =
    (typeof document?.displayName === 'string' && document.displayName) ||
    contactName(document) ||
    (typeof document?.businessName === 'string' && document.businessName) ||
    documentId;
  return {
    title: formatMessage({ id: 'crm.personalData.title', defaultMessage: 'Personal data' }),
    content: (
      <PersonalDataActions
        subject={model === CONTACT_UID ? 'contacts' : 'customers'}
        documentId={documentId}
        name={name}
        onErased={reloadPage}
        stacked
      />
    ),
  };
};
