import { Box, Checkbox, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { FieldRow, NameField } from './choices';
import { useRowLabels } from './useRowLabels';

interface FieldComparisonProps {
  rows: FieldRow[];
  ticked: NameField[];
  onTick: (field: NameField, checked: boolean) => void;
  /** The server's message per field of a refused update. */
  errors: Record<string, string>;
}

/**
 * The customer's values beside the found ones, one row per field: a tick box takes a name field;
 * values the customer has no field for are shown without one, for information.
 */
export const FieldComparison = ({ rows, ticked, onTick, errors }: FieldComparisonProps) => {
  const { formatMessage } = useIntl();
  const labels = useRowLabels();
  const empty = formatMessage({ id: 'crm.socialLookup.empty', defaultMessage: '(empty)' });
  const infoOnly = formatMessage({
    id: 'crm.socialLookup.infoOnly',
    defaultMessage: 'For information: the customer has no such field',
  });
  const heading = (text: string) => (
    <Typography variant="sigma" textColor="neutral600" role="columnheader">
      {text}
    </Typography>
  );

  return (
    <Box
      role="table"
      aria-label={formatMessage({
        id: 'crm.socialLookup.fieldsLabel',
        defaultMessage: 'Entered and found values',
      })}
      data-testid="crm-social-fields"
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(12rem, auto) minmax(0, 1fr) minmax(0, 1fr)',
        columnGap: '1.6rem',
        rowGap: '1.2rem',
        alignItems: 'center',
      }}
    >
      <div role="row" style={{ display: 'contents' }}>
        {heading(formatMessage({ id: 'crm.socialLookup.field', defaultMessage: 'Field' }))}
        {heading(formatMessage({ id: 'crm.socialLookup.entered', defaultMessage: 'Entered' }))}
        {heading(formatMessage({ id: 'crm.socialLookup.found', defaultMessage: 'Found' }))}
      </div>
      {rows.map((row) => {
        const label = labels[row.label];
        const error = row.field ? errors[row.field] : undefined;
        return (
          <div role="row" key={row.key} style={{ display: 'contents' }}>
            <Typography fontWeight="semiBold" role="rowheader">
              {label}
            </Typography>
            <Typography role="cell" textColor="neutral600">
              {row.field ? (row.entered ?? empty) : infoOnly}
            </Typography>
            <Box role="cell">
              {row.field ? (
                <Checkbox
                  name={`social-${row.field}`}
                  checked={ticked.includes(row.field)}
                  onCheckedChange={(checked: boolean | 'indeterminate') =>
                    onTick(row.field!, checked === true)
                  }
                  aria-label={formatMessage(
                    { id: 'crm.socialLookup.takeField', defaultMessage: 'Take {field}: {value}' },
                    { field: label, value: row.found }
                  )}
                >
                  {row.found}
                </Checkbox>
              ) : (
                <Typography>{row.found}</Typography>
              )}
              {error && (
                <Typography variant="pi" textColor="danger600" tag="p">
                  {error}
                </Typography>
              )}
            </Box>
          </div>
        );
      })}
    </Box>
  );
};
