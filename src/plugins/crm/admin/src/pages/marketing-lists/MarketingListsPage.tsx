import { useParams } from 'react-router-dom';

import { MarketingListIndex } from './MarketingListIndex';
import { MarketingListView } from './MarketingListView';

/** /admin/plugins/crm/marketing-lists: the lists; …/marketing-lists/:documentId: one list's members. */
export const MarketingListsPage = () => {
  const { documentId } = useParams<{ documentId?: string }>();
  if (documentId) return <MarketingListView key={documentId} documentId={documentId} />;
  return <MarketingListIndex />;
};
