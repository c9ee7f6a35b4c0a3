import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import type { LeftOutReason } from '../../../../contracts';

const REASONS: Record<LeftOutReason, { id: string; defaultMessage: string }> = {
  inactive: { id: 'crm.lists.reason.inactive', defaultMessage: 'Inactive' },
  'does not want emails': {
    id: 'crm.lists.reason.noEmails',
    defaultMessage: 'Does not want e-mails',
  },
  'no email address': { id: 'crm.lists.reason.noEmail', defaultMessage: 'No e-mail address' },
  'does not want calls': { id: 'crm.lists.reason.noCalls', defaultMessage: 'Does not want calls' },
  'no phone number': { id: 'crm.lists.reason.noPhone', defaultMessage: 'No phone number' },
  'no postal address': {
    id: 'crm.lists.reason.noAddress',
    defaultMessage: 'No postal address',
  },
};

/** Why the export leaves a member out, in words. */
export const useLeftOutReason = () => {
  const { formatMessage } = useIntl();
  return useCallback(
    (reason: LeftOutReason | null) => {
      if (!reason) return '';
      const message = REASONS[reason];
      return message ? formatMessage(message) : reason;
    },
    [formatMessage]
  );
};
