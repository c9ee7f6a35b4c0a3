import { Box, Button, Flex, Link, Radio, Typography } from '@strapi/design-system';
import { Search } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useNavigate, useParams } from 'react-router-dom';

import type { ImportObject } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useCustomerPermissions } from '../../components/customers/hooks';
import { useImportLabels } from '../../components/imports/labels';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { BackToSearch } from '../customers/overview/CustomerUnavailable';
import { scanPath } from './paths';
import { ScanView } from './ScanView';

const OBJECTS: ImportObject[] = ['customers', 'contacts'];
const LAST_SCAN_KEY = 'crm.duplicates.lastScan';

/** The last scan started in this browser, per object, so its results can be opened again. */
const lastScans = (): Partial<Record<ImportObject, string>> => {
  try {
    return JSON.parse(window.localStorage.getItem(LAST_SCAN_KEY) ?? '{}') as Partial<
      Record<ImportObject, string>
    >;
  } catch {
    return {};
  }
};
const rememberScan = (object: ImportObject, documentId: string) => {
  try {
    window.localStorage.setItem(
      LAST_SCAN_KEY,
      JSON.stringify({ ...lastScans(), [object]: documentId })
    );
  } catch {
    // A browser that keeps nothing only loses the shortcut.
  }
};

/** /admin/plugins/crm/duplicates: scan customers or contacts for duplicates; …/:documentId: a scan. */
export const DuplicatesPage = () => {
  const { documentId } = useParams<{ documentId?: string }>();
  if (documentId) return <ScanView key={documentId} documentId={documentId} />;
  return <StartScan />;
};

const StartScan = () => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const navigate = useNavigate();
  const { notifyError } = useRequestErrors();
  const { canManage } = useCustomerPermissions();
  const { objects } = useImportLabels();
  const [object, setObject] = React.useState<ImportObject>('customers');
  const [starting, setStarting] = React.useState(false);
  const last = lastScans()[object];
  const title = formatMessage({ id: 'crm.duplicates.title', defaultMessage: 'Duplicates' });

  const start = async () => {
    setStarting(true);
    try {
      const scan = await api.duplicates.startScan(object);
      rememberScan(object, scan.documentId);
      navigate(scanPath(scan.documentId));
    } catch (failure) {
      notifyError(failure);
      setStarting(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage({
          id: 'crm.duplicates.subtitle',
          defaultMessage: 'Find customers or contacts entered more than once, and merge them',
        })}
        navigationAction={<BackToSearch />}
      />
      <Layouts.Content>
        <Box background="neutral0" padding={6} hasRadius shadow="tableShadow">
          <Flex direction="column" alignItems="stretch" gap={5}>
            <Typography variant="delta" tag="h2" id="crm-scan-object">
              {formatMessage({
                id: 'crm.duplicates.scanWhat',
                defaultMessage: 'What to scan',
              })}
            </Typography>
            <Radio.Group
              aria-labelledby="crm-scan-object"
              value={object}
              onValueChange={(value: string) => setObject(value as ImportObject)}
            >
              <Flex gap={6}>
                {OBJECTS.map((value) => (
                  <Radio.Item key={value} value={value}>
                    {objects[value]}
                  </Radio.Item>
                ))}
              </Flex>
            </Radio.Group>
            <Typography textColor="neutral600" tag="p">
              {formatMessage({
                id: 'crm.duplicates.scanExplain',
                defaultMessage:
                  'The scan compares every record with the ones sharing a name, an e-mail address, a phone number or another key, on the server in the background, and groups those that look alike, best first.',
              })}
            </Typography>
            <Flex gap={4} alignItems="center">
              <Button
                startIcon={<Search />}
                onClick={() => void start()}
                loading={starting}
                disabled={!canManage}
              >
                {formatMessage({
                  id: 'crm.duplicates.scan',
                  defaultMessage: 'Scan for duplicates',
                })}
              </Button>
              {last && (
                <Link tag={RouterLink} to={scanPath(last)}>
                  {formatMessage({
                    id: 'crm.duplicates.lastScan',
                    defaultMessage: 'Open the last scan',
                  })}
                </Link>
              )}
            </Flex>
            {!canManage && (
              <Typography variant="pi" textColor="neutral600">
                {formatMessage({
                  id: 'crm.duplicates.cannotScan',
                  defaultMessage:
                    'Starting a scan needs the right to create and edit customers; you can open the scans others started.',
                })}
              </Typography>
            )}
          </Flex>
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};
