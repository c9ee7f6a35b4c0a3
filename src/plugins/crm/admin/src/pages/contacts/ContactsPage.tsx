import { useParams } from 'react-router-dom';

import { ContactDetail } from './ContactDetail';
import { ContactList } from './ContactList';

/** /admin/plugins/crm/contacts: find contacts; …/contacts/:documentId: one contact and its actions. */
export const ContactsPage = () => {
  const { documentId } = useParams<{ documentId?: string }>();
  if (documentId) return <ContactDetail key={documentId} documentId={documentId} />;
  return <ContactList />;
};
