import { Badge, Flex } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { humanize } from '../customers/model';

/** A match score (0 to 1) as people read it: `0.92` → `92%`. */
export const formatScore = (score: number) => `${Math.round(score * 100)}%`;

/** The on-screen name of each reason the matcher gives (a reason it adds later reads humanized). */
export const useReasonLabel = () => {
  const { formatMessage } = useIntl();
  const labels = React.useMemo<Record<string, string>>(
    () => ({
      email: formatMessage({ id: 'crm.duplicates.reason.email', defaultMessage: 'Same email' }),
      phone: formatMessage({ id: 'crm.duplicates.reason.phone', defaultMessage: 'Same phone' }),
      externalId: formatMessage({
        id: 'crm.duplicates.reason.externalId',
        defaultMessage: 'Same external ID',
      }),
      ssn: formatMessage({ id: 'crm.duplicates.reason.ssn', defaultMessage: 'Same SSN' }),
      name: formatMessage({ id: 'crm.duplicates.reason.name', defaultMessage: 'Same name' }),
      nickname: formatMessage({
        id: 'crm.duplicates.reason.nickname',
        defaultMessage: 'Nickname',
      }),
      swappedName: formatMessage({
        id: 'crm.duplicates.reason.swappedName',
        defaultMessage: 'First and last name swapped',
      }),
      typo: formatMessage({ id: 'crm.duplicates.reason.typo', defaultMessage: 'Typing error' }),
      dateOfBirth: formatMessage({
        id: 'crm.duplicates.reason.dateOfBirth',
        defaultMessage: 'Same date of birth',
      }),
      address: formatMessage({
        id: 'crm.duplicates.reason.address',
        defaultMessage: 'Same address',
      }),
      postalCode: formatMessage({
        id: 'crm.duplicates.reason.postalCode',
        defaultMessage: 'Same postal code',
      }),
      city: formatMessage({ id: 'crm.duplicates.reason.city', defaultMessage: 'Same city' }),
      company: formatMessage({
        id: 'crm.duplicates.reason.company',
        defaultMessage: 'Same company',
      }),
      businessName: formatMessage({
        id: 'crm.duplicates.reason.businessName',
        defaultMessage: 'Same business name',
      }),
      domain: formatMessage({
        id: 'crm.duplicates.reason.domain',
        defaultMessage: 'Same email domain',
      }),
    }),
    [formatMessage]
  );
  return React.useCallback((reason: string) => labels[reason] ?? humanize(reason), [labels]);
};

/** Why two records look alike, one badge per reason. */
export const ReasonBadges = ({ reasons }: { reasons: readonly string[] }) => {
  const reasonLabel = useReasonLabel();
  return (
    <Flex gap={1} wrap="wrap" data-testid="crm-duplicate-reasons">
      {reasons.map((reason) => (
        <Badge key={reason}>{reasonLabel(reason)}</Badge>
      ))}
    </Flex>
  );
};
