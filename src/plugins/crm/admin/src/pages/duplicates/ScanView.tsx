import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  ProgressBar,
  Typography,
} from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useNavigate, useSearchParams } from 'react-router-dom';

import type { DuplicateScanStage } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { Pager } from '../../components/common/Pager';
import { useCustomerPermissions } from '../../components/customers/hooks';
import { ClusterCard } from '../../components/duplicates/ClusterCard';
import { useImportLabels } from '../../components/imports/labels';
import { MergeDialog } from '../../components/merge/MergeDialog';
import { StageStatus } from '../../components/StageStatus';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { formatCount, formatDateTime } from '../../utils/format';
import { statusOf } from '../../utils/serverErrors';
import { useAsyncResource } from '../../utils/useAsyncResource';
import { BackToSearch } from '../customers/overview/CustomerUnavailable';
import { DUPLICATES_PATH } from './paths';

const PAGE_SIZE = 20;
const POLL_MS = 1000;

type StatusVariant = 'primary' | 'success' | 'danger';

/**
 * One duplicate scan: its progress while it runs on the server (polled), then its clusters, best
 * first, a page at a time (`?page=` keeps the address shareable).
 */
export const ScanView = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const navigate = useNavigate();
  const { messageOf } = useRequestErrors();
  const { canMerge } = useCustomerPermissions();
  const { objects } = useImportLabels();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [merging, setMerging] = React.useState<string[] | null>(null);

  const scan = useAsyncResource(`${documentId}|${page}`, () =>
    api.duplicates.scan(documentId, page, PAGE_SIZE)
  );
  const current = scan.data?.data;
  const running = current?.stage === 'running';

  // While it runs, ask again every second (more slowly after a failure).
  React.useEffect(() => {
    if (!running) return;
    const timer = setTimeout(scan.reload, scan.error ? POLL_MS * 5 : POLL_MS);
    return () => clearTimeout(timer);
  }, [running, scan.data, scan.error, scan.reload]);

  const stages: Record<DuplicateScanStage, { label: string; variant: StatusVariant }> = {
    running: {
      label: formatMessage({ id: 'crm.duplicates.stage.running', defaultMessage: 'Scanning' }),
      variant: 'primary',
    },
    done: {
      label: formatMessage({ id: 'crm.duplicates.stage.done', defaultMessage: 'Finished' }),
      variant: 'success',
    },
    failed: {
      label: formatMessage({ id: 'crm.duplicates.stage.failed', defaultMessage: 'Failed' }),
      variant: 'danger',
    },
  };
  const title = formatMessage({ id: 'crm.duplicates.title', defaultMessage: 'Duplicates' });
  const newScan = (
    <Button variant="secondary" startIcon={<Plus />} onClick={() => navigate(DUPLICATES_PATH)}>
      {formatMessage({ id: 'crm.duplicates.newScan', defaultMessage: 'New scan' })}
    </Button>
  );

  if (!current) {
    if (scan.isLoading) return <Page.Loading />;
    const missing = statusOf(scan.error) === 404;
    return (
      <Page.Main>
        <Page.Title>{title}</Page.Title>
        <Layouts.Header title={title} navigationAction={<BackToSearch />} primaryAction={newScan} />
        <Layouts.Content>
          <Page.Error
            content={
              missing
                ? formatMessage({
                    id: 'crm.duplicates.notFound',
                    defaultMessage: 'There is no duplicate scan at this address.',
                  })
                : formatMessage(
                    {
                      id: 'crm.duplicates.loadFailed',
                      defaultMessage: 'The scan could not be loaded: {message}',
                    },
                    { message: messageOf(scan.error) }
                  )
            }
            action={
              missing ? undefined : (
                <Button variant="secondary" onClick={scan.reload}>
                  {formatMessage({ id: 'crm.common.tryAgain', defaultMessage: 'Try again' })}
                </Button>
              )
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }

  const stage = stages[current.stage];
  const { done, total } = current.progress;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const clusters = current.clusters ?? [];
  const pageCount = Number(scan.data?.meta.pagination.pageCount ?? 0);
  const customers = current.object === 'customers';

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={[objects[current.object], formatDateTime(current.startedAt)]
          .filter(Boolean)
          .join(' · ')}
        navigationAction={<BackToSearch />}
        primaryAction={newScan}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={5}>
          <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Flex gap={3} alignItems="center">
                <StageStatus
                  variant={stage.variant}
                  label={stage.label}
                  data-testid="crm-scan-stage"
                />
                {current.stage === 'done' && (
                  <Typography data-testid="crm-scan-summary">
                    {formatMessage(
                      {
                        id: 'crm.duplicates.summary',
                        defaultMessage:
                          '{clusters, plural, =0 {No duplicates found} one {# group of possible duplicates} other {# groups of possible duplicates}} ({pairs, plural, one {# pair} other {# pairs}}) among {total} records',
                      },
                      {
                        clusters: current.clusterCount,
                        pairs: current.pairCount,
                        total: formatCount(total),
                      }
                    )}
                  </Typography>
                )}
              </Flex>
              {running && (
                <>
                  <ProgressBar
                    value={percent}
                    aria-label={formatMessage({
                      id: 'crm.duplicates.progress',
                      defaultMessage: 'Scan progress',
                    })}
                  />
                  <Typography textColor="neutral600" data-testid="crm-scan-progress">
                    {formatMessage(
                      {
                        id: 'crm.duplicates.progressText',
                        defaultMessage: '{done} of {total} records compared ({percent}%)',
                      },
                      {
                        done: formatCount(done),
                        total: formatCount(total),
                        percent: String(percent),
                      }
                    )}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {formatMessage({
                      id: 'crm.duplicates.background',
                      defaultMessage:
                        'The scan runs on the server: you can leave this page and come back to this address.',
                    })}
                  </Typography>
                </>
              )}
              {current.stage === 'failed' && (
                <Typography textColor="danger600">{current.error ?? ''}</Typography>
              )}
              {scan.error !== undefined && (
                <Typography variant="pi" textColor="danger600">
                  {formatMessage(
                    {
                      id: 'crm.duplicates.refreshFailed',
                      defaultMessage: 'Could not refresh: {message}',
                    },
                    { message: messageOf(scan.error) }
                  )}
                </Typography>
              )}
            </Flex>
          </Box>

          {current.stage === 'done' && current.clusterCount === 0 && (
            <EmptyStateLayout
              content={formatMessage({
                id: 'crm.duplicates.none',
                defaultMessage: 'No records look alike enough to be duplicates.',
              })}
            />
          )}
          {clusters.map((cluster, index) => (
            <ClusterCard
              key={`${page}-${index}-${cluster.records.map((record) => record.documentId).join()}`}
              cluster={cluster}
              object={current.object}
              canMerge={canMerge && customers}
              onMerge={setMerging}
            />
          ))}
          <Pager
            page={page}
            pageCount={pageCount}
            onChange={(next) => setParams({ page: String(next) })}
          />
        </Flex>
      </Layouts.Content>
      <MergeDialog
        open={merging !== null}
        documentIds={merging ?? []}
        onClose={() => setMerging(null)}
      />
    </Page.Main>
  );
};
