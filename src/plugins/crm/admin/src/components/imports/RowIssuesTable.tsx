import { Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ImportRowOutcome, ImportRowStatus } from '../../../../contracts';
import { StageStatus } from '../StageStatus';
import { useFieldLabel, useImportLabels } from './labels';

/** A row of the file and what is wrong with it (or became of it). */
export interface RowIssue {
  key: string;
  line: number;
  status?: ImportRowStatus;
  /** For an imported row, what it did to its record: shown in place of its status. */
  outcome?: ImportRowOutcome;
  /** The field at fault; '' when the row as a whole is. */
  field?: string;
  /** A few of the row's cells, to recognise it by. */
  cells?: string;
  reason: string;
}

type Column = 'status' | 'field' | 'cells';

/** The rows of an import with their line, the columns asked for, and the reason: the validation list and the log. */
export const RowIssuesTable = ({
  rows,
  columns,
  testId,
}: {
  rows: RowIssue[];
  columns: Column[];
  testId: string;
}) => {
  const { formatMessage } = useIntl();
  const { rowStatuses, rowOutcomes } = useImportLabels();
  const fieldLabel = useFieldLabel();
  const titles: Record<Column, string> = {
    status: formatMessage({ id: 'crm.import.issues.status', defaultMessage: 'Status' }),
    field: formatMessage({ id: 'crm.import.issues.field', defaultMessage: 'Field' }),
    cells: formatMessage({ id: 'crm.import.issues.row', defaultMessage: 'Row' }),
  };
  const wholeRow = formatMessage({ id: 'crm.import.issues.wholeRow', defaultMessage: '(row)' });

  const cell = (column: Column, row: RowIssue) => {
    if (column === 'status' && row.status) {
      const status = row.outcome ? rowOutcomes[row.outcome] : rowStatuses[row.status];
      return <StageStatus variant={status.variant} label={status.label} />;
    }
    if (column === 'cells') {
      return (
        <Typography variant="pi" textColor="neutral700" ellipsis style={{ maxWidth: '40rem' }}>
          {row.cells}
        </Typography>
      );
    }
    return <Typography>{row.field ? fieldLabel(row.field) : wholeRow}</Typography>;
  };

  return (
    <Table colCount={columns.length + 2} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {[
            formatMessage({ id: 'crm.import.issues.line', defaultMessage: 'Line' }),
            ...columns.map((column) => titles[column]),
            formatMessage({ id: 'crm.import.issues.reason', defaultMessage: 'Reason' }),
          ].map((title) => (
            <Th key={title}>
              <Typography variant="sigma">{title}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr key={row.key} data-testid={testId}>
            <Td>
              <Typography>{row.line}</Typography>
            </Td>
            {columns.map((column) => (
              <Td key={column}>{cell(column, row)}</Td>
            ))}
            <Td>
              <Typography>{row.reason}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
