import { Flex, Link, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { useCrmApi } from '../api';
import { customerPath } from '../components/customers/model';
import { useRequestErrors } from '../hooks/useRequestErrors';
import { useAsyncResource } from '../utils/useAsyncResource';

interface ContactCompanyProps {
  documentId: string;
  /** When the contact was last saved: its company is read again after a save. */
  version?: string;
}

/** The contact's company (and the customer it was converted to), each linking to its CRM overview. */
export const ContactCompany = ({ documentId, version }: ContactCompanyProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { messageOf } = useRequestErrors();
  const contact = useAsyncResource(`${documentId}:${version ?? ''}`, () =>
    api.contacts.one(documentId)
  );

  if (contact.isLoading && !contact.data)
    return (
      <Loader small>
        {formatMessage({ id: 'crm.cm.company.loading', defaultMessage: 'Loading the company' })}
      </Loader>
    );
  if (contact.error || !contact.data)
    return (
      <Typography role="alert" textColor="danger600">
        {messageOf(contact.error)}
      </Typography>
    );

  const { company, convertedCustomer } = contact.data;
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="crm-company">
      <Flex direction="column" alignItems="flex-start" gap={1}>
        <Typography variant="sigma" textColor="neutral600">
          {formatMessage({ id: 'crm.cm.company.company', defaultMessage: 'Company' })}
        </Typography>
        {company ? (
          <Link tag={NavLink} to={customerPath(company.documentId)}>
            {company.displayName}
          </Link>
        ) : (
          <Typography textColor="neutral600">
            {formatMessage({ id: 'crm.cm.company.none', defaultMessage: 'No company' })}
          </Typography>
        )}
      </Flex>
      {convertedCustomer && (
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Typography variant="sigma" textColor="neutral600">
            {formatMessage({
              id: 'crm.cm.company.convertedTo',
              defaultMessage: 'Converted to customer',
            })}
          </Typography>
          <Link tag={NavLink} to={customerPath(convertedCustomer.documentId)}>
            {convertedCustomer.displayName}
          </Link>
        </Flex>
      )}
    </Flex>
  );
};
