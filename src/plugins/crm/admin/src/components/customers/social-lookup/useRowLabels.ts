import { useIntl } from 'react-intl';

import type { FieldRow } from './choices';

/** The name of each row of a found profile, as the comparison shows it. */
export const useRowLabels = (): Record<FieldRow['label'], string> => {
  const { formatMessage } = useIntl();
  return {
    firstName: formatMessage({ id: 'crm.socialLookup.firstName', defaultMessage: 'First name' }),
    lastName: formatMessage({ id: 'crm.socialLookup.lastName', defaultMessage: 'Last name' }),
    businessName: formatMessage({
      id: 'crm.socialLookup.businessName',
      defaultMessage: 'Business name',
    }),
    displayName: formatMessage({
      id: 'crm.socialLookup.displayName',
      defaultMessage: 'Display name',
    }),
    jobTitle: formatMessage({ id: 'crm.socialLookup.jobTitle', defaultMessage: 'Job title' }),
    company: formatMessage({ id: 'crm.socialLookup.company', defaultMessage: 'Company' }),
    location: formatMessage({ id: 'crm.socialLookup.location', defaultMessage: 'Location' }),
  };
};
