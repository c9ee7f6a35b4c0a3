import {
  Badge,
  EmptyStateLayout,
  Flex,
  LinkButton,
  Table,
  Tbody,
  Td,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';

import type { ImportObject, ImportStage, ImportSummary } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useActorLabel } from '../../components/common/actors';
import { CrmNav } from '../../components/common/CrmNav';
import { Pager } from '../../components/common/Pager';
import { HeaderCells, PageLoadError, PageLoader } from '../../components/common/PageStates';
import { useImportLabels } from '../../components/imports/labels';
import { PERMISSIONS } from '../../permissions';
import { formatCount, formatDateTime } from '../../utils/format';
import { useAsyncResource } from '../../utils/useAsyncResource';
import { IMPORTS_PATH } from './steps';

const PAGE_SIZE = 20;
/** The counts a row shows, in this order: the rows, then each count that is not zero. */
const COUNT_KEYS = ['total', 'imported', 'created', 'updated', 'invalid', 'ignored', 'failed'];

/** "contact" or "contacts": what the job imports, as the wizard names it. */
const objectOf = (object: string): ImportObject =>
  object.startsWith('contact') ? 'contacts' : 'customers';

/**
 * /admin/plugins/crm/imports/history: every import, newest first, each opening its job in the
 * wizard (where a finished one can be undone). A path under /imports keeps the wizard's addresses
 * as they are: the router prefers this fixed segment to the wizard's /imports/:documentId.
 */
export const ImportHistoryPage = () => (
  <Page.Protect permissions={PERMISSIONS.import}>
    <ImportHistory />
  </Page.Protect>
);

const ImportHistory = () => {
  const { formatMessage } = useIntl();
  const actorLabel = useActorLabel();
  const api = useCrmApi();
  const { objects, stages } = useImportLabels();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const jobs = useAsyncResource(String(page), () => api.imports.list(page, PAGE_SIZE));
  const rows = jobs.data?.data ?? [];
  const pagination = jobs.data?.meta.pagination;
  const title = formatMessage({ id: 'crm.importHistory.title', defaultMessage: 'Past imports' });

  const countLabels: Record<string, string> = {
    total: formatMessage({ id: 'crm.importHistory.count.total', defaultMessage: 'Rows' }),
    imported: formatMessage({ id: 'crm.importHistory.count.imported', defaultMessage: 'Imported' }),
    created: formatMessage({ id: 'crm.importHistory.count.created', defaultMessage: 'Created' }),
    updated: formatMessage({ id: 'crm.importHistory.count.updated', defaultMessage: 'Updated' }),
    invalid: formatMessage({ id: 'crm.importHistory.count.invalid', defaultMessage: 'Invalid' }),
    ignored: formatMessage({ id: 'crm.importHistory.count.ignored', defaultMessage: 'Skipped' }),
    failed: formatMessage({ id: 'crm.importHistory.count.failed', defaultMessage: 'Failed' }),
  };
  const countsOf = (job: ImportSummary) =>
    COUNT_KEYS.filter((key) => key === 'total' || (job.counts?.[key] ?? 0) > 0)
      .map((key) => `${countLabels[key]}: ${formatCount(job.counts![key])}`)
      .join(' · ') || '—';
  const ownerOf = (job: ImportSummary) => job.ownerName ?? actorLabel(job.ownerType);

  const headers = [
    formatMessage({ id: 'crm.importHistory.when', defaultMessage: 'When' }),
    formatMessage({ id: 'crm.importHistory.who', defaultMessage: 'Who' }),
    formatMessage({ id: 'crm.importHistory.file', defaultMessage: 'File' }),
    formatMessage({ id: 'crm.importHistory.format', defaultMessage: 'Format' }),
    formatMessage({ id: 'crm.importHistory.object', defaultMessage: 'Records' }),
    formatMessage({ id: 'crm.importHistory.stage', defaultMessage: 'Stage' }),
    formatMessage({ id: 'crm.importHistory.counts', defaultMessage: 'Counts' }),
  ];

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: 'crm.importHistory.subtitle',
          defaultMessage: 'Every import, newest first; open one to see its results or undo it',
        })}
        primaryAction={
          <LinkButton tag={RouterLink} to={IMPORTS_PATH} startIcon={<Upload />}>
            {formatMessage({ id: 'crm.importHistory.new', defaultMessage: 'New import' })}
          </LinkButton>
        }
      />
      <Layouts.Content>
        <CrmNav />
        {jobs.isLoading && !jobs.data && (
          <PageLoader
            label={formatMessage({
              id: 'crm.importHistory.loading',
              defaultMessage: 'Loading the imports',
            })}
          />
        )}
        {jobs.error !== undefined && !jobs.isLoading && (
          <PageLoadError error={jobs.error} onRetry={jobs.reload} />
        )}
        {jobs.data && rows.length === 0 && (
          <EmptyStateLayout
            content={formatMessage({
              id: 'crm.importHistory.empty',
              defaultMessage: 'No import yet.',
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
                {rows.map((job) => {
                  const stage = stages[job.stage as ImportStage];
                  return (
                    <Tr key={job.documentId}>
                      <Td>
                        <RouterLink
                          to={`${IMPORTS_PATH}/${job.documentId}`}
                          aria-label={formatMessage(
                            {
                              id: 'crm.importHistory.open',
                              defaultMessage: 'Open the import of {file} of {date}',
                            },
                            {
                              file: job.fileName ?? '—',
                              date: formatDateTime(job.createdAt),
                            }
                          )}
                        >
                          <Typography fontWeight="bold" textColor="primary600">
                            {formatDateTime(job.createdAt)}
                          </Typography>
                        </RouterLink>
                      </Td>
                      <Td>
                        <Typography>{ownerOf(job)}</Typography>
                      </Td>
                      <Td>
                        <Typography>{job.fileName ?? '—'}</Typography>
                      </Td>
                      <Td>
                        <Typography>{job.format ? job.format.toUpperCase() : '—'}</Typography>
                      </Td>
                      <Td>
                        <Typography>{objects[objectOf(job.object)]}</Typography>
                      </Td>
                      <Td>
                        <Badge>{stage?.label ?? job.stage}</Badge>
                      </Td>
                      <Td>
                        <Typography variant="pi">{countsOf(job)}</Typography>
                      </Td>
                    </Tr>
                  );
                })}
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
    </Page.Main>
  );
};
