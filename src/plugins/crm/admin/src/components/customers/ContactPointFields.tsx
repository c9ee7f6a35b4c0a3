import { Field, Grid, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { ContactPointKind } from '../../../../contracts';
import { useValueLabel } from '../../hooks/useValueLabel';
import { POINT_FIELDS, type PointDraft } from './contact-point-draft';

interface ContactPointFieldsProps {
  kind: ContactPointKind;
  row: PointDraft;
  types: readonly string[];
  /** Types another point of the customer already has (one of each type). */
  takenTypes?: readonly string[];
  /** The label of the type select ("Phone 2 type"). */
  typeLabel: string;
  /** The field names' prefix, e.g. `phones.1.`. */
  namePrefix?: string;
  onChange: (row: PointDraft) => void;
  /** The server's message for one of the point's fields (`type`, `number`…), if any. */
  errorOf: (field: string) => string | undefined;
  /** Shown at the end of the row (a remove button). */
  trailing?: React.ReactNode;
  /** Focused when shown (a dialog's first field). */
  autoFocus?: boolean;
}

/** The type and text fields of one contact point, as the New customer dialog and the overview edit it. */
export const ContactPointFields = ({
  kind,
  row,
  types,
  takenTypes = [],
  typeLabel,
  namePrefix = '',
  onChange,
  errorOf,
  trailing,
  autoFocus,
}: ContactPointFieldsProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  return (
    <Grid.Root gap={3}>
      <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
        <Field.Root name={`${namePrefix}type`} error={errorOf('type')}>
          <Field.Label>{typeLabel}</Field.Label>
          <SingleSelect
            value={row.type}
            onChange={(type: string | number) => onChange({ ...row, type: String(type) })}
          >
            {types.map((type) => (
              <SingleSelectOption
                key={type}
                value={type}
                disabled={type !== row.type && takenTypes.includes(type)}
              >
                {valueLabel(type)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
          <Field.Error />
        </Field.Root>
      </Grid.Item>
      {POINT_FIELDS[kind].map((field, index) => (
        <Grid.Item
          key={field.name}
          col={kind === 'address' ? field.col : 8}
          s={12}
          direction="column"
          alignItems="stretch"
        >
          <Field.Root
            name={`${namePrefix}${field.name}`}
            required={field.required}
            error={errorOf(field.name)}
          >
            <Field.Label>{formatMessage(field.label)}</Field.Label>
            <TextInput
              autoFocus={autoFocus && index === 0}
              value={row.fields[field.name] ?? ''}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                onChange({ ...row, fields: { ...row.fields, [field.name]: event.target.value } })
              }
            />
            <Field.Error />
          </Field.Root>
        </Grid.Item>
      ))}
      {trailing && (
        <Grid.Item col={1} s={12} alignItems="flex-end" paddingTop={6}>
          {trailing}
        </Grid.Item>
      )}
    </Grid.Root>
  );
};
