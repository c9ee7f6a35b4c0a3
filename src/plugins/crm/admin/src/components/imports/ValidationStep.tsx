import {
  EmptyStateLayout,
  Flex,
  Searchbar,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';

import type { ImportJob } from '../../../../contracts';
import { formatCount } from '../../utils/format';
import { Pager } from '../common/Pager';
import { CountBox } from './CountBox';
import { useFieldLabel } from './labels';
import { RowIssuesTable } from './RowIssuesTable';
import { StepFooter } from './StepFooter';

const PAGE_SIZE = 20;
const ALL = '__all__';

/**
 * Step 4: the rows the server found invalid, with line, field and reason, filterable by field and
 * text. Invalid rows are left out of the import and can be downloaded with the ignored rows.
 */
export const ValidationStep = ({
  job,
  onBack,
  onNext,
}: {
  job: ImportJob;
  onBack: () => void;
  onNext: () => void;
}) => {
  const { formatMessage } = useIntl();
  const fieldLabel = useFieldLabel();
  const [field, setField] = useState<string>(ALL);
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);

  const fields = useMemo(
    () => [...new Set(job.errors.map((issue) => issue.field))].sort(),
    [job.errors]
  );
  const filtered = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return job.errors.filter(
      (issue) =>
        (field === ALL || issue.field === field) &&
        (!needle ||
          issue.reason.toLowerCase().includes(needle) ||
          String(issue.line).includes(needle) ||
          issue.field.toLowerCase().includes(needle))
    );
  }, [job.errors, field, text]);
  const pageCount = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const shown = filtered.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const invalidLines = new Set(job.errors.map((issue) => issue.line)).size;
  const filterLabel = formatMessage({
    id: 'crm.import.validation.filterText',
    defaultMessage: 'Filter by line or reason',
  });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} wrap="wrap">
        <CountBox
          label={formatMessage({ id: 'crm.import.validation.rows', defaultMessage: 'Rows' })}
          name="total"
          value={job.counts.total}
        />
        <CountBox
          label={formatMessage({ id: 'crm.import.row.valid', defaultMessage: 'Valid' })}
          name="valid"
          value={job.counts.valid}
          tone="success600"
        />
        <CountBox
          label={formatMessage({ id: 'crm.import.row.invalid', defaultMessage: 'Invalid' })}
          name="invalid"
          value={job.counts.invalid}
          tone="danger600"
        />
      </Flex>

      {job.errors.length === 0 ? (
        <EmptyStateLayout
          icon={<Check width="6.4rem" height="6.4rem" />}
          content={formatMessage({
            id: 'crm.import.validation.allValid',
            defaultMessage: 'Every row is valid: nothing will be left out.',
          })}
        />
      ) : (
        <>
          <Typography textColor="neutral600" tag="p">
            {formatMessage({
              id: 'crm.import.validation.intro',
              defaultMessage:
                'These rows will not be imported. Fix them in the file and import them again, or download them with the ignored rows at the end.',
            })}
            {(job.counts.invalid ?? 0) > invalidLines
              ? formatMessage(
                  {
                    id: 'crm.import.validation.firstListed',
                    defaultMessage: ' The first {count} invalid rows are listed.',
                  },
                  { count: formatCount(invalidLines) }
                )
              : ''}
          </Typography>
          <Flex gap={4} alignItems="flex-end" wrap="wrap">
            <div style={{ minWidth: '24rem' }}>
              <SingleSelect
                aria-label={formatMessage({
                  id: 'crm.import.validation.filterField',
                  defaultMessage: 'Filter by field',
                })}
                value={field}
                onChange={(value: string | number) => {
                  setField(String(value));
                  setPage(1);
                }}
                size="S"
              >
                <SingleSelectOption value={ALL}>
                  {formatMessage({
                    id: 'crm.import.validation.allFields',
                    defaultMessage: 'All fields',
                  })}
                </SingleSelectOption>
                {fields.map((name) => (
                  <SingleSelectOption key={name} value={name}>
                    {name
                      ? fieldLabel(name)
                      : formatMessage({
                          id: 'crm.import.issues.wholeRow',
                          defaultMessage: '(row)',
                        })}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </div>
            <div style={{ minWidth: '32rem' }}>
              <Searchbar
                name="validation-search"
                value={text}
                onChange={(event) => {
                  setText(event.target.value);
                  setPage(1);
                }}
                onClear={() => setText('')}
                clearLabel={formatMessage({
                  id: 'crm.import.validation.clearFilter',
                  defaultMessage: 'Clear the filter',
                })}
                placeholder={filterLabel}
                size="S"
              >
                {filterLabel}
              </Searchbar>
            </div>
          </Flex>
          {filtered.length === 0 ? (
            <Typography textColor="neutral600">
              {formatMessage({
                id: 'crm.import.validation.noMatch',
                defaultMessage: 'No invalid row matches this filter.',
              })}
            </Typography>
          ) : (
            <RowIssuesTable
              columns={['field']}
              testId="validation-error-row"
              rows={shown.map((issue, i) => ({
                key: `${issue.line}-${issue.field}-${i}`,
                line: issue.line,
                field: issue.field,
                reason: issue.reason,
              }))}
            />
          )}
          <Pager page={current} pageCount={pageCount} onChange={setPage} size="S" />
        </>
      )}
      <StepFooter
        onBack={onBack}
        backLabel={formatMessage({ id: 'crm.import.step.mode', defaultMessage: 'Import mode' })}
        onNext={onNext}
        nextLabel={
          job.object === 'contacts'
            ? formatMessage({ id: 'crm.import.step.reference', defaultMessage: 'Reference data' })
            : formatMessage({ id: 'crm.import.step.review', defaultMessage: 'Review and start' })
        }
        nextDisabled={job.stage === 'validating' || (job.counts.valid ?? 0) === 0}
      />
    </Flex>
  );
};
