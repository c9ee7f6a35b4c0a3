import {
  Field,
  Flex,
  Grid,
  Radio,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import {
  CUSTOMER_TYPES,
  GENDERS,
  MARITAL_STATUSES,
  type CustomerType,
} from '../../../../../contracts';
import { useValueLabel } from '../../../hooks/useValueLabel';
import { NAME_FIELDS, type Draft, type ErrorAt, type SetDraft } from './draft';

interface SectionProps {
  draft: Draft;
  setDraft: SetDraft;
  errorAt: ErrorAt;
}

const EnumSelect = ({
  name,
  label,
  values,
  draft,
  setDraft,
  errorAt,
}: SectionProps & { name: string; label: string; values: readonly string[] }) => {
  const valueLabel = useValueLabel();
  return (
    <Field.Root name={name} error={errorAt([name])}>
      <Field.Label>{label}</Field.Label>
      <SingleSelect
        placeholder="—"
        value={draft.fields[name] ?? ''}
        onChange={(value: string | number) =>
          setDraft((current) => ({
            ...current,
            fields: { ...current.fields, [name]: String(value) },
          }))
        }
      >
        {values.map((value) => (
          <SingleSelectOption key={value} value={value}>
            {valueLabel(value)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Error />
    </Field.Root>
  );
};

/**
 * Who the customer is: its type, its name, and for an individual gender, birth date, marital
 * status and SSN (`ssnHint` says what a blank SSN means; "masked once saved" by default).
 */
export const IdentitySection = ({
  draft,
  setDraft,
  errorAt,
  ssnHint,
}: SectionProps & { ssnHint?: string }) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const setField = (name: string, value: string) =>
    setDraft((current) => ({ ...current, fields: { ...current.fields, [name]: value } }));
  const textField = (name: string, type?: string) => (
    <TextInput
      type={type}
      autoComplete={type === 'password' ? 'off' : undefined}
      value={draft.fields[name] ?? ''}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => setField(name, event.target.value)}
    />
  );
  const typeLabel = formatMessage({ id: 'crm.newCustomer.type', defaultMessage: 'Customer type' });

  return (
    <>
      <Field.Root name="type" error={errorAt(['type'])}>
        <Field.Label>{typeLabel}</Field.Label>
        <Radio.Group
          aria-label={typeLabel}
          value={draft.type}
          onValueChange={(type: string) =>
            setDraft((current) => ({ ...current, type: type as CustomerType }))
          }
        >
          <Flex gap={4}>
            {CUSTOMER_TYPES.map((type) => (
              <Radio.Item key={type} value={type}>
                {valueLabel(type)}
              </Radio.Item>
            ))}
          </Flex>
        </Radio.Group>
        <Field.Error />
      </Field.Root>
      <Grid.Root gap={4}>
        {NAME_FIELDS[draft.type].map((field) => (
          <Grid.Item
            key={field.name}
            col={draft.type === 'business' ? 12 : 4}
            s={12}
            direction="column"
            alignItems="stretch"
          >
            <Field.Root name={field.name} required={field.required} error={errorAt([field.name])}>
              <Field.Label>{formatMessage(field.label)}</Field.Label>
              {textField(field.name)}
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        ))}
        {draft.type === 'individual' && (
          <>
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              <EnumSelect
                name="gender"
                label={formatMessage({ id: 'crm.newCustomer.gender', defaultMessage: 'Gender' })}
                values={GENDERS}
                draft={draft}
                setDraft={setDraft}
                errorAt={errorAt}
              />
            </Grid.Item>
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              <Field.Root name="dateOfBirth" error={errorAt(['dateOfBirth'])}>
                <Field.Label>
                  {formatMessage({
                    id: 'crm.newCustomer.dateOfBirth',
                    defaultMessage: 'Date of birth',
                  })}
                </Field.Label>
                {textField('dateOfBirth', 'date')}
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              <EnumSelect
                name="maritalStatus"
                label={formatMessage({
                  id: 'crm.newCustomer.maritalStatus',
                  defaultMessage: 'Marital status',
                })}
                values={MARITAL_STATUSES}
                draft={draft}
                setDraft={setDraft}
                errorAt={errorAt}
              />
            </Grid.Item>
            <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
              <Field.Root
                name="ssn"
                error={errorAt(['ssn'])}
                hint={
                  ssnHint ??
                  formatMessage({
                    id: 'crm.newCustomer.ssnHint',
                    defaultMessage: 'Masked once saved',
                  })
                }
              >
                <Field.Label>
                  {formatMessage({ id: 'crm.newCustomer.ssn', defaultMessage: 'SSN' })}
                </Field.Label>
                {textField('ssn', 'password')}
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
          </>
        )}
      </Grid.Root>
    </>
  );
};
