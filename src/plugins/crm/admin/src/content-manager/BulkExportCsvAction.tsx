import type { BulkActionComponent } from '@strapi/content-manager/strapi-admin';
import { useIntl } from 'react-intl';

import { useCrmApi } from '../api';
import { useRequestErrors } from '../hooks/useRequestErrors';
import { saveBlob } from '../utils/download';
import { CONTACT_UID } from './models';
import { useCrmActions } from './useCrmActions';

/** Contacts list view: "Export as CSV" of the selected contacts (`read`). */
export const BulkExportCsvAction: BulkActionComponent = ({ model, documents }) => {
  const { formatMessage } = useIntl();
  const { canRead } = useCrmActions();
  const api = useCrmApi();
  const { notifyError } = useRequestErrors();

  if (model !== CONTACT_UID || !canRead || documents.length === 0) return null;

  const exportCsv = async () => {
    try {
      const { blob, fileName } = await api.contacts.exportCsv(
        documents.map((document) => document.documentId)
      );
      saveBlob(blob, fileName);
    } catch (failure) {
      notifyError(failure);
    }
  };

  return {
    label: formatMessage({ id: 'crm.cm.export.label', defaultMessage: 'Export as CSV' }),
    variant: 'tertiary',
    onClick: () => void exportCsv(),
  };
};
