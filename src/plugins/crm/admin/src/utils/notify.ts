import { useNotification } from '@strapi/strapi/admin';
import { useCallback } from 'react';

import { getErrorMessage } from './errors';

/**
 * Notifications for the plugin's pages: `notifyError(error)` shows the server's error message,
 * `notifySuccess(message)` a confirmation.
 */
export const useNotify = () => {
  const { toggleNotification } = useNotification();
  const notifyError = useCallback(
    (error: unknown, fallback?: string) => toggleNotification({ type: 'danger', message: getErrorMessage(error, fallback) }),
    [toggleNotification]
  );
  const notifySuccess = useCallback((message: string) => toggleNotification({ type: 'success', message }), [toggleNotification]);
  return { notifyError, notifySuccess };
};
