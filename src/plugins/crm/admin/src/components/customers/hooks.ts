import { useRBAC } from '@strapi/strapi/admin';

import { useCrmApi } from '../../api';
import { PERMISSIONS } from '../../permissions';
import { useAsyncResource } from '../../utils/useAsyncResource';

/** Contact point types and limits, network depth: what the server enforces, so the forms offer the same. */
export const useCrmSettings = () => {
  const api = useCrmApi();
  return useAsyncResource('settings', api.settings);
};

const CHECKED = [
  ...PERMISSIONS.manage,
  ...PERMISSIONS.revealSsn,
  ...PERMISSIONS.import,
  ...PERMISSIONS.merge,
  ...PERMISSIONS.personalData,
];

/** Which of the plugin's admin actions the signed-in admin holds (writes, SSN reveal, imports, merges and personal data are hidden otherwise). */
export const useCustomerPermissions = () => {
  // useRBAC names each action after its last part: plugin::crm.manage → canManage, plugin::crm.ssn.reveal → canReveal.
  const { allowedActions } = useRBAC(CHECKED);
  return {
    canManage: allowedActions.canManage === true,
    canRevealSsn: allowedActions.canReveal === true,
    canImport: allowedActions.canImport === true,
    canMerge: allowedActions.canMerge === true,
    canPersonalData: allowedActions.canPersonalData === true,
  };
};
