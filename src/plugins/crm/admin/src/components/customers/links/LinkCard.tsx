import { Box, Button, Flex, Loader, Th, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import type { CustomerRef } from '../../../../../contracts';
import { useInlineLabel } from '../../../hooks/useInlineLabel';
import { customerPath } from '../model';

interface LinkCardProps {
  title: string;
  testId: string;
  actions?: React.ReactNode;
  isLoading: boolean;
  error?: string;
  onRetry: () => void;
  empty: string;
  count: number;
  children: React.ReactNode;
}

/** A card of the overview listing links: loading, failed (with a retry), empty, or its table. */
export const LinkCard = ({
  title,
  testId,
  actions,
  isLoading,
  error,
  onRetry,
  empty,
  count,
  children,
}: LinkCardProps) => {
  const { formatMessage } = useIntl();
  const inline = useInlineLabel();
  return (
    <Box padding={6} hasRadius background="neutral0" shadow="tableShadow" data-testid={testId}>
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={4}>
        <Typography variant="delta" tag="h2">
          {title}
        </Typography>
        <Flex gap={2}>{actions}</Flex>
      </Flex>
      {isLoading && count === 0 && (
        <Loader small>
          {formatMessage(
            { id: 'crm.links.loading', defaultMessage: 'Loading {what}' },
            { what: inline(title) }
          )}
        </Loader>
      )}
      {error && (
        <Flex gap={2} alignItems="center">
          <Typography textColor="danger600">{error}</Typography>
          <Button size="S" variant="tertiary" onClick={onRetry}>
            {formatMessage({ id: 'crm.common.tryAgain', defaultMessage: 'Try again' })}
          </Button>
        </Flex>
      )}
      {!isLoading && !error && count === 0 && (
        <Typography textColor="neutral600">{empty}</Typography>
      )}
      {count > 0 && children}
    </Box>
  );
};

export const HeaderCell = ({ children }: { children?: React.ReactNode }) => (
  <Th>{children ? <Typography variant="sigma">{children}</Typography> : null}</Th>
);

export const CustomerLink = ({
  customer,
}: {
  customer: Pick<CustomerRef, 'documentId' | 'name'>;
}) => (
  <RouterLink to={customerPath(customer.documentId)}>
    <Typography fontWeight="bold" textColor="primary600">
      {customer.name}
    </Typography>
  </RouterLink>
);

/** Which row's action is running, so that its button shows it and cannot be pressed twice. */
export const useBusyRow = () => {
  const [busy, setBusy] = React.useState<string | null>(null);
  const run = async (id: string, work: () => Promise<void>) => {
    setBusy(id);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  };
  return { busy, run };
};
