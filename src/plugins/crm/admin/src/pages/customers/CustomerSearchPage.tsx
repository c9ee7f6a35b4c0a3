import * as React from 'react';

import { Badge, Box, Button, EmptyStateLayout, LinkButton, Flex, Loader, Searchbar, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Plus, Search, Upload } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';

import { useCrmSettings, useCustomerPermissions } from '../../components/customers/hooks';
import { NewCustomerDialog } from '../../components/customers/NewCustomerDialog';
import { customerName, customerPath, formatPhone, humanize, primaryOf, type Customer } from '../../components/customers/model';
import { useAsyncResource } from '../../utils/useAsyncResource';
import { readServerError } from '../../utils/strapiErrorDetails';

const PAGE_SIZE = 25;

interface SearchAnswer {
  data: Customer[];
  meta: { pagination: { page: number; pageCount: number; total: number; totalIsExact?: boolean } };
}

/** /admin/plugins/crm: one box finds customers by name, number, email or phone (`?q=` keeps the address shareable). */
export const CustomerSearchPage = () => {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [typed, setTyped] = React.useState(q);
  const [creating, setCreating] = React.useState(false);
  const { canManage, canImport } = useCustomerPermissions();
  const settings = useCrmSettings();

  React.useEffect(() => setTyped(q), [q]);

  const results = useAsyncResource(q ? `${q}|${page}` : null, async () => {
    const response = await get<SearchAnswer>('/crm/customers/search', { params: { q, page, pageSize: PAGE_SIZE } });
    return response.data;
  });

  React.useEffect(() => {
    if (results.error) toggleNotification({ type: 'danger', message: readServerError(results.error).message });
  }, [results.error, toggleNotification]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const next = typed.trim();
    setParams(next ? { q: next } : {});
  };

  const hits = results.data?.data ?? [];
  const pagination = results.data?.meta.pagination;

  return (
    <Page.Main>
      <Page.Title>Customers</Page.Title>
      <Layouts.Header
        title="Customers"
        subtitle="Find a customer by name, customer number, email or phone"
        primaryAction={
          canManage ? (
            <Button startIcon={<Plus />} onClick={() => setCreating(true)} disabled={!settings.data}>
              New customer
            </Button>
          ) : undefined
        }
        secondaryAction={
          canImport ? (
            <LinkButton tag={RouterLink} to="imports" variant="secondary" startIcon={<Upload />}>
              Import CSV
            </LinkButton>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <form onSubmit={submit} role="search">
            <Flex gap={2} alignItems="flex-end">
              <Box grow={1}>
                <Searchbar
                  name="q"
                  value={typed}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTyped(event.target.value)}
                  onClear={() => {
                    setTyped('');
                    setParams({});
                  }}
                  clearLabel="Clear the search"
                  placeholder="Name, number, email or phone"
                >
                  Search customers
                </Searchbar>
              </Box>
              <Button type="submit" variant="secondary" startIcon={<Search />} size="L">
                Search
              </Button>
            </Flex>
          </form>

          {!q && <EmptyStateLayout icon={<Search width="6rem" height="6rem" />} content="Type a name, customer number, email or phone number to find customers." />}
          {q && results.isLoading && !results.data && (
            <Flex justifyContent="center" padding={8}>
              <Loader>Searching customers</Loader>
            </Flex>
          )}
          {q && results.error !== undefined && !results.isLoading && (
            <Page.Error content={`The search failed: ${readServerError(results.error).message}`} action={<Button onClick={results.reload}>Try again</Button>} />
          )}
          {q && results.data && hits.length === 0 && !results.error && (
            <EmptyStateLayout
              content={`No customer matches “${q}”.`}
              action={
                canManage && settings.data ? (
                  <Button variant="secondary" startIcon={<Plus />} onClick={() => setCreating(true)}>
                    New customer
                  </Button>
                ) : undefined
              }
            />
          )}
          {q && hits.length > 0 && !results.error && (
            <>
              <Typography variant="pi" textColor="neutral600" aria-live="polite">
                {pagination?.total ?? hits.length}
                {pagination?.totalIsExact === false ? ' or more' : ''} customer{(pagination?.total ?? hits.length) === 1 ? '' : 's'} found
                {results.isLoading ? ' · updating…' : ''}
              </Typography>
              <Table colCount={6} rowCount={hits.length + 1} aria-label="Search results">
                <Thead>
                  <Tr>
                    <Th><Typography variant="sigma">Number</Typography></Th>
                    <Th><Typography variant="sigma">Name</Typography></Th>
                    <Th><Typography variant="sigma">Type</Typography></Th>
                    <Th><Typography variant="sigma">Phone</Typography></Th>
                    <Th><Typography variant="sigma">Email</Typography></Th>
                    <Th><Typography variant="sigma">Status</Typography></Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {hits.map((customer) => {
                    const phone = primaryOf(customer.phones);
                    const email = primaryOf(customer.emails);
                    return (
                      <Tr key={customer.documentId} onClick={() => navigate(customerPath(customer.documentId))} style={{ cursor: 'pointer' }}>
                        <Td><Typography>{customer.customerNumber}</Typography></Td>
                        <Td>
                          <RouterLink to={customerPath(customer.documentId)} onClick={(event) => event.stopPropagation()}>
                            <Typography fontWeight="bold" textColor="primary600">{customerName(customer)}</Typography>
                          </RouterLink>
                        </Td>
                        <Td><Badge>{humanize(customer.type)}</Badge></Td>
                        <Td><Typography>{phone ? formatPhone(phone.number) : '—'}</Typography></Td>
                        <Td><Typography>{email?.address ?? '—'}</Typography></Td>
                        <Td><Typography>{humanize(customer.status)}</Typography></Td>
                      </Tr>
                    );
                  })}
                </Tbody>
              </Table>
              {pagination && pagination.pageCount > 1 && (
                <Flex gap={2} justifyContent="flex-end" alignItems="center">
                  <Button variant="tertiary" disabled={page <= 1} onClick={() => setParams({ q, page: String(page - 1) })}>
                    Previous
                  </Button>
                  <Typography variant="pi">
                    Page {page} of {pagination.pageCount}
                  </Typography>
                  <Button variant="tertiary" disabled={page >= pagination.pageCount} onClick={() => setParams({ q, page: String(page + 1) })}>
                    Next
                  </Button>
                </Flex>
              )}
            </>
          )}
        </Flex>
      </Layouts.Content>
      {settings.data && (
        <NewCustomerDialog
          open={creating}
          settings={settings.data}
          onClose={() => setCreating(false)}
          onCreated={(customer, next) => {
            setCreating(false);
            if (next === 'view') navigate(customerPath(customer.documentId));
            else setParams({ q: customer.customerNumber });
          }}
        />
      )}
    </Page.Main>
  );
};
