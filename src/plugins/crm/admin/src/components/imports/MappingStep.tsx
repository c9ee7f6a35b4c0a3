import {
  Flex,
  SingleSelect,
  SingleSelectOption,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';

import type { DateOrder, ImportJob } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { formatCount } from '../../utils/format';
import { DateOrders } from './DateOrders';
import { FileSummary } from './FileSummary';
import { useFieldLabel } from './labels';
import { StepFooter } from './StepFooter';

const NOT_IMPORTED = '__none__';

/**
 * Step 2: each column of the file, a few of its values and the field it fills. The server mapped
 * them by name; any change is sent at once and the server validates every row again, in the
 * background: the page follows it until the job is validated.
 */
export const MappingStep = ({
  job,
  onJobChange,
  onNext,
}: {
  job: ImportJob;
  onJobChange: (job: ImportJob) => void;
  onNext: () => void;
}) => {
  const { formatMessage } = useIntl();
  const fieldLabel = useFieldLabel();
  const api = useCrmApi();
  const { notifyError } = useRequestErrors();
  const [saving, setSaving] = useState<string | null>(null);
  // Another change waits until the rows are validated with this one (the server refuses it meanwhile).
  const busy = saving !== null || job.stage === 'validating';

  const change = async (header: string, value: string) => {
    setSaving(header);
    try {
      onJobChange(
        await api.imports.setMapping(job.documentId, {
          [header]: value === NOT_IMPORTED ? null : value,
        })
      );
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(null);
    }
  };

  const chooseDateOrder = async (header: string, order: DateOrder) => {
    setSaving(header);
    try {
      onJobChange(await api.imports.setMapping(job.documentId, {}, { [header]: order }));
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(null);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <FileSummary job={job} />
      <DateOrders dateFormats={job.dateFormats} saving={saving} onChoose={chooseDateOrder} />
      <Typography textColor="neutral600" tag="p">
        {formatMessage(
          {
            id: 'crm.import.mapping.intro',
            defaultMessage:
              '{columns} columns, {total} rows: {valid} valid and {invalid} invalid with this mapping. Columns set to “Do not import” are left out.',
          },
          {
            columns: formatCount(job.columns.length),
            total: formatCount(job.counts.total),
            valid: formatCount(job.counts.valid),
            invalid: formatCount(job.counts.invalid),
          }
        )}
      </Typography>
      {job.columns.length === 0 ? (
        <Typography>
          {formatMessage({
            id: 'crm.import.mapping.noColumns',
            defaultMessage: 'The file has no columns.',
          })}
        </Typography>
      ) : (
        <Table colCount={3} rowCount={job.columns.length + 1}>
          <Thead>
            <Tr>
              <Th>
                <Typography variant="sigma">
                  {formatMessage({
                    id: 'crm.import.mapping.column',
                    defaultMessage: 'Column in the file',
                  })}
                </Typography>
              </Th>
              <Th>
                <Typography variant="sigma">
                  {formatMessage({
                    id: 'crm.import.mapping.samples',
                    defaultMessage: 'Sample values',
                  })}
                </Typography>
              </Th>
              <Th>
                <Typography variant="sigma">
                  {formatMessage({
                    id: 'crm.import.mapping.importedAs',
                    defaultMessage: 'Imported as',
                  })}
                </Typography>
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
                        <Typography
                          key={i}
                          variant="pi"
                          textColor="neutral700"
                          ellipsis
                          style={{ maxWidth: '32rem' }}
                        >
                          {sample}
                        </Typography>
                      ))}
                    </Flex>
                  ) : (
                    <Typography variant="pi" textColor="neutral600">
                      {formatMessage({ id: 'crm.import.mapping.empty', defaultMessage: '(empty)' })}
                    </Typography>
                  )}
                </Td>
                <Td>
                  <SingleSelect
                    aria-label={formatMessage(
                      {
                        id: 'crm.import.mapping.fieldFor',
                        defaultMessage: 'Field for column {column}',
                      },
                      { column: column.header }
                    )}
                    value={column.field ?? NOT_IMPORTED}
                    onChange={(value: string | number) => change(column.header, String(value))}
                    disabled={busy}
                    loading={saving === column.header}
                    size="S"
                  >
                    <SingleSelectOption value={NOT_IMPORTED}>
                      {formatMessage({
                        id: 'crm.import.mapping.doNotImport',
                        defaultMessage: 'Do not import',
                      })}
                    </SingleSelectOption>
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
      <StepFooter
        onNext={onNext}
        nextLabel={formatMessage({
          id: 'crm.import.mapping.next',
          defaultMessage: 'Choose the import mode',
        })}
        nextDisabled={busy}
      />
    </Flex>
  );
};
