import { Box } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router-dom';

import { UploadStep } from '../../components/imports/UploadStep';
import { WizardSteps } from '../../components/imports/WizardSteps';
import { PERMISSIONS } from '../../permissions';
import { ImportJobView } from './ImportJobView';
import { IMPORTS_PATH } from './steps';

/** The CSV import wizard: /admin/plugins/crm/imports (upload) and /admin/plugins/crm/imports/:documentId (a job). */
export const ImportWizardPage = () => (
  <Page.Protect permissions={PERMISSIONS.import}>
    <ImportWizard />
  </Page.Protect>
);

const ImportWizard = () => {
  const { documentId } = useParams<{ documentId?: string }>();
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  if (documentId) return <ImportJobView key={documentId} documentId={documentId} />;
  return (
    <Page.Main>
      <Page.Title>
        {formatMessage({ id: 'crm.import.pageTitle', defaultMessage: 'CRM import' })}
      </Page.Title>
      <Layouts.Header
        title={formatMessage({ id: 'crm.import.title', defaultMessage: 'Import' })}
        subtitle={formatMessage({
          id: 'crm.import.subtitle',
          defaultMessage: 'Import contacts or customers from a CSV file',
        })}
      />
      <Layouts.Content>
        <WizardSteps current="upload" />
        <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
          <UploadStep
            onUploaded={(job) => navigate(`${IMPORTS_PATH}/${job.documentId}?step=mapping`)}
          />
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
