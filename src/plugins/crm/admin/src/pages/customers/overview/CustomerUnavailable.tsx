import { Button, Flex } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import { useRequestErrors } from '../../../hooks/useRequestErrors';
import { statusOf } from '../../../utils/serverErrors';

export const BackToSearch = () => {
  const { formatMessage } = useIntl();
  return (
    <RouterLink to="/plugins/crm" style={{ textDecoration: 'none' }}>
      <Flex gap={2} paddingBottom={2}>
        <ArrowLeft />{' '}
        {formatMessage({ id: 'crm.overview.back', defaultMessage: 'Customer search' })}
      </Flex>
    </RouterLink>
  );
};

/** The overview of a customer that does not exist, or could not be loaded (with a retry). */
export const CustomerUnavailable = ({
  documentId,
  error,
  onRetry,
}: {
  documentId: string;
  error: unknown;
  onRetry: () => void;
}) => {
  const { formatMessage } = useIntl();
  const { messageOf } = useRequestErrors();
  const missing = statusOf(error) === 404;
  return (
    <Page.Main>
      <Layouts.Header
        title={
          missing
            ? formatMessage({ id: 'crm.overview.notFound', defaultMessage: 'Customer not found' })
            : formatMessage({ id: 'crm.overview.customer', defaultMessage: 'Customer' })
        }
        navigationAction={<BackToSearch />}
      />
      <Layouts.Content>
        {missing ? (
          <Page.NoData
            content={formatMessage(
              {
                id: 'crm.overview.noSuchCustomer',
                defaultMessage: 'No customer has the id {documentId}.',
              },
              { documentId }
            )}
          />
        ) : (
          <Page.Error
            content={messageOf(error)}
            action={
              <Button onClick={onRetry}>
                {formatMessage({ id: 'crm.common.tryAgain', defaultMessage: 'Try again' })}
              </Button>
            }
          />
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
