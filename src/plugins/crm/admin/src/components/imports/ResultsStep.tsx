import { Button, Flex, Status, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useState } from 'react';
import { useIntl } from 'react-intl';

import type { ImportJob } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { saveBlob } from '../../utils/download';
import { ImportLog } from './results/ImportLog';
import { ResultCounts } from './results/ResultCounts';
import { UndoButton } from './results/UndoButton';
import { UndoSummary } from './UndoSummary';

/**
 * Step 7: what became of the rows (created, updated, unchanged, ignored, failed), the log of rows
 * page by page, the ignored rows as a CSV file to fix and import again, and undo.
 */
export const ResultsStep = ({
  job,
  onJobChange,
}: {
  job: ImportJob;
  onJobChange: (job: ImportJob) => void;
}) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { notifyError, notifySuccess } = useRequestErrors();
  const [downloading, setDownloading] = useState(false);
  const [undoing, setUndoing] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      const { blob, fileName } = await api.imports.ignoredCsv(job.documentId);
      saveBlob(blob, fileName);
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(false);
    }
  };

  const undo = async () => {
    setUndoing(true);
    try {
      onJobChange(await api.imports.undo(job.documentId));
      notifySuccess(
        formatMessage({
          id: 'crm.import.undo.done',
          defaultMessage:
            'The import was undone: the records it created are removed and those it updated set back, except those others have built on or changed since.',
        })
      );
    } catch (error) {
      notifyError(error);
    } finally {
      setUndoing(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      {job.stage === 'undone' ? (
        <Status variant="neutral">
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Typography>
              {formatMessage({
                id: 'crm.import.results.undone',
                defaultMessage:
                  'This import was undone: the records it created were removed and those it updated set back, except those others had built on or changed since.',
              })}
            </Typography>
            {job.undo ? <UndoSummary undo={job.undo} /> : null}
          </Flex>
        </Status>
      ) : job.stage === 'failed' ? (
        <Status variant="danger">
          <Typography>
            {formatMessage({
              id: 'crm.import.results.failed',
              defaultMessage: 'The import failed; the rows below show how far it came.',
            })}
          </Typography>
        </Status>
      ) : null}
      <ResultCounts counts={job.counts} />

      <Flex gap={2} justifyContent="flex-end">
        <Button
          variant="secondary"
          startIcon={<Download />}
          onClick={download}
          loading={downloading}
          disabled={(job.counts.ignored ?? 0) + (job.counts.failed ?? 0) === 0}
        >
          {formatMessage({
            id: 'crm.import.results.download',
            defaultMessage: 'Download ignored rows',
          })}
        </Button>
        <UndoButton
          counts={job.counts}
          disabled={job.stage !== 'done'}
          loading={undoing}
          onUndo={undo}
        />
      </Flex>

      <ImportLog job={job} />
    </Flex>
  );
};
