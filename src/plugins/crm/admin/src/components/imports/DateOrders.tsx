import { Field, Flex, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { DATE_ORDERS, type DateOrder, type DateOrderVerdict } from '../../../../contracts';

/**
 * The order of each date column, as the server told it from all the column's values; a column
 * whose dates fit day/month and month/day alike asks which it is, and its rows wait until then.
 */
export const DateOrders = ({
  dateFormats,
  saving,
  onChoose,
}: {
  dateFormats: Record<string, DateOrderVerdict>;
  saving: string | null;
  onChoose: (header: string, order: DateOrder) => void;
}) => {
  const { formatMessage } = useIntl();
  const entries = Object.entries(dateFormats);
  if (entries.length === 0) return null;
  const names: Record<DateOrderVerdict, string> = {
    YMD: formatMessage({
      id: 'crm.import.dates.YMD',
      defaultMessage: 'Year-month-day (1985-03-15)',
    }),
    DMY: formatMessage({
      id: 'crm.import.dates.DMY',
      defaultMessage: 'Day/month/year (15/03/1985)',
    }),
    MDY: formatMessage({
      id: 'crm.import.dates.MDY',
      defaultMessage: 'Month/day/year (03/15/1985)',
    }),
    ambiguous: formatMessage({
      id: 'crm.import.dates.ambiguous',
      defaultMessage: 'Not known: its dates fit day/month and month/day',
    }),
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="import-date-orders">
      {entries.map(([header, order]) => {
        const label = formatMessage(
          { id: 'crm.import.dates.label', defaultMessage: 'Dates of “{header}”' },
          { header }
        );
        return (
          <Field.Root
            key={header}
            name={`date-order-${header}`}
            error={
              order === 'ambiguous'
                ? formatMessage({
                    id: 'crm.import.dates.ask',
                    defaultMessage:
                      'Say how these dates are written: their rows wait until you do.',
                  })
                : undefined
            }
          >
            <Field.Label>{label}</Field.Label>
            <SingleSelect
              aria-label={label}
              data-testid={`date-order-${header}`}
              value={order === 'ambiguous' ? undefined : order}
              placeholder={names.ambiguous}
              disabled={saving === header}
              onChange={(chosen: string | number) => onChoose(header, chosen as DateOrder)}
            >
              {DATE_ORDERS.map((value) => (
                <SingleSelectOption key={value} value={value}>
                  {names[value]}
                </SingleSelectOption>
              ))}
            </SingleSelect>
            <Field.Error />
          </Field.Root>
        );
      })}
      <Typography variant="pi" textColor="neutral600">
        {formatMessage({
          id: 'crm.import.dates.hint',
          defaultMessage:
            'Two-digit years are read as 2000–2029 for 00–29 and 1930–1999 for 30–99.',
        })}
      </Typography>
    </Flex>
  );
};
