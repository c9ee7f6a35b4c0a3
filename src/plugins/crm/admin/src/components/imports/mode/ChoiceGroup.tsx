import { Box, Field, Radio, Typography } from '@strapi/design-system';
import { useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
  /** One line under the option saying what it does. */
  hint: string;
}

/** A labelled set of radio options, each explained by a line under it, with the server's error. */
export const ChoiceGroup = <T extends string>({
  name,
  label,
  choices,
  value,
  error,
  onChange,
}: {
  name: string;
  label: string;
  choices: Choice<T>[];
  value: T;
  error?: string;
  onChange: (value: T) => void;
}) => {
  const hintIds = useId();
  return (
    <Field.Root name={name} error={error}>
      <Field.Label>{label}</Field.Label>
      <Radio.Group
        value={value}
        onValueChange={(chosen: string) => onChange(chosen as T)}
        aria-label={label}
        data-testid={`choice-${name}`}
      >
        {choices.map((choice) => {
          const hintId = `${hintIds}-${choice.value}`;
          return (
            <Box key={choice.value}>
              <Radio.Item value={choice.value} aria-describedby={hintId}>
                {choice.label}
              </Radio.Item>
              {/* Lined up with the option's label, past its radio button. */}
              <Box paddingLeft="2.8rem">
                <Typography id={hintId} variant="pi" textColor="neutral600">
                  {choice.hint}
                </Typography>
              </Box>
            </Box>
          );
        })}
      </Radio.Group>
      <Field.Error />
    </Field.Root>
  );
};
