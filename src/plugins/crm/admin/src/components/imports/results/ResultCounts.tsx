import { Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ImportJob } from '../../../../../contracts';
import { CountBox } from '../CountBox';
import { useImportLabels } from '../labels';

/**
 * What became of the file's rows: imported, split into created, updated and unchanged records,
 * then ignored and failed. Jobs run before imports could update records have no split.
 */
export const ResultCounts = ({ counts }: { counts: ImportJob['counts'] }) => {
  const { formatMessage } = useIntl();
  const { rowOutcomes } = useImportLabels();
  const split = counts.created !== undefined;
  return (
    <Flex gap={4} wrap="wrap">
      <CountBox
        label={formatMessage({ id: 'crm.import.row.imported', defaultMessage: 'Imported' })}
        name="imported"
        value={counts.imported}
        tone="success600"
      />
      {split ? (
        <>
          <CountBox
            label={rowOutcomes.created.label}
            name="created"
            value={counts.created}
            tone="success600"
          />
          <CountBox
            label={rowOutcomes.updated.label}
            name="updated"
            value={counts.updated}
            tone="primary600"
          />
          <CountBox label={rowOutcomes.unchanged.label} name="unchanged" value={counts.unchanged} />
        </>
      ) : null}
      <CountBox
        label={formatMessage({ id: 'crm.import.results.ignored', defaultMessage: 'Ignored' })}
        name="ignored"
        value={counts.ignored}
        tone="warning600"
      />
      <CountBox
        label={formatMessage({ id: 'crm.import.row.failed', defaultMessage: 'Failed' })}
        name="failed"
        value={counts.failed}
        tone="danger600"
      />
      <CountBox
        label={formatMessage({ id: 'crm.import.rowsInFile', defaultMessage: 'Rows in the file' })}
        name="total"
        value={counts.total}
      />
    </Flex>
  );
};
