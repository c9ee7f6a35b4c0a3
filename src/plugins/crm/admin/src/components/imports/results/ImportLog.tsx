import { Flex, Loader, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';

import type {
  ImportJob,
  ImportLogAnswer,
  ImportRowOutcome,
  ImportRowStatus,
} from '../../../../../contracts';
import { useCrmApi } from '../../../api';
import { useRequestErrors } from '../../../hooks/useRequestErrors';
import { formatCount } from '../../../utils/format';
import { Pager } from '../../common/Pager';
import { useImportLabels } from '../labels';
import { LoadFailed } from '../LoadFailed';
import { RowIssuesTable } from '../RowIssuesTable';

const PAGE_SIZE = 25;

/** The log of an import's rows, page by page (GET …/log), filtered by what became of them. */
export const ImportLog = ({ job }: { job: ImportJob }) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { notifyError } = useRequestErrors();
  const [filter, setFilter] = useState('notImported');
  const [page, setPage] = useState(1);
  const [log, setLog] = useState<ImportLogAnswer | null>(null);
  const [logError, setLogError] = useState(false);
  const { rowOutcomes } = useImportLabels();

  // The log's `status` takes row statuses and outcomes alike: an outcome picks imported rows.
  const filters = useMemo<
    Record<string, { label: string; status: (ImportRowStatus | ImportRowOutcome)[] }>
  >(
    () => ({
      notImported: {
        label: formatMessage({
          id: 'crm.import.log.notImported',
          defaultMessage: 'Not imported (invalid, skipped, failed)',
        }),
        status: ['invalid', 'ignored', 'failed'],
      },
      created: { label: rowOutcomes.created.label, status: ['created'] },
      updated: { label: rowOutcomes.updated.label, status: ['updated'] },
      unchanged: { label: rowOutcomes.unchanged.label, status: ['unchanged'] },
      imported: {
        label: formatMessage({ id: 'crm.import.log.allImported', defaultMessage: 'All imported' }),
        status: ['imported'],
      },
      ignored: {
        label: formatMessage({ id: 'crm.import.row.ignored', defaultMessage: 'Skipped' }),
        status: ['ignored'],
      },
      invalid: {
        label: formatMessage({ id: 'crm.import.row.invalid', defaultMessage: 'Invalid' }),
        status: ['invalid'],
      },
      failed: {
        label: formatMessage({ id: 'crm.import.row.failed', defaultMessage: 'Failed' }),
        status: ['failed'],
      },
    }),
    [formatMessage, rowOutcomes]
  );
  const statuses = filters[filter].status;

  const loadLog = useCallback(async () => {
    setLog(null);
    setLogError(false);
    try {
      setLog(
        await api.imports.log(job.documentId, { status: statuses, page, pageSize: PAGE_SIZE })
      );
    } catch (error) {
      setLogError(true);
      notifyError(error);
    }
  }, [api, job.documentId, statuses, page, notifyError]);

  useEffect(() => {
    void loadLog();
  }, [loadLog, job.stage]);

  const headers = job.columns.map((column) => column.header).slice(0, 4);
  const pagination = log?.meta.pagination;

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex justifyContent="space-between" alignItems="flex-end">
        <Typography variant="delta" tag="h2">
          {formatMessage({ id: 'crm.import.log.title', defaultMessage: 'Log' })}
        </Typography>
        <div style={{ minWidth: '28rem' }}>
          <SingleSelect
            aria-label={formatMessage({
              id: 'crm.import.log.filter',
              defaultMessage: 'Rows shown in the log',
            })}
            value={filter}
            onChange={(value: string | number) => {
              setFilter(String(value));
              setPage(1);
            }}
            size="S"
          >
            {Object.entries(filters).map(([key, { label }]) => (
              <SingleSelectOption key={key} value={key}>
                {label}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </div>
      </Flex>
      {logError ? (
        <LoadFailed
          content={formatMessage({
            id: 'crm.import.log.failed',
            defaultMessage: 'The log could not be loaded.',
          })}
          onRetry={() => void loadLog()}
        />
      ) : !log ? (
        <Flex justifyContent="center" padding={6}>
          <Loader small>
            {formatMessage({ id: 'crm.import.log.loading', defaultMessage: 'Loading the log…' })}
          </Loader>
        </Flex>
      ) : log.data.length === 0 ? (
        <Typography textColor="neutral600">
          {formatMessage({ id: 'crm.import.log.empty', defaultMessage: 'No rows here.' })}
        </Typography>
      ) : (
        <RowIssuesTable
          columns={['status', 'cells']}
          testId="import-log-row"
          rows={log.data.map((row) => ({
            key: String(row.line),
            line: row.line,
            status: row.status,
            outcome: row.outcome,
            cells: headers
              .map((header) => row.cells[header])
              .filter(Boolean)
              .join(' · '),
            reason: row.issues.map((issue) => issue.reason).join('; '),
          }))}
        />
      )}
      {pagination ? (
        <Pager
          page={page}
          pageCount={pagination.pageCount}
          onChange={setPage}
          size="S"
          label={formatMessage(
            {
              id: 'crm.import.log.pageOf',
              defaultMessage: 'Page {page} of {pageCount} ({total} rows)',
            },
            {
              page: pagination.page,
              pageCount: pagination.pageCount,
              total: formatCount(pagination.total),
            }
          )}
        />
      ) : null}
    </Flex>
  );
};
