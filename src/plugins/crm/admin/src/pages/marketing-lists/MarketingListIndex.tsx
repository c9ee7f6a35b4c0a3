import {
  Button,
  EmptyStateLayout,
  Flex,
  Table,
  Tbody,
  Td,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';

import { MARKETING_CHANNELS } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { CrmNav } from '../../components/common/CrmNav';
import { Pager } from '../../components/common/Pager';
import { HeaderCells, PageLoadError, PageLoader } from '../../components/common/PageStates';
import { marketingListPath } from '../../components/contacts/model';
import { useCrmActions } from '../../content-manager/useCrmActions';
import { useValueLabel } from '../../hooks/useValueLabel';
import { formatCount, formatDateTime } from '../../utils/format';
import { useAsyncResource } from '../../utils/useAsyncResource';
import { NewListDialog } from './NewListDialog';

const PAGE_SIZE = 20;

/** Every marketing list with how many members it has and how many each channel reaches. */
export const MarketingListIndex = () => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const api = useCrmApi();
  const navigate = useNavigate();
  const { canAddToMarketingList: canAddToList } = useCrmActions();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [creating, setCreating] = React.useState(false);
  const lists = useAsyncResource(String(page), () => api.marketingLists.list(page, PAGE_SIZE));
  const rows = lists.data?.data ?? [];
  const pagination = lists.data?.meta.pagination;
  const title = formatMessage({ id: 'crm.lists.title', defaultMessage: 'Marketing lists' });
  const headers = [
    formatMessage({ id: 'crm.lists.name', defaultMessage: 'Name' }),
    formatMessage({ id: 'crm.lists.channel', defaultMessage: 'Channel' }),
    formatMessage({ id: 'crm.lists.members', defaultMessage: 'Members' }),
    formatMessage({ id: 'crm.lists.exported', defaultMessage: 'In the export' }),
    ...MARKETING_CHANNELS.map((channel) =>
      formatMessage(
        { id: 'crm.lists.reachableBy', defaultMessage: 'Reachable by {channel}' },
        { channel: valueLabel(channel) }
      )
    ),
    formatMessage({ id: 'crm.lists.createdAt', defaultMessage: 'Created' }),
  ];

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: 'crm.lists.subtitle',
          defaultMessage: 'Lists of contacts to reach by e-mail, phone or mail',
        })}
        primaryAction={
          canAddToList ? (
            <Button startIcon={<Plus />} onClick={() => setCreating(true)}>
              {formatMessage({ id: 'crm.lists.new', defaultMessage: 'New list' })}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <CrmNav />
        {lists.isLoading && !lists.data && (
          <PageLoader
            label={formatMessage({ id: 'crm.lists.loading', defaultMessage: 'Loading the lists' })}
          />
        )}
        {lists.error !== undefined && !lists.isLoading && (
          <PageLoadError error={lists.error} onRetry={lists.reload} />
        )}
        {lists.data && rows.length === 0 && (
          <EmptyStateLayout
            content={formatMessage({
              id: 'crm.lists.empty',
              defaultMessage: 'No marketing list yet.',
            })}
          />
        )}
        {rows.length > 0 && (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Table colCount={headers.length} rowCount={rows.length + 1} aria-label={title}>
              <Thead>
                <Tr>
                  <HeaderCells headers={headers} />
                </Tr>
              </Thead>
              <Tbody>
                {rows.map((list) => (
                  <Tr key={list.documentId}>
                    <Td>
                      <RouterLink to={marketingListPath(list.documentId)}>
                        <Typography fontWeight="bold" textColor="primary600">
                          {list.name}
                        </Typography>
                      </RouterLink>
                    </Td>
                    <Td>
                      <Typography>{valueLabel(list.channel)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{formatCount(list.counts.members)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{formatCount(list.counts.exported)}</Typography>
                    </Td>
                    {MARKETING_CHANNELS.map((channel) => (
                      <Td key={channel}>
                        <Typography>{formatCount(list.counts.reachable[channel])}</Typography>
                      </Td>
                    ))}
                    <Td>
                      <Typography>{formatDateTime(list.createdAt)}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {pagination && (
              <Pager
                page={page}
                pageCount={pagination.pageCount}
                onChange={(next) => setParams({ page: String(next) })}
              />
            )}
          </Flex>
        )}
      </Layouts.Content>
      <NewListDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(list) => {
          setCreating(false);
          navigate(marketingListPath(list.documentId));
        }}
      />
    </Page.Main>
  );
};
