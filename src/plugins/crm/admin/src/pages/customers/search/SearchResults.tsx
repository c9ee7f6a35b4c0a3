import { Badge, Table, Tbody, Td, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useNavigate } from 'react-router-dom';

import type { CustomerSearchAnswer } from '../../../../../contracts';
import { Pager } from '../../../components/common/Pager';
import { HeaderCells } from '../../../components/common/PageStates';
import {
  customerName,
  customerPath,
  formatPhone,
  primaryOf,
} from '../../../components/customers/model';
import { useValueLabel } from '../../../hooks/useValueLabel';

interface SearchResultsProps {
  answer: CustomerSearchAnswer;
  page: number;
  isUpdating: boolean;
  onPage: (page: number) => void;
}

/** One page of customers found: how many, a row each (a click opens the customer), and the pager. */
export const SearchResults = ({ answer, page, isUpdating, onPage }: SearchResultsProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const navigate = useNavigate();
  const hits = answer.data;
  const { pagination } = answer.meta;
  const total = pagination?.total ?? hits.length;
  const headers = [
    formatMessage({ id: 'crm.search.number', defaultMessage: 'Number' }),
    formatMessage({ id: 'crm.search.name', defaultMessage: 'Name' }),
    formatMessage({ id: 'crm.search.type', defaultMessage: 'Type' }),
    formatMessage({ id: 'crm.search.phone', defaultMessage: 'Phone' }),
    formatMessage({ id: 'crm.search.email', defaultMessage: 'Email' }),
    formatMessage({ id: 'crm.search.status', defaultMessage: 'Status' }),
  ];

  return (
    <>
      <Typography variant="pi" textColor="neutral600" aria-live="polite">
        {formatMessage(
          {
            id: 'crm.search.found',
            defaultMessage:
              '{total}{orMore, select, true { or more} other {}} {count, plural, one {customer} other {customers}} found{updating, select, true { · updating…} other {}}',
          },
          {
            total: String(total),
            count: total,
            orMore: String(pagination?.totalIsExact === false),
            updating: String(isUpdating),
          }
        )}
      </Typography>
      <Table
        colCount={6}
        rowCount={hits.length + 1}
        aria-label={formatMessage({ id: 'crm.search.results', defaultMessage: 'Search results' })}
      >
        <Thead>
          <Tr>
            <HeaderCells headers={headers} />
          </Tr>
        </Thead>
        <Tbody>
          {hits.map((customer) => {
            const phone = primaryOf(customer.phones);
            const email = primaryOf(customer.emails);
            return (
              <Tr
                key={customer.documentId}
                onClick={() => navigate(customerPath(customer.documentId))}
                style={{ cursor: 'pointer' }}
              >
                <Td>
                  <Typography>{customer.customerNumber}</Typography>
                </Td>
                <Td>
                  <RouterLink
                    to={customerPath(customer.documentId)}
                    onClick={(event) => event.stopPropagation()}
                  >
                    <Typography fontWeight="bold" textColor="primary600">
                      {customerName(customer)}
                    </Typography>
                  </RouterLink>
                </Td>
                <Td>
                  <Badge>{valueLabel(customer.type)}</Badge>
                </Td>
                <Td>
                  <Typography>{phone ? formatPhone(phone.number) : '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{email?.address ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography>{valueLabel(customer.status)}</Typography>
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
      {pagination && <Pager page={page} pageCount={pagination.pageCount} onChange={onPage} />}
    </>
  );
};
