import { Box, Button, EmptyStateLayout, Flex, LinkButton, Searchbar } from '@strapi/design-system';
import { Plus, Search, Upload } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';

import type { Customer } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { socialLookupEnabled } from '../../api/social-lookup';
import { CrmNav } from '../../components/common/CrmNav';
import { PageLoader } from '../../components/common/PageStates';
import { useCrmSettings, useCustomerPermissions } from '../../components/customers/hooks';
import { customerPath } from '../../components/customers/model';
import { NewCustomerDialog, type Next } from '../../components/customers/NewCustomerDialog';
import { SocialLookupDialog } from '../../components/customers/social-lookup/SocialLookupDialog';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { useAsyncResource } from '../../utils/useAsyncResource';
import { SearchResults } from './search/SearchResults';

const PAGE_SIZE = 25;

/** /admin/plugins/crm: one box finds customers by name, number, email or phone (`?q=` keeps the address shareable). */
export const CustomerSearchPage = () => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { messageOf, notifyError } = useRequestErrors();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [typed, setTyped] = React.useState(q);
  const [creating, setCreating] = React.useState(false);
  /** A customer just created, whose public profiles are offered before going on. */
  const [lookup, setLookup] = React.useState<{ customer: Customer; next: Next } | null>(null);
  const { canManage, canImport } = useCustomerPermissions();
  const settings = useCrmSettings();

  React.useEffect(() => setTyped(q), [q]);

  const results = useAsyncResource(q ? `${q}|${page}` : null, () =>
    api.searchCustomers(q, page, PAGE_SIZE)
  );

  React.useEffect(() => {
    if (results.error) notifyError(results.error);
  }, [results.error, notifyError]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const next = typed.trim();
    setParams(next ? { q: next } : {});
  };

  /** After a create (and its social lookup, if any): open the customer, or find it in the list. */
  const goOn = (customer: Customer, next: Next) => {
    setLookup(null);
    if (next === 'view') navigate(customerPath(customer.documentId));
    else setParams({ q: customer.customerNumber });
  };

  const hits = results.data?.data ?? [];
  const newCustomer = formatMessage({
    id: 'crm.search.newCustomer',
    defaultMessage: 'New customer',
  });

  return (
    <Page.Main>
      <Page.Title>
        {formatMessage({ id: 'crm.search.title', defaultMessage: 'Customers' })}
      </Page.Title>
      <Layouts.Header
        title={formatMessage({ id: 'crm.search.title', defaultMessage: 'Customers' })}
        subtitle={formatMessage({
          id: 'crm.search.subtitle',
          defaultMessage: 'Find a customer by name, customer number, email or phone',
        })}
        primaryAction={
          canManage ? (
            <Button
              startIcon={<Plus />}
              onClick={() => setCreating(true)}
              disabled={!settings.data}
            >
              {newCustomer}
            </Button>
          ) : undefined
        }
        secondaryAction={
          <Flex gap={2}>
            {canImport && (
              <LinkButton tag={RouterLink} to="imports" variant="secondary" startIcon={<Upload />}>
                {formatMessage({ id: 'crm.search.importCsv', defaultMessage: 'Import CSV' })}
              </LinkButton>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <CrmNav />
        <Flex direction="column" alignItems="stretch" gap={4}>
          <form onSubmit={submit} role="search">
            <Flex gap={2} alignItems="flex-end">
              <Box grow={1}>
                <Searchbar
                  name="q"
                  value={typed}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    setTyped(event.target.value)
                  }
                  onClear={() => {
                    setTyped('');
                    setParams({});
                  }}
                  clearLabel={formatMessage({
                    id: 'crm.common.clearSearch',
                    defaultMessage: 'Clear the search',
                  })}
                  placeholder={formatMessage({
                    id: 'crm.search.placeholder',
                    defaultMessage: 'Name, number, email or phone',
                  })}
                >
                  {formatMessage({
                    id: 'crm.common.searchCustomers',
                    defaultMessage: 'Search customers',
                  })}
                </Searchbar>
              </Box>
              <Button type="submit" variant="secondary" startIcon={<Search />} size="L">
                {formatMessage({ id: 'crm.common.search', defaultMessage: 'Search' })}
              </Button>
            </Flex>
          </form>

          {!q && (
            <EmptyStateLayout
              icon={<Search width="6rem" height="6rem" />}
              content={formatMessage({
                id: 'crm.search.prompt',
                defaultMessage:
                  'Type a name, customer number, email or phone number to find customers.',
              })}
            />
          )}
          {q && results.isLoading && !results.data && (
            <PageLoader
              label={formatMessage({
                id: 'crm.common.searchingCustomers',
                defaultMessage: 'Searching customers',
              })}
            />
          )}
          {q && results.error !== undefined && !results.isLoading && (
            <Page.Error
              content={formatMessage(
                { id: 'crm.search.failed', defaultMessage: 'The search failed: {message}' },
                { message: messageOf(results.error) }
              )}
              action={
                <Button onClick={results.reload}>
                  {formatMessage({ id: 'crm.common.tryAgain', defaultMessage: 'Try again' })}
                </Button>
              }
            />
          )}
          {q && results.data && hits.length === 0 && !results.error && (
            <EmptyStateLayout
              content={formatMessage(
                { id: 'crm.common.noMatch', defaultMessage: 'No customer matches “{query}”.' },
                { query: q }
              )}
              action={
                canManage && settings.data ? (
                  <Button
                    variant="secondary"
                    startIcon={<Plus />}
                    onClick={() => setCreating(true)}
                  >
                    {newCustomer}
                  </Button>
                ) : undefined
              }
            />
          )}
          {q && results.data && hits.length > 0 && !results.error && (
            <SearchResults
              answer={results.data}
              page={page}
              isUpdating={results.isLoading}
              onPage={(next) => setParams({ q, page: String(next) })}
            />
          )}
        </Flex>
      </Layouts.Content>
      {settings.data && (
        <NewCustomerDialog
          open={creating}
          settings={settings.data}
          onClose={() => setCreating(false)}
          onCreated={(customer, next, { withEmail }) => {
            setCreating(false);
            if (withEmail && socialLookupEnabled(settings.data)) setLookup({ customer, next });
            else goOn(customer, next);
          }}
        />
      )}
      <SocialLookupDialog
        customer={lookup?.customer ?? null}
        onClose={() => lookup && goOn(lookup.customer, lookup.next)}
        onUpdated={(updated) => lookup && goOn(updated, lookup.next)}
      />
    </Page.Main>
  );
};
