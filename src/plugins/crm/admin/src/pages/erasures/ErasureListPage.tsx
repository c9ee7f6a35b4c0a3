import {
  Button,
  Dialog,
  EmptyStateLayout,
  Flex,
  Table,
  Tbody,
  Td,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Trash, WarningCircle } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useSearchParams } from 'react-router-dom';

import { useCrmApi } from '../../api';
import type { ErasureListEntry } from '../../api/client';
import { CrmNav } from '../../components/common/CrmNav';
import { Pager } from '../../components/common/Pager';
import { HeaderCells, PageLoadError, PageLoader } from '../../components/common/PageStates';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { PERMISSIONS } from '../../permissions';
import { formatDateTime } from '../../utils/format';
import { useAsyncResource } from '../../utils/useAsyncResource';

const PAGE_SIZE = 25;

/**
 * /admin/plugins/crm/erasures: the erasure list (the kind and date of each erased e-mail or phone
 * number; the list keeps keyed hashes, never the values), and taking an entry off it so that its
 * person may be written again.
 */
export const ErasureListPage = () => (
  <Page.Protect permissions={PERMISSIONS.personalData}>
    <ErasureList />
  </Page.Protect>
);

const ErasureList = () => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { notifyError, notifySuccess } = useRequestErrors();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useAsyncResource(String(page), () => api.erasures.list(page, PAGE_SIZE));
  const [removing, setRemoving] = React.useState<ErasureListEntry | null>(null);
  const [busy, setBusy] = React.useState(false);
  const rows = list.data?.data ?? [];
  const title = formatMessage({ id: 'crm.erasures.title', defaultMessage: 'Erasure list' });
  const kinds: Record<ErasureListEntry['kind'], string> = {
    email: formatMessage({ id: 'crm.erasures.kind.email', defaultMessage: 'E-mail address' }),
    phone: formatMessage({ id: 'crm.erasures.kind.phone', defaultMessage: 'Phone number' }),
  };
  const headers = [
    formatMessage({ id: 'crm.erasures.kind', defaultMessage: 'Kind' }),
    formatMessage({ id: 'crm.erasures.erasedAt', defaultMessage: 'Erased' }),
    formatMessage({ id: 'crm.erasures.record', defaultMessage: 'Erased record' }),
    formatMessage({ id: 'crm.common.actions', defaultMessage: 'Actions' }),
  ];

  const remove = async (entry: ErasureListEntry) => {
    setBusy(true);
    try {
      await api.erasures.remove(entry.documentId);
      notifySuccess(
        formatMessage({ id: 'crm.erasures.removed', defaultMessage: 'Taken off the erasure list' })
      );
      list.reload();
    } catch (failure) {
      notifyError(failure);
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: 'crm.erasures.subtitle',
          defaultMessage:
            'E-mail addresses and phone numbers of erased people, kept as keyed hashes: records and imports that would bring them back are refused',
        })}
      />
      <Layouts.Content>
        <CrmNav />
        {list.isLoading && !list.data && (
          <PageLoader
            label={formatMessage({
              id: 'crm.erasures.loading',
              defaultMessage: 'Loading the erasure list',
            })}
          />
        )}
        {list.error !== undefined && !list.isLoading && (
          <PageLoadError error={list.error} onRetry={list.reload} />
        )}
        {list.data && rows.length === 0 && (
          <EmptyStateLayout
            content={formatMessage({
              id: 'crm.erasures.empty',
              defaultMessage: 'No one has been erased.',
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
                {rows.map((entry) => (
                  <Tr key={entry.documentId} data-testid="crm-erasure">
                    <Td>
                      <Typography>{kinds[entry.kind] ?? entry.kind}</Typography>
                    </Td>
                    <Td>
                      <Typography>{formatDateTime(entry.erasedAt)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{entry.recordDocumentId ?? '—'}</Typography>
                    </Td>
                    <Td>
                      <Button
                        size="S"
                        variant="danger-light"
                        startIcon={<Trash />}
                        onClick={() => setRemoving(entry)}
                      >
                        {formatMessage({
                          id: 'crm.erasures.remove',
                          defaultMessage: 'Take off the list',
                        })}
                      </Button>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {list.data && (
              <Pager
                page={page}
                pageCount={list.data.meta.pagination.pageCount}
                onChange={(next) => setParams({ page: String(next) })}
              />
            )}
          </Flex>
        )}
      </Layouts.Content>
      <Dialog.Root
        open={removing !== null}
        onOpenChange={(open: boolean) => !open && !busy && setRemoving(null)}
      >
        {removing && (
          <Dialog.Content>
            <Dialog.Header>
              {formatMessage({
                id: 'crm.erasures.removeTitle',
                defaultMessage: 'Take this entry off the erasure list?',
              })}
            </Dialog.Header>
            <Dialog.Body icon={<WarningCircle fill="danger600" />}>
              <Typography textAlign="center">
                {formatMessage({
                  id: 'crm.erasures.removeText',
                  defaultMessage:
                    'Records and imports with this e-mail address or phone number are accepted again. Do this only when the person asks to be known again.',
                })}
              </Typography>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button fullWidth variant="tertiary" disabled={busy}>
                  {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
                </Button>
              </Dialog.Cancel>
              <Button
                fullWidth
                variant="danger-light"
                loading={busy}
                onClick={() => void remove(removing)}
              >
                {formatMessage({
                  id: 'crm.erasures.remove',
                  defaultMessage: 'Take off the list',
                })}
              </Button>
            </Dialog.Footer>
          </Dialog.Content>
        )}
      </Dialog.Root>
    </Page.Main>
  );
};
