import { Button, Flex, Loader, Th, Typography } from '@strapi/design-system';
import { Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { useRequestErrors } from '../../hooks/useRequestErrors';

/** What a page shows while what it lists is loading for the first time. */
export const PageLoader = ({ label }: { label: string }) => (
  <Flex justifyContent="center" padding={8}>
    <Loader>{label}</Loader>
  </Flex>
);

/** What a page shows when what it lists could not be loaded: the server's message and a retry. */
export const PageLoadError = ({ error, onRetry }: { error: unknown; onRetry: () => void }) => {
  const { formatMessage } = useIntl();
  const { messageOf } = useRequestErrors();
  return (
    <Page.Error
      content={messageOf(error)}
      action={
        <Button onClick={onRetry}>
          {formatMessage({ id: 'crm.common.tryAgain', defaultMessage: 'Try again' })}
        </Button>
      }
    />
  );
};

/** The header cells of a CRM table, in the design system's small capitals. */
export const HeaderCells = ({ headers }: { headers: readonly string[] }) => (
  <>
    {headers.map((header) => (
      <Th key={header}>
        <Typography variant="sigma">{header}</Typography>
      </Th>
    ))}
  </>
);
