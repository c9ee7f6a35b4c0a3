import {
  Box,
  Field,
  Flex,
  Grid,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import * as React from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';

import { CONTACT_POINT_PLURALS, type ContactPointKind } from '../../../../contracts';
import { useInlineLabel } from '../../hooks/useInlineLabel';
import { useValueLabel } from '../../hooks/useValueLabel';
import { useKindLabels } from './useKindLabels';

/** One contact point being typed in the New customer dialog. */
export interface PointDraft {
  key: number;
  type: string;
  fields: Record<string, string>;
}

/** The text fields of each kind, in the order the form shows them (`*` marks the required ones). */
export const POINT_FIELDS: Record<
  ContactPointKind,
  { name: string; label: MessageDescriptor; required?: boolean; col: number }[]
> = {
  address: [
    {
      name: 'line1',
      label: { id: 'crm.contactPoints.line1', defaultMessage: 'Line 1' },
      required: true,
      col: 6,
    },
    { name: 'line2', label: { id: 'crm.contactPoints.line2', defaultMessage: 'Line 2' }, col: 6 },
    {
      name: 'city',
      label: { id: 'crm.contactPoints.city', defaultMessage: 'City' },
      required: true,
      col: 4,
    },
    { name: 'region', label: { id: 'crm.contactPoints.region', defaultMessage: 'Region' }, col: 3 },
    {
      name: 'postalCode',
      label: { id: 'crm.contactPoints.postalCode', defaultMessage: 'Postal code' },
      col: 3,
    },
    {
      name: 'country',
      label: { id: 'crm.contactPoints.country', defaultMessage: 'Country (ISO)' },
      col: 2,
    },
  ],
  phone: [
    {
      name: 'number',
      label: { id: 'crm.contactPoints.number', defaultMessage: 'Number' },
      required: true,
      col: 8,
    },
  ],
  email: [
    {
      name: 'address',
      label: { id: 'crm.contactPoints.emailAddress', defaultMessage: 'Email address' },
      required: true,
      col: 8,
    },
  ],
};

interface ContactPointRowsProps {
  kind: ContactPointKind;
  rows: PointDraft[];
  types: readonly string[];
  limit: number;
  onePerType: boolean;
  onChange: (rows: PointDraft[]) => void;
  /** The server's message for a path under this kind (`phones.1.number`), if any. */
  errorAt: (path: (string | number)[]) => string | undefined;
}

let nextKey = 1;
export const newPointDraft = (type: string): PointDraft => ({ key: nextKey++, type, fields: {} });

/** A card per kind with a "+" button (up to the limit) and a row per contact point. */
export const ContactPointRows = ({
  kind,
  rows,
  types,
  limit,
  onePerType,
  onChange,
  errorAt,
}: ContactPointRowsProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const plural = CONTACT_POINT_PLURALS[kind];
  const labels = useKindLabels()(kind);
  const inline = useInlineLabel();
  const unusedType = types.find((type) => !rows.some((row) => row.type === type));
  const full = rows.length >= limit || (onePerType && !unusedType);
  const kindError = errorAt([plural]);

  const update = (index: number, change: Partial<PointDraft> | ((row: PointDraft) => PointDraft)) =>
    onChange(
      rows.map((row, i) =>
        i === index ? (typeof change === 'function' ? change(row) : { ...row, ...change }) : row
      )
    );

  return (
    <Box
      padding={4}
      hasRadius
      borderColor="neutral200"
      background="neutral0"
      data-testid={`crm-${plural}`}
    >
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={rows.length ? 3 : 0}>
        <Typography variant="delta" tag="h3">
          {labels.many}
          <Typography variant="pi" textColor="neutral600">
            {' '}
            ({rows.length}/{limit})
          </Typography>
        </Typography>
        <IconButton
          label={formatMessage(
            { id: 'crm.contactPoints.add', defaultMessage: 'Add {kind}' },
            { kind: inline(labels.one) }
          )}
          disabled={full}
          onClick={() => onChange([...rows, newPointDraft(unusedType ?? types[0])])}
          type="button"
        >
          <Plus />
        </IconButton>
      </Flex>
      {kindError && (
        <Typography textColor="danger600" variant="pi" tag="p">
          {kindError}
        </Typography>
      )}
      <Flex direction="column" alignItems="stretch" gap={3}>
        {rows.map((row, index) => {
          const rowError = errorAt([plural, index]);
          return (
            <Box key={row.key} data-testid={`crm-${kind}-row-${index}`}>
              <Grid.Root gap={3}>
                <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                  <Field.Root
                    name={`${plural}.${index}.type`}
                    error={errorAt([plural, index, 'type'])}
                  >
                    <Field.Label>
                      {formatMessage(
                        {
                          id: 'crm.contactPoints.typeLabel',
                          defaultMessage: '{kind} {position} type',
                        },
                        { kind: labels.one, position: index + 1 }
                      )}
                    </Field.Label>
                    <SingleSelect
                      value={row.type}
                      onChange={(type: string | number) => update(index, { type: String(type) })}
                    >
                      {types.map((type) => (
                        <SingleSelectOption
                          key={type}
                          value={type}
                          disabled={
                            onePerType &&
                            type !== row.type &&
                            rows.some((other) => other.type === type)
                          }
                        >
                          {valueLabel(type)}
                        </SingleSelectOption>
                      ))}
                    </SingleSelect>
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
                {POINT_FIELDS[kind].map((field) => (
                  <Grid.Item
                    key={field.name}
                    col={kind === 'address' ? field.col : 8}
                    s={12}
                    direction="column"
                    alignItems="stretch"
                  >
                    <Field.Root
                      name={`${plural}.${index}.${field.name}`}
                      required={field.required}
                      error={errorAt([plural, index, field.name])}
                    >
                      <Field.Label>{formatMessage(field.label)}</Field.Label>
                      <TextInput
                        value={row.fields[field.name] ?? ''}
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                          update(index, (current) => ({
                            ...current,
                            fields: { ...current.fields, [field.name]: event.target.value },
                          }))
                        }
                      />
                      <Field.Error />
                    </Field.Root>
                  </Grid.Item>
                ))}
                <Grid.Item col={1} s={12} alignItems="flex-end" paddingTop={6}>
                  <IconButton
                    label={formatMessage(
                      {
                        id: 'crm.contactPoints.remove',
                        defaultMessage: 'Remove {kind} {position}',
                      },
                      { kind: inline(labels.one), position: index + 1 }
                    )}
                    variant="ghost"
                    onClick={() => onChange(rows.filter((_, i) => i !== index))}
                    type="button"
                  >
                    <Trash />
                  </IconButton>
                </Grid.Item>
              </Grid.Root>
              {rowError && (
                <Typography textColor="danger600" variant="pi" tag="p">
                  {rowError}
                </Typography>
              )}
            </Box>
          );
        })}
      </Flex>
    </Box>
  );
};
