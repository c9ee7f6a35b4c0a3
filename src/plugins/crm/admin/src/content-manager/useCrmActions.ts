import { useRBAC } from '@strapi/strapi/admin';

import { PERMISSIONS } from '../permissions';

const CHECKED = [
  ...PERMISSIONS.read,
  ...PERMISSIONS.manage,
  ...PERMISSIONS.revealSsn,
  ...PERMISSIONS.generateLogin,
  ...PERMISSIONS.convertContact,
  ...PERMISSIONS.addToMarketingList,
  ...PERMISSIONS.comment,
  ...PERMISSIONS.personalData,
];

/**
 * Which of the CRM's admin actions the signed-in admin holds; the content manager's CRM actions
 * and panels show only what they allow (the server checks the same actions).
 */
export const useCrmActions = () => {
  // useRBAC names each action after its last part: plugin::crm.contacts.generate-login → canGenerateLogin.
  const { allowedActions, isLoading } = useRBAC(CHECKED);
  return {
    isLoading,
    canRead: allowedActions.canRead === true,
    canRevealSsn: allowedActions.canReveal === true,
    canGenerateLogin: allowedActions.canGenerateLogin === true,
    canConvert: allowedActions.canConvert === true,
    canAddToMarketingList: allowedActions.canAdd === true,
    canComment: allowedActions.canComment === true,
    canManage: allowedActions.canManage === true,
    canPersonalData: allowedActions.canPersonalData === true,
  };
};
