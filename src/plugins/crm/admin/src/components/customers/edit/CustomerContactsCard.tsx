import { Table, Tbody, Td, Thead, Tr, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import { useCrmApi } from '../../../api';
import { useRequestErrors } from '../../../hooks/useRequestErrors';
import { useAsyncResource } from '../../../utils/useAsyncResource';
import { ActiveBadge } from '../../ActiveBadge';
import { Pager } from '../../common/Pager';
import { HeaderCell, LinkCard } from '../links/LinkCard';

/** How many contacts the card shows at a time. */
const PAGE_SIZE = 10;

/** The Contacts page's address of a contact. */
const contactPath = (documentId: string) => `/plugins/crm/contacts/${documentId}`;

/** The contacts whose company is the customer, each opening on the Contacts page. */
export const CustomerContactsCard = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { messageOf } = useRequestErrors();
  const [page, setPage] = React.useState(1);
  const contacts = useAsyncResource(`${documentId}:${page}`, () =>
    api.customerContacts(documentId, page, PAGE_SIZE)
  );
  const rows = contacts.data?.data ?? [];
  const pagination = contacts.data?.meta.pagination;
  const title = formatMessage({ id: 'crm.overview.contacts.title', defaultMessage: 'Contacts' });

  return (
    <LinkCard
      title={
        pagination
          ? formatMessage(
              { id: 'crm.overview.contacts.titleCount', defaultMessage: 'Contacts ({count})' },
              { count: pagination.total }
            )
          : title
      }
      testId="crm-customer-contacts"
      isLoading={contacts.isLoading}
      error={contacts.error ? messageOf(contacts.error) : undefined}
      onRetry={contacts.reload}
      count={rows.length}
      empty={formatMessage({
        id: 'crm.overview.contacts.empty',
        defaultMessage: 'No contacts work for this customer.',
      })}
    >
      <Table colCount={5} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            <HeaderCell>
              {formatMessage({ id: 'crm.overview.contacts.name', defaultMessage: 'Name' })}
            </HeaderCell>
            <HeaderCell>
              {formatMessage({ id: 'crm.overview.contacts.jobTitle', defaultMessage: 'Job title' })}
            </HeaderCell>
            <HeaderCell>
              {formatMessage({ id: 'crm.overview.contacts.email', defaultMessage: 'Email' })}
            </HeaderCell>
            <HeaderCell>
              {formatMessage({ id: 'crm.overview.contacts.phone', defaultMessage: 'Phone' })}
            </HeaderCell>
            <HeaderCell>
              {formatMessage({ id: 'crm.overview.contacts.status', defaultMessage: 'Status' })}
            </HeaderCell>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((contact) => (
            <Tr key={contact.documentId}>
              <Td>
                <RouterLink to={contactPath(contact.documentId)}>
                  <Typography fontWeight="bold" textColor="primary600">
                    {contact.displayName || `${contact.firstName} ${contact.lastName}`}
                  </Typography>
                </RouterLink>
              </Td>
              <Td>
                <Typography>{contact.jobTitle || '—'}</Typography>
              </Td>
              <Td>
                <Typography>{contact.email || '—'}</Typography>
              </Td>
              <Td>
                <Typography>{contact.workPhone || contact.mobilePhone || '—'}</Typography>
              </Td>
              <Td>
                <ActiveBadge active={contact.active}>
                  {contact.active
                    ? formatMessage({
                        id: 'crm.overview.contacts.active',
                        defaultMessage: 'Active',
                      })
                    : formatMessage({
                        id: 'crm.overview.contacts.inactive',
                        defaultMessage: 'Inactive',
                      })}
                </ActiveBadge>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {pagination && (
        <Pager page={page} pageCount={pagination.pageCount} onChange={setPage} size="S" />
      )}
    </LinkCard>
  );
};
