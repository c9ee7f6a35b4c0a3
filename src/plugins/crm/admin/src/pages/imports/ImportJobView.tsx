import { Box, Button, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate, useSearchParams } from 'react-router-dom';

import type { ImportJob } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useImportLabels } from '../../components/imports/labels';
import { MappingStep } from '../../components/imports/MappingStep';
import { ModeStep } from '../../components/imports/ModeStep';
import { ReferenceDataStep } from '../../components/imports/ReferenceDataStep';
import { ResultsStep } from '../../components/imports/ResultsStep';
import { StartStep } from '../../components/imports/StartStep';
import { useValidationPolling } from '../../components/imports/useValidationPolling';
import { ValidatingNotice } from '../../components/imports/ValidatingNotice';
import { ValidationStep } from '../../components/imports/ValidationStep';
import { WizardSteps, type WizardStep } from '../../components/imports/WizardSteps';
import { StageStatus } from '../../components/StageStatus';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { formatBytes, formatDateTime } from '../../utils/format';
import { statusOf } from '../../utils/serverErrors';
import { IMPORTS_PATH, isEditable, stepOf } from './steps';

/** One import job at the step its stage and the address give. */
export const ImportJobView = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const navigate = useNavigate();
  const { messageOf, notifyError } = useRequestErrors();
  const { objects, stages } = useImportLabels();
  const [searchParams, setSearchParams] = useSearchParams();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [loadError, setLoadError] = useState<{ message: string; status?: number } | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setJob(await api.imports.job(documentId));
    } catch (error) {
      setLoadError({ message: messageOf(error), status: statusOf(error) });
      notifyError(error);
    }
  }, [api, documentId, messageOf, notifyError]);

  useEffect(() => {
    void load();
  }, [load]);

  // Opened without a step, the wizard resumes where the job stands and keeps that step in the
  // address, so that deciding the last company does not move the page on by itself.
  const resumed = job !== null;
  useEffect(() => {
    if (!job || searchParams.get('step') || !isEditable(job)) return;
    setSearchParams({ step: stepOf(job, null) }, { replace: true });
    // Only once, when the job first arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resumed]);

  const onJobChange = useCallback((next: ImportJob) => setJob(next), []);
  // A mapping or mode change is validated on the server after its answer: followed here.
  useValidationPolling(job, onJobChange);
  const goTo = (step: WizardStep) => setSearchParams({ step });
  const pageTitle = formatMessage({ id: 'crm.import.pageTitle', defaultMessage: 'CRM import' });
  const title = formatMessage({ id: 'crm.import.title', defaultMessage: 'Import' });

  const newImport = (
    <Button variant="secondary" startIcon={<Plus />} onClick={() => navigate(IMPORTS_PATH)}>
      {formatMessage({ id: 'crm.import.new', defaultMessage: 'New import' })}
    </Button>
  );

  if (loadError) {
    const missing = loadError.status === 404;
    return (
      <Page.Main>
        <Page.Title>{pageTitle}</Page.Title>
        <Layouts.Header title={title} primaryAction={newImport} />
        <Layouts.Content>
          <Page.Error
            content={
              missing
                ? formatMessage({
                    id: 'crm.import.notFound',
                    defaultMessage: 'There is no import at this address.',
                  })
                : formatMessage(
                    {
                      id: 'crm.import.loadFailed',
                      defaultMessage: 'The import could not be loaded: {message}',
                    },
                    { message: loadError.message }
                  )
            }
            action={
              missing ? undefined : (
                <Button variant="secondary" onClick={() => void load()}>
                  {formatMessage({ id: 'crm.common.tryAgain', defaultMessage: 'Try again' })}
                </Button>
              )
            }
          />
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!job) return <Page.Loading />;

  const step = stepOf(job, searchParams.get('step'));
  const stage = stages[job.stage];
  const subtitle = [
    job.fileName,
    formatBytes(job.fileSize),
    objects[job.object],
    formatDateTime(job.createdAt),
  ]
    .filter(Boolean)
    .join(' · ');
  const contacts = job.object === 'contacts';

  return (
    <Page.Main>
      <Page.Title>{`${pageTitle} ${job.fileName ?? ''}`}</Page.Title>
      <Layouts.Header title={title} subtitle={subtitle} primaryAction={newImport} />
      <Layouts.Content>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
          <WizardSteps current={step} skipped={contacts ? [] : ['reference']} />
          <StageStatus variant={stage.variant} label={stage.label} data-testid="import-stage" />
        </Flex>
        {job.stage === 'validating' ? (
          <Box paddingBottom={4}>
            <ValidatingNotice job={job} />
          </Box>
        ) : null}
        <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
          {step === 'mapping' ? (
            <MappingStep job={job} onJobChange={onJobChange} onNext={() => goTo('mode')} />
          ) : step === 'mode' ? (
            <ModeStep
              job={job}
              onJobChange={onJobChange}
              onBack={() => goTo('mapping')}
              onNext={() => goTo('validation')}
            />
          ) : step === 'validation' ? (
            <ValidationStep
              job={job}
              onBack={() => goTo('mode')}
              onNext={() => goTo(contacts ? 'reference' : 'start')}
            />
          ) : step === 'reference' ? (
            <ReferenceDataStep
              job={job}
              onJobChange={onJobChange}
              onBack={() => goTo('validation')}
              onNext={() => goTo('start')}
            />
          ) : step === 'start' ? (
            <StartStep
              job={job}
              onJobChange={onJobChange}
              onBack={() => goTo(contacts ? 'reference' : 'validation')}
            />
          ) : (
            <ResultsStep job={job} onJobChange={onJobChange} />
          )}
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
