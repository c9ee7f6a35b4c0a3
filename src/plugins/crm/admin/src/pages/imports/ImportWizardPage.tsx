import { Box, Button, Flex, Status, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';

import { MappingStep } from '../../components/imports/MappingStep';
import { ReferenceDataStep } from '../../components/imports/ReferenceDataStep';
import { ResultsStep } from '../../components/imports/ResultsStep';
import { StartStep } from '../../components/imports/StartStep';
import { OBJECT_LABELS, STAGE_LABELS } from '../../components/imports/labels';
import type { ImportJob } from '../../components/imports/types';
import { UploadStep } from '../../components/imports/UploadStep';
import { useImportApi } from '../../components/imports/useImportApi';
import { ValidationStep } from '../../components/imports/ValidationStep';
import { WizardSteps, type WizardStep } from '../../components/imports/WizardSteps';
import { PERMISSIONS } from '../../permissions';
import { PLUGIN_ID } from '../../pluginId';
import { getErrorMessage, getErrorStatus } from '../../utils/errors';
import { formatBytes, formatDateTime } from '../../utils/format';
import { useNotify } from '../../utils/notify';

const IMPORTS_PATH = `/plugins/${PLUGIN_ID}/imports`;
const EDIT_STEPS: WizardStep[] = ['mapping', 'validation', 'reference', 'start'];
const EDITABLE_STAGES: ImportJob['stage'][] = ['reference-data', 'ready'];

/**
 * The step a job is shown at. Its stage decides once it is started (progress, then results);
 * before that the `?step=` of the address may pick any editing step, and without one the wizard
 * resumes where the job stands: reference data while companies are undecided, else the start.
 */
const stepOf = (job: ImportJob, requested: string | null): WizardStep => {
  if (job.stage === 'running') return 'start';
  // Another request is applying a mapping: its outcome shows in the validation step.
  if (job.stage === 'validating') return 'validation';
  if (job.stage === 'done' || job.stage === 'failed' || job.stage === 'undone') return 'results';
  const wanted = EDIT_STEPS.find((step) => step === requested);
  if (wanted === 'reference' && job.object !== 'contacts') return 'validation';
  if (wanted) return wanted;
  return job.stage === 'reference-data' ? 'reference' : 'start';
};

/** The CSV import wizard: /admin/plugins/crm/imports (upload) and /admin/plugins/crm/imports/:documentId (a job). */
export const ImportWizardPage = () => (
  <Page.Protect permissions={PERMISSIONS.import}>
    <ImportWizard />
  </Page.Protect>
);

const ImportWizard = () => {
  const { documentId } = useParams<{ documentId?: string }>();
  const navigate = useNavigate();
  return documentId ? (
    <ImportJobView key={documentId} documentId={documentId} />
  ) : (
    <Page.Main>
      <Page.Title>CRM import</Page.Title>
      <Layouts.Header title="Import" subtitle="Import contacts or customers from a CSV file" />
      <Layouts.Content>
        <WizardSteps current="upload" />
        <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
          <UploadStep onUploaded={(job) => navigate(`${IMPORTS_PATH}/${job.documentId}?step=mapping`)} />
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

const ImportJobView = ({ documentId }: { documentId: string }) => {
  const api = useImportApi();
  const navigate = useNavigate();
  const { notifyError } = useNotify();
  const [searchParams, setSearchParams] = useSearchParams();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [loadError, setLoadError] = useState<{ message: string; status?: number } | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setJob(await api.job(documentId));
    } catch (error) {
      setLoadError({ message: getErrorMessage(error), status: getErrorStatus(error) });
      notifyError(error, 'The import could not be loaded');
    }
  }, [api, documentId, notifyError]);

  useEffect(() => {
    void load();
  }, [load]);

  // Opened without a step, the wizard resumes where the job stands and keeps that step in the
  // address, so that deciding the last company does not move the page on by itself.
  const resumed = job !== null;
  useEffect(() => {
    if (!job || searchParams.get('step') || !EDITABLE_STAGES.includes(job.stage)) return;
    setSearchParams({ step: stepOf(job, null) }, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resumed]);

  const onJobChange = useCallback((next: ImportJob) => setJob(next), []);
  const goTo = (step: WizardStep) => setSearchParams({ step });

  const newImport = (
    <Button variant="secondary" startIcon={<Plus />} onClick={() => navigate(IMPORTS_PATH)}>
      New import
    </Button>
  );

  if (loadError) {
    return (
      <Page.Main>
        <Page.Title>CRM import</Page.Title>
        <Layouts.Header title="Import" primaryAction={newImport} />
        <Layouts.Content>
          <Page.Error
            content={loadError.status === 404 ? 'There is no import at this address.' : `The import could not be loaded: ${loadError.message}`}
            action={
              loadError.status === 404 ? undefined : (
                <Button variant="secondary" onClick={() => void load()}>
                  Try again
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
  const stage = STAGE_LABELS[job.stage];
  const subtitle = [job.fileName, formatBytes(job.fileSize), OBJECT_LABELS[job.object], formatDateTime(job.createdAt)].filter(Boolean).join(' · ');

  return (
    <Page.Main>
      <Page.Title>{`CRM import ${job.fileName ?? ''}`}</Page.Title>
      <Layouts.Header title="Import" subtitle={subtitle} primaryAction={newImport} />
      <Layouts.Content>
        <Flex justifyContent="space-between" alignItems="flex-start" gap={4}>
          <WizardSteps current={step} skipped={job.object === 'contacts' ? [] : ['reference']} />
          <Status variant={stage.variant} size="S" data-testid="import-stage">
            <Typography variant="pi" fontWeight="bold">
              {stage.label}
            </Typography>
          </Status>
        </Flex>
        <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
          {step === 'mapping' ? (
            <MappingStep job={job} onJobChange={onJobChange} onNext={() => goTo('validation')} />
          ) : step === 'validation' ? (
            <ValidationStep job={job} onBack={() => goTo('mapping')} onNext={() => goTo(job.object === 'contacts' ? 'reference' : 'start')} />
          ) : step === 'reference' ? (
            <ReferenceDataStep job={job} onJobChange={onJobChange} onBack={() => goTo('validation')} onNext={() => goTo('start')} />
          ) : step === 'start' ? (
            <StartStep job={job} onJobChange={onJobChange} onBack={() => goTo(job.object === 'contacts' ? 'reference' : 'validation')} />
          ) : (
            <ResultsStep job={job} onJobChange={onJobChange} />
          )}
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
