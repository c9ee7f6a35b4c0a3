import { useRBAC } from '@strapi/strapi/admin';

import { PERMISSIONS } from '../../permissions';

const CHECKED = [
  ...PERMISSIONS.generateLogin,
  ...PERMISSIONS.convertContact,
  ...PERMISSIONS.addToMarketingList,
  ...PERMISSIONS.comment,
];

/** Which contact actions the signed-in admin holds; the pages hide the others. */
export const useContactPermissions = () => {
  // useRBAC names each action after its last part: contacts.generate-login → canGenerateLogin.
  const { allowedActions, isLoading } = useRBAC(CHECKED);
  return {
    isLoading,
    canGenerateLogin: allowedActions.canGenerateLogin === true,
    canConvert: allowedActions.canConvert === true,
    canAddToList: allowedActions.canAdd === true,
    canComment: allowedActions.canComment === true,
  };
};

/** The admin address of a contact on the Contacts page. */
export const contactPath = (documentId: string) => `/plugins/crm/contacts/${documentId}`;
/** The admin address of a marketing list on the Marketing lists page. */
export const marketingListPath = (documentId: string) =>
  `/plugins/crm/marketing-lists/${documentId}`;

/** What a contact action dialog needs to know of its contact. */
export interface ContactRef {
  documentId: string;
  displayName: string;
  email?: string | null;
}
