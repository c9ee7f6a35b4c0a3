import { Flex, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ImportPreview } from '../../../../../contracts';
import { CountBox } from '../CountBox';

/** What the job would do with its valid rows under the chosen settings, as the server judges now. */
export const ModePreview = ({
  preview,
  updating,
}: {
  preview: ImportPreview | null | undefined;
  updating: boolean;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Flex gap={3} alignItems="center">
        <Typography variant="delta" tag="h2">
          {formatMessage({
            id: 'crm.import.preview.title',
            defaultMessage: 'What the import will do',
          })}
        </Typography>
        {updating ? (
          <Loader small>
            {formatMessage({
              id: 'crm.import.preview.updating',
              defaultMessage: 'Updating the preview…',
            })}
          </Loader>
        ) : null}
      </Flex>
      {preview ? (
        <Flex gap={4} wrap="wrap" aria-live="polite" aria-busy={updating}>
          <CountBox
            label={formatMessage({
              id: 'crm.import.preview.create',
              defaultMessage: 'Will create',
            })}
            name="preview-create"
            value={preview.create}
            tone="success600"
          />
          <CountBox
            label={formatMessage({
              id: 'crm.import.preview.update',
              defaultMessage: 'Will update',
            })}
            name="preview-update"
            value={preview.update}
            tone="primary600"
          />
          <CountBox
            label={formatMessage({
              id: 'crm.import.preview.unchanged',
              defaultMessage: 'Already up to date',
            })}
            name="preview-unchanged"
            value={preview.unchanged}
          />
          <CountBox
            label={formatMessage({
              id: 'crm.import.preview.ignored',
              defaultMessage: 'Will ignore',
            })}
            name="preview-ignored"
            value={preview.ignored}
            tone="warning600"
          />
        </Flex>
      ) : (
        <Typography textColor="neutral600" tag="p">
          {formatMessage({
            id: 'crm.import.preview.none',
            defaultMessage: 'No preview is available for this import yet.',
          })}
        </Typography>
      )}
      <Typography variant="pi" textColor="neutral600" tag="p">
        {formatMessage({
          id: 'crm.import.preview.hint',
          defaultMessage:
            'Counted over the valid rows, against the records as they are now; invalid rows are left out.',
        })}
      </Typography>
    </Flex>
  );
};
