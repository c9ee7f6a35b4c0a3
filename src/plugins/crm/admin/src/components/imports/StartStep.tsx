import { Box, Button, Flex, ProgressBar, Typography } from '@strapi/design-system';
import { Play } from '@strapi/icons';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

import type { ImportJob } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { formatCount } from '../../utils/format';
import { CountBox } from './CountBox';
import { StepFooter } from './StepFooter';

const POLL_MS = 1000;

/**
 * Step 6: what will happen, the start button, then the progress of the import as it runs in the
 * background (polling the job until the server reports it finished).
 */
export const StartStep = ({
  job,
  onJobChange,
  onBack,
}: {
  job: ImportJob;
  onJobChange: (job: ImportJob) => void;
  onBack: () => void;
}) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { notifyError } = useRequestErrors();
  const [starting, setStarting] = useState(false);
  const running = job.stage === 'running';

  useEffect(() => {
    if (!running) return;
    let cancelled = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const next = await api.imports.job(job.documentId);
        failures = 0;
        if (!cancelled) onJobChange(next);
        if (next.stage === 'running' && !cancelled) timer = setTimeout(poll, POLL_MS);
      } catch (error) {
        failures += 1;
        if (failures === 3 && !cancelled) notifyError(error);
        if (!cancelled) timer = setTimeout(poll, POLL_MS * Math.min(failures + 1, 10));
      }
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [running, job.documentId, api, onJobChange, notifyError]);

  const start = async () => {
    setStarting(true);
    try {
      onJobChange(await api.imports.start(job.documentId));
    } catch (error) {
      notifyError(error);
    } finally {
      setStarting(false);
    }
  };

  const { done, total } = job.progress;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Flex gap={4} wrap="wrap">
        <CountBox
          label={formatMessage({ id: 'crm.import.rowsInFile', defaultMessage: 'Rows in the file' })}
          name="total"
          value={job.counts.total}
        />
        <CountBox
          label={formatMessage({ id: 'crm.import.start.valid', defaultMessage: 'Valid rows' })}
          name="valid"
          value={job.counts.valid}
          tone="success600"
        />
        <CountBox
          label={formatMessage({
            id: 'crm.import.start.invalid',
            defaultMessage: 'Invalid rows (left out)',
          })}
          name="invalid"
          value={job.counts.invalid}
          tone="danger600"
        />
      </Flex>
      {running ? (
        <Box padding={6} background="neutral100" hasRadius>
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Typography variant="delta" tag="p">
              {formatMessage({ id: 'crm.import.start.importing', defaultMessage: 'Importing…' })}
            </Typography>
            <ProgressBar
              value={percent}
              aria-label={formatMessage({
                id: 'crm.import.start.progress',
                defaultMessage: 'Import progress',
              })}
            />
            <Typography textColor="neutral600" data-testid="import-progress">
              {formatMessage(
                {
                  id: 'crm.import.start.progressText',
                  defaultMessage: '{done} of {total} rows ({percent}%)',
                },
                { done: formatCount(done), total: formatCount(total), percent: String(percent) }
              )}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {formatMessage({
                id: 'crm.import.start.background',
                defaultMessage:
                  'The import runs on the server: you can leave this page and come back to this address.',
              })}
            </Typography>
          </Flex>
        </Box>
      ) : job.stage === 'reference-data' ? (
        <Typography textColor="neutral800" tag="p">
          {formatMessage({
            id: 'crm.import.start.undecided',
            defaultMessage:
              'Some companies of the file match no customer yet: decide for each of them at the reference data step before starting.',
          })}
        </Typography>
      ) : (
        <Typography textColor="neutral600" tag="p">
          {formatMessage({
            id: 'crm.import.start.explain',
            defaultMessage:
              'The valid rows will be imported in the background, in batches. Invalid rows and rows of skipped companies are ignored; you can download them afterwards. A finished import can be undone.',
          })}
        </Typography>
      )}
      <StepFooter
        onBack={running ? undefined : onBack}
        backLabel={
          job.object === 'contacts'
            ? formatMessage({ id: 'crm.import.step.reference', defaultMessage: 'Reference data' })
            : formatMessage({ id: 'crm.import.step.validation', defaultMessage: 'Validation' })
        }
        extra={
          running ? null : (
            <Button
              startIcon={<Play />}
              onClick={start}
              loading={starting}
              disabled={job.stage !== 'ready'}
            >
              {formatMessage({ id: 'crm.import.start.button', defaultMessage: 'Start import' })}
            </Button>
          )
        }
      />
    </Flex>
  );
};
