import { Button, Dialog, EmptyStateLayout, Flex, Loader, SingleSelect, SingleSelectOption, Status, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise, Download, WarningCircle } from '@strapi/icons';
import { useCallback, useEffect, useState } from 'react';

import { saveBlob } from '../../utils/download';
import { formatCount } from '../../utils/format';
import { useNotify } from '../../utils/notify';
import { CountBox } from './CountBox';
import { ROW_STATUS_LABELS } from './labels';
import type { ImportJob, LogRow, Pagination, RowStatus } from './types';
import { UndoSummary } from './UndoSummary';
import { useImportApi } from './useImportApi';

const PAGE_SIZE = 25;
const FILTERS: Record<string, { label: string; status: RowStatus[] }> = {
  notImported: { label: 'Not imported (invalid, skipped, failed)', status: ['invalid', 'ignored', 'failed'] },
  invalid: { label: 'Invalid', status: ['invalid'] },
  ignored: { label: 'Skipped', status: ['ignored'] },
  failed: { label: 'Failed', status: ['failed'] },
  imported: { label: 'Imported', status: ['imported'] },
};

/**
 * Step 6: imported, ignored and failed counts, the log of rows page by page (GET …/log), the
 * ignored rows as a CSV file to fix and import again, and undo.
 */
export const ResultsStep = ({ job, onJobChange }: { job: ImportJob; onJobChange: (job: ImportJob) => void }) => {
  const api = useImportApi();
  const { notifyError, notifySuccess } = useNotify();
  const [filter, setFilter] = useState('notImported');
  const [page, setPage] = useState(1);
  const [log, setLog] = useState<{ rows: LogRow[]; pagination: Pagination } | null>(null);
  const [logError, setLogError] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [undoing, setUndoing] = useState(false);

  const loadLog = useCallback(async () => {
    setLog(null);
    setLogError(false);
    try {
      const { data, meta } = await api.log(job.documentId, { status: FILTERS[filter].status, page, pageSize: PAGE_SIZE });
      setLog({ rows: data, pagination: meta.pagination });
    } catch (error) {
      setLogError(true);
      notifyError(error, 'The import log could not be loaded');
    }
  }, [api, job.documentId, filter, page, notifyError]);

  useEffect(() => {
    void loadLog();
  }, [loadLog, job.stage]);

  const download = async () => {
    setDownloading(true);
    try {
      const { blob, fileName } = await api.ignoredCsv(job.documentId);
      saveBlob(blob, fileName);
    } catch (error) {
      notifyError(error, 'The ignored rows could not be downloaded');
    } finally {
      setDownloading(false);
    }
  };

  const undo = async () => {
    setUndoing(true);
    try {
      onJobChange(await api.undo(job.documentId));
      notifySuccess('The import was undone: the records it created are removed, except those others have built on since.');
    } catch (error) {
      notifyError(error, 'The import could not be undone');
    } finally {
      setUndoing(false);
    }
  };

  const headers = job.columns.map((column) => column.header).slice(0, 4);

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      {job.stage === 'undone' ? (
        <Status variant="neutral">
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography>This import was undone: the records it created were removed, except those others had built on.</Typography>
            {job.undo ? <UndoSummary undo={job.undo} /> : null}
          </Flex>
        </Status>
      ) : job.stage === 'failed' ? (
        <Status variant="danger">
          <Typography>The import failed; the rows below show how far it came.</Typography>
        </Status>
      ) : null}
      <Flex gap={4} wrap="wrap">
        <CountBox label="Imported" name="imported" value={job.counts.imported} tone="success600" />
        <CountBox label="Ignored" name="ignored" value={job.counts.ignored} tone="warning600" />
        <CountBox label="Failed" name="failed" value={job.counts.failed} tone="danger600" />
        <CountBox label="Rows in the file" name="total" value={job.counts.total} />
      </Flex>

      <Flex gap={2} justifyContent="flex-end">
        <Button variant="secondary" startIcon={<Download />} onClick={download} loading={downloading} disabled={(job.counts.ignored ?? 0) + (job.counts.failed ?? 0) === 0}>
          Download ignored rows
        </Button>
        <Dialog.Root>
          <Dialog.Trigger>
            <Button variant="danger-light" startIcon={<ArrowClockwise />} loading={undoing} disabled={job.stage !== 'done'}>
              Undo import
            </Button>
          </Dialog.Trigger>
          <Dialog.Content>
            <Dialog.Header>Undo this import?</Dialog.Header>
            <Dialog.Body icon={<WarningCircle fill="danger600" />}>
              <Typography textAlign="center">
                The {formatCount(job.counts.imported)} records it created, and the customers it created for unmatched companies, will be deleted; a
                record someone has built on since (a comment, a list membership, a connection, another contact…) is kept.
              </Typography>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button fullWidth variant="tertiary">
                  Cancel
                </Button>
              </Dialog.Cancel>
              <Dialog.Action>
                <Button fullWidth variant="danger-light" onClick={undo}>
                  Undo import
                </Button>
              </Dialog.Action>
            </Dialog.Footer>
          </Dialog.Content>
        </Dialog.Root>
      </Flex>

      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" alignItems="flex-end">
          <Typography variant="delta" tag="h2">
            Log
          </Typography>
          <div style={{ minWidth: '28rem' }}>
            <SingleSelect
              aria-label="Rows shown in the log"
              value={filter}
              onChange={(value: string | number) => {
                setFilter(String(value));
                setPage(1);
              }}
              size="S"
            >
              {Object.entries(FILTERS).map(([key, { label }]) => (
                <SingleSelectOption key={key} value={key}>
                  {label}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </div>
        </Flex>
        {logError ? (
          <EmptyStateLayout
            content="The log could not be loaded."
            action={
              <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={() => void loadLog()}>
                Try again
              </Button>
            }
          />
        ) : !log ? (
          <Flex justifyContent="center" padding={6}>
            <Loader small>Loading the log…</Loader>
          </Flex>
        ) : log.rows.length === 0 ? (
          <Typography textColor="neutral600">No rows here.</Typography>
        ) : (
          <Table colCount={4} rowCount={log.rows.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">Line</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Status</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Row</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Reason</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {log.rows.map((row) => (
                <Tr key={row.line} data-testid="import-log-row">
                  <Td>
                    <Typography>{row.line}</Typography>
                  </Td>
                  <Td>
                    <Status variant={ROW_STATUS_LABELS[row.status].variant} size="S">
                      <Typography variant="pi" fontWeight="bold">
                        {ROW_STATUS_LABELS[row.status].label}
                      </Typography>
                    </Status>
                  </Td>
                  <Td>
                    <Typography variant="pi" textColor="neutral700" ellipsis style={{ maxWidth: '40rem' }}>
                      {headers.map((header) => row.cells[header]).filter(Boolean).join(' · ')}
                    </Typography>
                  </Td>
                  <Td>
                    <Typography>{row.issues.map((issue) => issue.reason).join('; ')}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        {log && log.pagination.pageCount > 1 ? (
          <Flex gap={2} justifyContent="flex-end">
            <Button variant="tertiary" size="S" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Previous
            </Button>
            <Typography variant="pi">
              Page {log.pagination.page} of {log.pagination.pageCount} ({formatCount(log.pagination.total)} rows)
            </Typography>
            <Button variant="tertiary" size="S" disabled={page >= log.pagination.pageCount} onClick={() => setPage(page + 1)}>
              Next
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Flex>
  );
};
