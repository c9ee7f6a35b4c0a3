import { Badge, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ImportJob } from '../../../../contracts';

/** How the server read the file: its format, text encoding, worksheet and the product it came from. */
export const FileSummary = ({ job }: { job: ImportJob }) => {
  const { formatMessage } = useIntl();
  const formats: Record<string, string> = {
    csv: 'CSV',
    xlsx: formatMessage({ id: 'crm.import.format.xlsx', defaultMessage: 'Excel workbook' }),
    vcard: 'vCard',
  };
  const sources: Record<string, string> = {
    outlook: 'Microsoft Outlook',
    google: 'Google Contacts',
    salesforce: 'Salesforce',
    hubspot: 'HubSpot',
    linkedin: 'LinkedIn',
  };
  return (
    <Flex gap={2} wrap="wrap" data-testid="import-file-summary">
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({ id: 'crm.import.summary.readAs', defaultMessage: 'Read as' })}
      </Typography>
      {job.format ? <Badge data-testid="import-format">{formats[job.format]}</Badge> : null}
      {job.encoding ? <Badge data-testid="import-encoding">{job.encoding}</Badge> : null}
      {job.sheet ? (
        <Badge data-testid="import-sheet">
          {formatMessage(
            { id: 'crm.import.summary.sheet', defaultMessage: 'sheet {sheet}' },
            { sheet: job.sheet }
          )}
        </Badge>
      ) : null}
      {job.source && job.source !== 'vcard' ? (
        <Badge data-testid="import-source">
          {formatMessage(
            { id: 'crm.import.summary.source', defaultMessage: 'export of {product}' },
            { product: sources[job.source] ?? job.source }
          )}
        </Badge>
      ) : null}
      {job.preambleLines ? (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            {
              id: 'crm.import.summary.preamble',
              defaultMessage:
                '{lines, plural, one {# line} other {# lines}} of notes before the header skipped',
            },
            { lines: job.preambleLines }
          )}
        </Typography>
      ) : null}
    </Flex>
  );
};
