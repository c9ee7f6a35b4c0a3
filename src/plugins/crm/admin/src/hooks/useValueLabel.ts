import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import { humanize } from '../components/customers/model';

/**
 * The on-screen name of a stored enumeration value (a customer type, a gender, a contact point
 * type…): its message `crm.value.<value>`, which the translation files hold for every value of
 * the contracts' lists the pages show.
 */
export const useValueLabel = () => {
  const { formatMessage } = useIntl();
  return useCallback(
    (value?: string | null) =>
      value ? formatMessage({ id: `crm.value.${value}`, defaultMessage: humanize(value) }) : '',
    [formatMessage]
  );
};
