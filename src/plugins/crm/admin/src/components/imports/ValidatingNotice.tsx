import { Box, Flex, ProgressBar, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ImportJob } from '../../../../contracts';
import { formatCount } from '../../utils/format';

/** What a job being validated shows: the server judges its rows again, this far. */
export const ValidatingNotice = ({ job }: { job: ImportJob }) => {
  const { formatMessage } = useIntl();
  const { done, total } = job.progress;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <Box padding={4} background="neutral100" hasRadius data-testid="import-validating">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="omega" fontWeight="bold" tag="p">
          {formatMessage({
            id: 'crm.import.validating.title',
            defaultMessage: 'Validating the rows with the changed settings…',
          })}
        </Typography>
        <ProgressBar
          value={percent}
          aria-label={formatMessage({
            id: 'crm.import.validating.progress',
            defaultMessage: 'Validation progress',
          })}
        />
        <Typography variant="pi" textColor="neutral600" data-testid="import-validating-progress">
          {formatMessage(
            {
              id: 'crm.import.start.progressText',
              defaultMessage: '{done} of {total} rows ({percent}%)',
            },
            { done: formatCount(done), total: formatCount(total), percent: String(percent) }
          )}
        </Typography>
      </Flex>
    </Box>
  );
};
