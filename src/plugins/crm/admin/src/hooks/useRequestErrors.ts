import { useAPIErrorHandler, useNotification, type FetchError } from '@strapi/strapi/admin';
import { useCallback } from 'react';

/**
 * Strapi's error handler and notifications for a failed request: `messageOf` is the server's
 * message (a broken rule names itself), `notifyError` shows it as a notification.
 */
export const useRequestErrors = () => {
  const { toggleNotification } = useNotification();
  const { formatAPIError } = useAPIErrorHandler();
  // Strapi's formatter throws on a missing error; a page may ask before anything failed.
  const messageOf = useCallback(
    (error: unknown) => (error ? formatAPIError(error as FetchError) : ''),
    [formatAPIError]
  );
  const notifyError = useCallback(
    (error: unknown) => toggleNotification({ type: 'danger', message: messageOf(error) }),
    [messageOf, toggleNotification]
  );
  const notifySuccess = useCallback(
    (message: string) => toggleNotification({ type: 'success', message }),
    [toggleNotification]
  );
  return { messageOf, notifyError, notifySuccess, toggleNotification };
};
