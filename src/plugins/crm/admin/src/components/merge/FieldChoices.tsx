import { Box, Flex, Radio, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { Customer } from '../../../../contracts';
import { useValueLabel } from '../../hooks/useValueLabel';
import { ActiveBadge } from '../ActiveBadge';
import { customerName } from '../customers/model';
import { allSame, defaultSource, type MergeField, valueOf } from './model';

interface FieldChoicesProps {
  /** The records, survivor first. */
  ordered: Customer[];
  fields: MergeField[];
  chosen: Record<string, string>;
  onChoose: (field: string, documentId: string) => void;
}

/**
 * The records side by side, one column each (survivor first), one row per field: a radio on each
 * record's value picks the one the survivor keeps. Fields with one value in every record show it
 * once, with nothing to choose.
 */
export const FieldChoices = ({ ordered, fields, chosen, onChoose }: FieldChoicesProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const columns = `minmax(14rem, auto) repeat(${ordered.length}, minmax(0, 1fr))`;
  const empty = formatMessage({ id: 'crm.merge.empty', defaultMessage: '(empty)' });

  const shown = (customer: Customer, field: MergeField) => {
    const value = valueOf(customer, field.name);
    if (field.kind === 'boolean')
      return value === true
        ? formatMessage({ id: 'crm.merge.yes', defaultMessage: 'Yes' })
        : formatMessage({ id: 'crm.merge.no', defaultMessage: 'No' });
    if (value === null || value === undefined || value === '') return empty;
    if (field.kind === 'customer')
      return customer.primaryContact ? customerName(customer.primaryContact) : String(value);
    if (field.kind === 'enum') return valueLabel(String(value));
    return String(value);
  };

  return (
    <Box
      data-testid="crm-merge-fields"
      style={{
        display: 'grid',
        gridTemplateColumns: columns,
        columnGap: '1.6rem',
        rowGap: '1.2rem',
      }}
    >
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage({ id: 'crm.merge.field', defaultMessage: 'Field' })}
      </Typography>
      {ordered.map((record, index) => (
        <Flex key={record.documentId} gap={2} wrap="wrap">
          <Typography variant="sigma" textColor="neutral800">
            {customerName(record)}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            {record.customerNumber}
          </Typography>
          {index === 0 && (
            <ActiveBadge>
              {formatMessage({ id: 'crm.merge.survivorBadge', defaultMessage: 'Survivor' })}
            </ActiveBadge>
          )}
        </Flex>
      ))}
      {fields.map((field) => {
        const label = formatMessage(field.label);
        const same = allSame(ordered, field.name);
        return (
          <React.Fragment key={field.name}>
            <Typography fontWeight="semiBold" id={`crm-merge-field-${field.name}`}>
              {label}
            </Typography>
            {same ? (
              <Typography
                textColor="neutral600"
                style={{ gridColumn: `span ${ordered.length}` }}
                data-testid={`crm-merge-same-${field.name}`}
              >
                {shown(ordered[0], field)}
              </Typography>
            ) : (
              <Radio.Group
                aria-labelledby={`crm-merge-field-${field.name}`}
                value={chosen[field.name] ?? defaultSource(ordered, field.name)}
                onValueChange={(documentId: string) => onChoose(field.name, documentId)}
                style={{ display: 'contents' }}
              >
                {ordered.map((record) => (
                  <Radio.Item
                    key={record.documentId}
                    value={record.documentId}
                    aria-label={`${label}: ${shown(record, field)} (${customerName(record)})`}
                  >
                    {shown(record, field)}
                  </Radio.Item>
                ))}
              </Radio.Group>
            )}
          </React.Fragment>
        );
      })}
    </Box>
  );
};
