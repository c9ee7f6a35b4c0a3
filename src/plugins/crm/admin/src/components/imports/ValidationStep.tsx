import { Button, EmptyStateLayout, Flex, Searchbar, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useMemo, useState } from 'react';

import { formatCount } from '../../utils/format';
import { CountBox } from './CountBox';
import { fieldLabel } from './labels';
import { StepFooter } from './StepFooter';
import type { ImportJob } from './types';

const PAGE_SIZE = 20;
const ALL = '__all__';

/**
 * Step 3: the rows the server found invalid, with line, field and reason, filterable by field and
 * text. Invalid rows are left out of the import and can be downloaded with the ignored rows.
 */
export const ValidationStep = ({ job, onBack, onNext }: { job: ImportJob; onBack: () => void; onNext: () => void }) => {
  const [field, setField] = useState<string>(ALL);
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);

  const fields = useMemo(() => [...new Set(job.errors.map((issue) => issue.field))].sort(), [job.errors]);
  const filtered = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return job.errors.filter(
      (issue) =>
        (field === ALL || issue.field === field) &&
        (!needle || issue.reason.toLowerCase().includes(needle) || String(issue.line).includes(needle) || issue.field.toLowerCase().includes(needle))
    );
  }, [job.errors, field, text]);
  const pageCount = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const shown = filtered.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const invalidLines = new Set(job.errors.map((issue) => issue.line)).size;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} wrap="wrap">
        <CountBox label="Rows" name="total" value={job.counts.total} />
        <CountBox label="Valid" name="valid" value={job.counts.valid} tone="success600" />
        <CountBox label="Invalid" name="invalid" value={job.counts.invalid} tone="danger600" />
      </Flex>

      {job.errors.length === 0 ? (
        <EmptyStateLayout icon={<Check width="6.4rem" height="6.4rem" />} content="Every row is valid: nothing will be left out." />
      ) : (
        <>
          <Typography textColor="neutral600" tag="p">
            These rows will not be imported. Fix them in the file and import them again, or download them with the ignored rows at the end.
            {(job.counts.invalid ?? 0) > invalidLines ? ` The first ${formatCount(invalidLines)} invalid rows are listed.` : ''}
          </Typography>
          <Flex gap={4} alignItems="flex-end" wrap="wrap">
            <div style={{ minWidth: '24rem' }}>
              <SingleSelect
                aria-label="Filter by field"
                value={field}
                onChange={(value: string | number) => {
                  setField(String(value));
                  setPage(1);
                }}
                size="S"
              >
                <SingleSelectOption value={ALL}>All fields</SingleSelectOption>
                {fields.map((name) => (
                  <SingleSelectOption key={name} value={name}>
                    {name ? fieldLabel(name) : '(row)'}
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
                clearLabel="Clear the filter"
                placeholder="Filter by line or reason"
                size="S"
              >
                Filter by line or reason
              </Searchbar>
            </div>
          </Flex>
          {filtered.length === 0 ? (
            <Typography textColor="neutral600">No invalid row matches this filter.</Typography>
          ) : (
            <Table colCount={3} rowCount={shown.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    <Typography variant="sigma">Line</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Field</Typography>
                  </Th>
                  <Th>
                    <Typography variant="sigma">Reason</Typography>
                  </Th>
                </Tr>
              </Thead>
              <Tbody>
                {shown.map((issue, i) => (
                  <Tr key={`${issue.line}-${issue.field}-${i}`} data-testid="validation-error-row">
                    <Td>
                      <Typography>{issue.line}</Typography>
                    </Td>
                    <Td>
                      <Typography>{issue.field ? fieldLabel(issue.field) : '(row)'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{issue.reason}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
          {pageCount > 1 ? (
            <Flex gap={2} justifyContent="flex-end">
              <Button variant="tertiary" size="S" disabled={current <= 1} onClick={() => setPage(current - 1)}>
                Previous
              </Button>
              <Typography variant="pi">
                Page {current} of {pageCount}
              </Typography>
              <Button variant="tertiary" size="S" disabled={current >= pageCount} onClick={() => setPage(current + 1)}>
                Next
              </Button>
            </Flex>
          ) : null}
        </>
      )}
      <StepFooter
        onBack={onBack}
        backLabel="Map columns"
        onNext={onNext}
        nextLabel={job.object === 'contacts' ? 'Reference data' : 'Review and start'}
        nextDisabled={(job.counts.valid ?? 0) === 0}
      />
    </Flex>
  );
};
