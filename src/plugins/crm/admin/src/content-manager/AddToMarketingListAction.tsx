import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { ListPlus } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { MarketingListForm } from './MarketingListForm';
import { CONTACT_UID, contactName, isStored } from './models';
import { useCrmActions } from './useCrmActions';

/** Contact edit view: "Add to marketing list", for admins holding `marketing-lists.add`. */
export const AddToMarketingListAction: DocumentActionComponent = ({
  model,
  documentId,
  document,
}) => {
  const { formatMessage } = useIntl();
  const { canAddToMarketingList } = useCrmActions();
  const name = contactName(document);
  const Content = React.useMemo(
    () =>
      function AddToMarketingListContent({ onClose }: { onClose: () => void }) {
        return <MarketingListForm contacts={documentId ? [documentId] : []} onClose={onClose} />;
      },
    [documentId]
  );

  if (model !== CONTACT_UID || !isStored(documentId) || !canAddToMarketingList) return null;
  return {
    label: formatMessage({
      id: 'crm.cm.lists.label',
      defaultMessage: 'Add to marketing list',
    }),
    icon: <ListPlus />,
    position: 'panel',
    dialog: {
      type: 'modal',
      title: formatMessage(
        { id: 'crm.cm.lists.title', defaultMessage: 'Add {name} to a marketing list' },
        { name }
      ),
      content: Content,
    },
  };
};
