import { useCallback } from 'react';
import { useIntl } from 'react-intl';

/** Who did something when no name is stored: the kind of actor (an admin, a user, an API token, the server). */
export const useActorLabel = () => {
  const { formatMessage } = useIntl();
  return useCallback(
    (type: string | null | undefined) => {
      switch (type) {
        case 'admin':
          return formatMessage({ id: 'crm.actor.admin', defaultMessage: 'An admin' });
        case 'user':
          return formatMessage({ id: 'crm.actor.user', defaultMessage: 'A user' });
        case 'api-token':
          return formatMessage({ id: 'crm.actor.apiToken', defaultMessage: 'An API token' });
        case 'system':
          return formatMessage({ id: 'crm.actor.system', defaultMessage: 'The system' });
        default:
          return type ?? '—';
      }
    },
    [formatMessage]
  );
};
