import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Searchbar,
  Table,
  Tbody,
  Td,
  Thead,
  Toggle,
  Field,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Search } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';

import type { CustomerRef } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { ActiveBadge } from '../../components/ActiveBadge';
import { CrmNav } from '../../components/common/CrmNav';
import { Pager } from '../../components/common/Pager';
import { HeaderCells, PageLoadError, PageLoader } from '../../components/common/PageStates';
import { contactPath } from '../../components/contacts/model';
import { CustomerPicker } from '../../components/customers/CustomerPicker';
import { customerPath } from '../../components/customers/model';
import { useAsyncResource } from '../../utils/useAsyncResource';

const PAGE_SIZE = 20;

/** The contacts, active ones unless asked, found by name, e-mail or company; the address keeps the query. */
export const ContactList = () => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const company = params.get('company') ?? '';
  const companyName = params.get('companyName') ?? company;
  const includeInactive = params.get('inactive') === 'true';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [typed, setTyped] = React.useState(q);
  const [picking, setPicking] = React.useState(false);
  const [picked, setPicked] = React.useState<CustomerRef | null>(null);
  const searchRef = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => setTyped(q), [q]);
  React.useEffect(() => searchRef.current?.focus(), []);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const key = JSON.stringify({ q, company, includeInactive, page });
  const results = useAsyncResource(key, () =>
    api.contacts.list({
      ...(q ? { q } : {}),
      ...(company ? { company } : {}),
      ...(includeInactive ? { includeInactive: true } : {}),
      page,
      pageSize: PAGE_SIZE,
    })
  );
  const contacts = results.data?.data ?? [];
  const pagination = results.data?.meta.pagination;
  const title = formatMessage({ id: 'crm.contacts.title', defaultMessage: 'Contacts' });
  const yes = formatMessage({ id: 'crm.contacts.active', defaultMessage: 'Active' });
  const no = formatMessage({ id: 'crm.contacts.inactive', defaultMessage: 'Inactive' });
  const headers = [
    formatMessage({ id: 'crm.contacts.name', defaultMessage: 'Name' }),
    formatMessage({ id: 'crm.contacts.company', defaultMessage: 'Company' }),
    formatMessage({ id: 'crm.contacts.jobTitle', defaultMessage: 'Job title' }),
    formatMessage({ id: 'crm.contacts.email', defaultMessage: 'E-mail' }),
    formatMessage({ id: 'crm.contacts.status', defaultMessage: 'Status' }),
  ];

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: 'crm.contacts.subtitle',
          defaultMessage: 'Find a contact by name, e-mail or company',
        })}
      />
      <Layouts.Content>
        <CrmNav />
        <Flex direction="column" alignItems="stretch" gap={4}>
          <form
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              update({ q: typed.trim() || null });
            }}
          >
            <Flex gap={2} alignItems="flex-end">
              <Box grow={1}>
                <Searchbar
                  ref={searchRef}
                  name="q"
                  value={typed}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    setTyped(event.target.value)
                  }
                  onClear={() => {
                    setTyped('');
                    update({ q: null });
                  }}
                  clearLabel={formatMessage({
                    id: 'crm.common.clearSearch',
                    defaultMessage: 'Clear the search',
                  })}
                  placeholder={formatMessage({
                    id: 'crm.contacts.placeholder',
                    defaultMessage: 'Name, e-mail or company',
                  })}
                >
                  {formatMessage({ id: 'crm.contacts.search', defaultMessage: 'Search contacts' })}
                </Searchbar>
              </Box>
              <Button type="submit" variant="secondary" startIcon={<Search />} size="L">
                {formatMessage({ id: 'crm.common.search', defaultMessage: 'Search' })}
              </Button>
            </Flex>
          </form>

          <Flex gap={6} alignItems="flex-start" wrap="wrap">
            <Box style={{ minWidth: '16rem' }}>
              <Field.Root name="includeInactive">
                <Field.Label>
                  {formatMessage({
                    id: 'crm.contacts.showInactive',
                    defaultMessage: 'Show inactive',
                  })}
                </Field.Label>
                <Toggle
                  checked={includeInactive}
                  onLabel={formatMessage({ id: 'crm.contacts.yes', defaultMessage: 'Yes' })}
                  offLabel={formatMessage({ id: 'crm.contacts.no', defaultMessage: 'No' })}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    update({ inactive: event.target.checked ? 'true' : null })
                  }
                />
              </Field.Root>
            </Box>
            <Flex direction="column" alignItems="stretch" gap={2} grow={1}>
              {company ? (
                <Flex gap={2} alignItems="center" data-testid="crm-contacts-company-filter">
                  <Typography>
                    {formatMessage(
                      { id: 'crm.contacts.companyFilter', defaultMessage: 'Company: {name}' },
                      { name: companyName }
                    )}
                  </Typography>
                  <Button
                    variant="tertiary"
                    size="S"
                    onClick={() => update({ company: null, companyName: null })}
                  >
                    {formatMessage({
                      id: 'crm.contacts.clearCompany',
                      defaultMessage: 'Any company',
                    })}
                  </Button>
                </Flex>
              ) : picking ? (
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <CustomerPicker
                    label={formatMessage({
                      id: 'crm.contacts.filterCompany',
                      defaultMessage: 'Filter by company',
                    })}
                    value={picked}
                    onChange={setPicked}
                  />
                  <Flex gap={2}>
                    <Button
                      disabled={!picked}
                      onClick={() => {
                        if (!picked) return;
                        update({ company: picked.documentId, companyName: picked.name });
                        setPicking(false);
                        setPicked(null);
                      }}
                    >
                      {formatMessage({ id: 'crm.contacts.applyCompany', defaultMessage: 'Filter' })}
                    </Button>
                    <Button variant="tertiary" onClick={() => setPicking(false)}>
                      {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
                    </Button>
                  </Flex>
                </Flex>
              ) : (
                <Box>
                  <Button variant="secondary" onClick={() => setPicking(true)}>
                    {formatMessage({
                      id: 'crm.contacts.filterCompany',
                      defaultMessage: 'Filter by company',
                    })}
                  </Button>
                </Box>
              )}
            </Flex>
          </Flex>

          {results.isLoading && !results.data && (
            <PageLoader
              label={formatMessage({
                id: 'crm.contacts.loading',
                defaultMessage: 'Loading contacts',
              })}
            />
          )}
          {results.error !== undefined && !results.isLoading && (
            <PageLoadError error={results.error} onRetry={results.reload} />
          )}
          {results.data && contacts.length === 0 && (
            <EmptyStateLayout
              content={formatMessage({
                id: 'crm.contacts.none',
                defaultMessage: 'No contact matches.',
              })}
            />
          )}
          {results.data && contacts.length > 0 && (
            <>
              <Typography variant="pi" textColor="neutral600" aria-live="polite">
                {formatMessage(
                  {
                    id: 'crm.contacts.found',
                    defaultMessage: '{count, plural, one {# contact} other {# contacts}}',
                  },
                  { count: pagination?.total ?? contacts.length }
                )}
              </Typography>
              <Table colCount={headers.length} rowCount={contacts.length + 1} aria-label={title}>
                <Thead>
                  <Tr>
                    <HeaderCells headers={headers} />
                  </Tr>
                </Thead>
                <Tbody>
                  {contacts.map((contact) => (
                    <Tr key={contact.documentId}>
                      <Td>
                        <RouterLink to={contactPath(contact.documentId)}>
                          <Typography fontWeight="bold" textColor="primary600">
                            {contact.displayName}
                          </Typography>
                        </RouterLink>
                      </Td>
                      <Td>
                        {contact.company ? (
                          <RouterLink to={customerPath(contact.company.documentId)}>
                            <Typography textColor="primary600">
                              {contact.company.displayName}
                            </Typography>
                          </RouterLink>
                        ) : (
                          <Typography textColor="neutral600">—</Typography>
                        )}
                      </Td>
                      <Td>
                        <Typography>{contact.jobTitle || '—'}</Typography>
                      </Td>
                      <Td>
                        <Typography>{contact.email || '—'}</Typography>
                      </Td>
                      <Td>
                        <ActiveBadge active={contact.active}>
                          {contact.active ? yes : no}
                        </ActiveBadge>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
              {pagination && (
                <Pager
                  page={page}
                  pageCount={pagination.pageCount}
                  onChange={(next) => update({ page: String(next) })}
                />
              )}
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
