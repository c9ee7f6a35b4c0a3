import { Field, Flex, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { ImportUploadOptions } from '../../api/client';

const AUTOMATIC = '__automatic__';
/** The encodings people's files come in; any other label can be sent through the API. */
const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'iso-8859-1'];

/** One labelled text field of the upload, with its hint. */
const TextOption = ({
  name,
  label,
  hint,
  value,
  maxLength,
  onChange,
}: {
  name: string;
  label: string;
  hint: string;
  value: string;
  maxLength?: number;
  onChange: (text: string) => void;
}) => (
  <Field.Root name={name} hint={hint}>
    <Field.Label>{label}</Field.Label>
    <TextInput
      aria-label={label}
      value={value}
      maxLength={maxLength}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
    />
    <Field.Hint />
  </Field.Root>
);

/**
 * What the user may say of the file before it is read: its text encoding (told from the file
 * otherwise), the worksheet of a workbook, and the country national phone numbers are read in.
 */
export const UploadOptions = ({
  value,
  onChange,
}: {
  value: ImportUploadOptions;
  onChange: (value: ImportUploadOptions) => void;
}) => {
  const { formatMessage } = useIntl();
  const set = (key: keyof ImportUploadOptions, text: string) =>
    onChange({ ...value, [key]: text.trim() === '' ? undefined : text.trim() });
  const label = {
    encoding: formatMessage({ id: 'crm.import.upload.encoding', defaultMessage: 'Text encoding' }),
    sheet: formatMessage({ id: 'crm.import.upload.sheet', defaultMessage: 'Worksheet' }),
    country: formatMessage({
      id: 'crm.import.upload.country',
      defaultMessage: 'Country of national phone numbers',
    }),
  };
  return (
    <Flex gap={4} alignItems="flex-start" wrap="wrap">
      <Field.Root
        name="encoding"
        hint={formatMessage({
          id: 'crm.import.upload.encodingHint',
          defaultMessage: 'Told from the file unless you choose one (CSV files only).',
        })}
      >
        <Field.Label>{label.encoding}</Field.Label>
        <SingleSelect
          aria-label={label.encoding}
          value={value.encoding ?? AUTOMATIC}
          onChange={(chosen: string | number) =>
            set('encoding', chosen === AUTOMATIC ? '' : String(chosen))
          }
        >
          <SingleSelectOption value={AUTOMATIC}>
            {formatMessage({ id: 'crm.import.upload.automatic', defaultMessage: 'Automatic' })}
          </SingleSelectOption>
          {ENCODINGS.map((encoding) => (
            <SingleSelectOption key={encoding} value={encoding}>
              {encoding}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Hint />
      </Field.Root>
      <TextOption
        name="sheet"
        label={label.sheet}
        hint={formatMessage({
          id: 'crm.import.upload.sheetHint',
          defaultMessage:
            'Name or position of the sheet of an Excel workbook; the first one if empty.',
        })}
        value={value.sheet ?? ''}
        onChange={(text) => set('sheet', text)}
      />
      <TextOption
        name="defaultCountry"
        label={label.country}
        hint={formatMessage({
          id: 'crm.import.upload.countryHint',
          defaultMessage: 'Two letters, such as US or DE; the CRM’s default country if empty.',
        })}
        value={value.defaultCountry ?? ''}
        maxLength={2}
        onChange={(text) => set('defaultCountry', text.toUpperCase())}
      />
    </Flex>
  );
};
