import type { BulkActionComponent } from '@strapi/content-manager/strapi-admin';
import { useTable } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { MarketingListForm } from './MarketingListForm';
import { CONTACT_UID } from './models';
import { useCrmActions } from './useCrmActions';

/** Contacts list view: "Add to marketing list" for the selected contacts (`marketing-lists.add`). */
export const BulkAddToMarketingListAction: BulkActionComponent = ({ model, documents }) => {
  const { formatMessage } = useIntl();
  const { canAddToMarketingList } = useCrmActions();
  const selectRow = useTable('BulkAddToMarketingListAction', (state) => state.selectRow);
  const ids = documents.map((document) => document.documentId).join(',');
  const Content = React.useMemo(
    () =>
      function BulkAddToMarketingListContent({ onClose }: { onClose: () => void }) {
        return (
          <MarketingListForm
            contacts={ids ? ids.split(',') : []}
            onClose={onClose}
            onAdded={() => selectRow([])}
          />
        );
      },
    [ids, selectRow]
  );

  if (model !== CONTACT_UID || !canAddToMarketingList || documents.length === 0) return null;
  return {
    label: formatMessage({
      id: 'crm.cm.lists.label',
      defaultMessage: 'Add to marketing list',
    }),
    variant: 'tertiary',
    dialog: {
      type: 'modal',
      title: formatMessage(
        {
          id: 'crm.cm.lists.bulkTitle',
          defaultMessage:
            'Add {count, plural, one {# contact} other {# contacts}} to a marketing list',
        },
        { count: documents.length }
      ),
      content: Content,
    },
  };
};
