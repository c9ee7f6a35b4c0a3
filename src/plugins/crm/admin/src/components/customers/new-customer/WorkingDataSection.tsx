import {
  Field,
  Grid,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { CUSTOMER_STATUSES } from '../../../../../contracts';
import { useValueLabel } from '../../../hooks/useValueLabel';
import type { Draft, ErrorAt, SetDraft } from './draft';

/** How the CRM works with the customer: its status and its id in the system it came from. */
export const WorkingDataSection = ({
  draft,
  setDraft,
  errorAt,
}: {
  draft: Draft;
  setDraft: SetDraft;
  errorAt: ErrorAt;
}) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const setField = (name: string, value: string) =>
    setDraft((current) => ({ ...current, fields: { ...current.fields, [name]: value } }));
  return (
    <Grid.Root gap={4}>
      <Grid.Item col={12} direction="column" alignItems="stretch">
        <Typography variant="pi" fontWeight="bold" tag="h3">
          {formatMessage({ id: 'crm.edit.workingData', defaultMessage: 'Working data' })}
        </Typography>
      </Grid.Item>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <Field.Root name="status" error={errorAt(['status'])}>
          <Field.Label>
            {formatMessage({ id: 'crm.edit.status', defaultMessage: 'Status' })}
          </Field.Label>
          <SingleSelect
            value={draft.fields.status || 'active'}
            onChange={(value: string | number) => setField('status', String(value))}
          >
            {CUSTOMER_STATUSES.map((status) => (
              <SingleSelectOption key={status} value={status}>
                {valueLabel(status)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
        <Field.Root
          name="externalId"
          error={errorAt(['externalId'])}
          hint={formatMessage({
            id: 'crm.edit.externalIdHint',
            defaultMessage: 'The customer’s id in the system it came from',
          })}
        >
          <Field.Label>
            {formatMessage({ id: 'crm.edit.externalId', defaultMessage: 'External ID' })}
          </Field.Label>
          <TextInput
            value={draft.fields.externalId ?? ''}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
              setField('externalId', event.target.value)
            }
          />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
      </Grid.Item>
    </Grid.Root>
  );
};
