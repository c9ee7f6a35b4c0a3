import { Button, EmptyStateLayout } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useIntl } from 'react-intl';

/** What a step shows when what it lists could not be loaded, with a retry. */
export const LoadFailed = ({ content, onRetry }: { content: string; onRetry: () => void }) => {
  const { formatMessage } = useIntl();
  return (
    <EmptyStateLayout
      content={content}
      action={
        <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={onRetry}>
          {formatMessage({ id: 'crm.common.tryAgain', defaultMessage: 'Try again' })}
        </Button>
      }
    />
  );
};
