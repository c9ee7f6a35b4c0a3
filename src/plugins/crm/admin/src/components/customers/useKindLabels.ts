import { useCallback } from 'react';
import { useIntl } from 'react-intl';

import type { ContactPointKind } from '../../../../contracts';

/** The names of the contact point kinds: one (`Phone`) and many (`Phone numbers`). */
export const useKindLabels = () => {
  const { formatMessage } = useIntl();
  return useCallback(
    (kind: ContactPointKind) =>
      ({
        address: {
          one: formatMessage({ id: 'crm.kind.address.one', defaultMessage: 'Address' }),
          many: formatMessage({ id: 'crm.kind.address.many', defaultMessage: 'Addresses' }),
        },
        phone: {
          one: formatMessage({ id: 'crm.kind.phone.one', defaultMessage: 'Phone' }),
          many: formatMessage({ id: 'crm.kind.phone.many', defaultMessage: 'Phone numbers' }),
        },
        email: {
          one: formatMessage({ id: 'crm.kind.email.one', defaultMessage: 'Email' }),
          many: formatMessage({ id: 'crm.kind.email.many', defaultMessage: 'Email addresses' }),
        },
      })[kind],
    [formatMessage]
  );
};
