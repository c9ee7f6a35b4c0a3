import { Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useState } from 'react';

import { formatCount } from '../../utils/format';
import { useNotify } from '../../utils/notify';
import { fieldLabel } from './labels';
import { StepFooter } from './StepFooter';
import type { ImportJob } from './types';
import { useImportApi } from './useImportApi';

const NOT_IMPORTED = '__none__';

/**
 * Step 2: each column of the file, a few of its values and the field it fills. The server mapped
 * them by name; any change is sent at once and the server validates every row again.
 */
export const MappingStep = ({ job, onJobChange, onNext }: { job: ImportJob; onJobChange: (job: ImportJob) => void; onNext: () => void }) => {
  const api = useImportApi();
  const { notifyError } = useNotify();
  const [saving, setSaving] = useState<string | null>(null);

  const change = async (header: string, value: string) => {
    setSaving(header);
    try {
      onJobChange(await api.setMapping(job.documentId, { [header]: value === NOT_IMPORTED ? null : value }));
    } catch (error) {
      notifyError(error, 'The mapping could not be saved');
    } finally {
      setSaving(null);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography textColor="neutral600" tag="p">
        {formatCount(job.columns.length)} columns, {formatCount(job.counts.total)} rows: {formatCount(job.counts.valid)} valid and{' '}
        {formatCount(job.counts.invalid)} invalid with this mapping. Columns set to “Do not import” are left out.
      </Typography>
      {job.columns.length === 0 ? (
        <Typography>The file has no columns.</Typography>
      ) : (
        <Table colCount={3} rowCount={job.columns.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">Column in the file</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">Sample values</Typography>
              </Th>
              <Th>
                <Typography variant="sigma">Imported as</Typography>
              </Th>
            </Tr>
          </Thead>
          <Tbody>
            {job.columns.map((column) => (
              <Tr key={column.header} data-testid={`mapping-row-${column.header}`}>
                <Td>
                  <Typography fontWeight="bold">{column.header}</Typography>
                </Td>
                <Td>
                  {column.samples.length ? (
                    <Flex direction="column" alignItems="flex-start">
                      {column.samples.map((sample, i) => (
                        <Typography key={i} variant="pi" textColor="neutral700" ellipsis style={{ maxWidth: '32rem' }}>
                          {sample}
                        </Typography>
                      ))}
                    </Flex>
                  ) : (
                    <Typography variant="pi" textColor="neutral500">
                      (empty)
                    </Typography>
                  )}
                </Td>
                <Td>
                  <SingleSelect
                    aria-label={`Field for column ${column.header}`}
                    value={column.field ?? NOT_IMPORTED}
                    onChange={(value: string | number) => change(column.header, String(value))}
                    disabled={saving !== null}
                    loading={saving === column.header}
                    size="S"
                  >
                    <SingleSelectOption value={NOT_IMPORTED}>Do not import</SingleSelectOption>
                    {job.fields.map((field) => (
                      <SingleSelectOption key={field} value={field}>
                        {fieldLabel(field)}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
      <StepFooter onNext={onNext} nextLabel="Check the rows" nextDisabled={saving !== null} />
    </Flex>
  );
};
