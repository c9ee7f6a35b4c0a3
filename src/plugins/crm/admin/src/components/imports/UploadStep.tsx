import { Box, Button, Field, Flex, Radio, Typography } from '@strapi/design-system';
import { Cross, FileCsv, Upload } from '@strapi/icons';
import { useRef, useState, type DragEvent } from 'react';
import { useIntl } from 'react-intl';

import { IMPORT_OBJECTS, type ImportJob, type ImportObject } from '../../../../contracts';
import { useCrmApi } from '../../api';
import type { ImportUploadOptions } from '../../api/client';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { formatBytes } from '../../utils/format';
import { useImportLabels } from './labels';
import { UploadOptions } from './UploadOptions';

/**
 * Step 1: choose what the file holds and drop (or pick) a CSV, Excel or vCard file, saying its
 * encoding, sheet or phone country if need be; the server reads it, maps
 * its columns and validates every row, then the wizard moves to the new job's own address.
 */
export const UploadStep = ({ onUploaded }: { onUploaded: (job: ImportJob) => void }) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { notifyError } = useRequestErrors();
  const { objects } = useImportLabels();
  const question = formatMessage({
    id: 'crm.import.upload.question',
    defaultMessage: 'What does the file hold?',
  });
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [object, setObject] = useState<ImportObject>('contacts');
  const [dragging, setDragging] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [options, setOptions] = useState<ImportUploadOptions>({});

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files?.[0];
    if (dropped) setFile(dropped);
  };

  const upload = async () => {
    if (!file) return;
    setUploading(true);
    try {
      onUploaded(await api.imports.upload(file, object, options));
    } catch (error) {
      notifyError(error);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      <Field.Root
        name="object"
        hint={formatMessage({
          id: 'crm.import.upload.hint',
          defaultMessage:
            'Contacts are matched to existing customers by their company; customers are created with their contact points.',
        })}
      >
        <Field.Label>{question}</Field.Label>
        <Radio.Group
          value={object}
          onValueChange={(value: string) => setObject(value as ImportObject)}
          aria-label={question}
        >
          {IMPORT_OBJECTS.map((value) => (
            <Radio.Item key={value} value={value}>
              {objects[value]}
            </Radio.Item>
          ))}
        </Radio.Group>
        <Field.Hint />
      </Field.Root>

      <Box
        data-testid="import-dropzone"
        onDragOver={(event: DragEvent<HTMLDivElement>) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        padding={8}
        hasRadius
        background={dragging ? 'primary100' : 'neutral100'}
        borderStyle="dashed"
        borderWidth="2px"
        borderColor={dragging ? 'primary600' : 'neutral300'}
      >
        <Flex direction="column" gap={3} alignItems="center">
          <Upload width="3.2rem" height="3.2rem" fill="primary600" />
          <Typography variant="delta" tag="p">
            {formatMessage({
              id: 'crm.import.upload.drop',
              defaultMessage: 'Drag and drop a CSV, Excel or vCard file here',
            })}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {formatMessage({
              id: 'crm.import.upload.format',
              defaultMessage:
                'CSV with a header row (UTF-8, UTF-16 or Windows-1252; commas, semicolons or tabs), Excel .xlsx, or vCard .vcf, as Outlook, Google, Salesforce, HubSpot and LinkedIn export them',
            })}
          </Typography>
          <Button variant="secondary" onClick={() => input.current?.click()}>
            {formatMessage({ id: 'crm.import.upload.choose', defaultMessage: 'Choose a file' })}
          </Button>
          <input
            ref={input}
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,.vcf,.vcard,text/csv,text/plain,text/vcard,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-label={formatMessage({
              id: 'crm.import.upload.file',
              defaultMessage: 'File to import',
            })}
            style={{ display: 'none' }}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              event.target.value = '';
            }}
          />
        </Flex>
      </Box>

      {file ? (
        <Flex
          gap={3}
          padding={4}
          hasRadius
          background="neutral0"
          borderColor="neutral200"
          data-testid="import-selected-file"
        >
          <FileCsv width="2.4rem" height="2.4rem" />
          <Flex direction="column" alignItems="flex-start" flex={1}>
            <Typography fontWeight="bold">{file.name}</Typography>
            <Typography variant="pi" textColor="neutral600" data-testid="import-file-size">
              {formatBytes(file.size)}
            </Typography>
          </Flex>
          <Button
            variant="tertiary"
            startIcon={<Cross />}
            onClick={() => setFile(null)}
            disabled={uploading}
          >
            {formatMessage({ id: 'crm.import.upload.remove', defaultMessage: 'Remove' })}
          </Button>
        </Flex>
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage({ id: 'crm.import.upload.noFile', defaultMessage: 'No file chosen yet.' })}
        </Typography>
      )}

      <UploadOptions value={options} onChange={setOptions} />

      <Flex justifyContent="flex-end">
        <Button startIcon={<Upload />} onClick={upload} disabled={!file} loading={uploading}>
          {formatMessage({
            id: 'crm.import.upload.submit',
            defaultMessage: 'Upload and map columns',
          })}
        </Button>
      </Flex>
    </Flex>
  );
};
