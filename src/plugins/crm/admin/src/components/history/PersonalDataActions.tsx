import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { Download, Trash, WarningCircle } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { ERASED_PERSON_NAME } from '../../../../contracts';
import { useCrmApi } from '../../api';
import type { PersonSubject } from '../../api/client';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { saveBlob } from '../../utils/download';

interface PersonalDataActionsProps {
  subject: PersonSubject;
  documentId: string;
  /** The person's name, in the confirmation. */
  name: string;
  /** After the erasure: the page shows the record again. */
  onErased: () => void;
  /** Buttons one under the other, for a narrow side panel. */
  stacked?: boolean;
}

type Busy = null | 'json' | 'zip' | 'erase';

/**
 * "Export personal data" (one JSON document, or CSV files in a zip) and "Erase personal data",
 * which first says what the erasure removes. Shown to admins holding `personal-data`.
 */
export const PersonalDataActions = ({
  subject,
  documentId,
  name,
  onErased,
  stacked = false,
}: PersonalDataActionsProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { notifyError, notifySuccess } = useRequestErrors();
  const [busy, setBusy] = React.useState<Busy>(null);
  const [confirming, setConfirming] = React.useState(false);

  const run = async (what: Exclude<Busy, null>, work: () => Promise<void>) => {
    setBusy(what);
    try {
      await work();
    } catch (failure) {
      notifyError(failure);
    } finally {
      setBusy(null);
    }
  };

  const exportJson = () =>
    run('json', async () => {
      const answer = await api.personalData.exportJson(subject, documentId);
      const blob = new Blob([`${JSON.stringify(answer, null, 2)}\n`], {
        type: 'application/json',
      });
      saveBlob(blob, `personal-data-${documentId}.json`);
    });
  const exportZip = () =>
    run('zip', async () => {
      const file = await api.personalData.exportZip(subject, documentId);
      saveBlob(file.blob, file.fileName);
    });
  const erase = () =>
    run('erase', async () => {
      try {
        await api.personalData.erase(subject, documentId);
        notifySuccess(
          formatMessage({ id: 'crm.personalData.erased', defaultMessage: 'Personal data erased' })
        );
        onErased();
      } finally {
        setConfirming(false);
      }
    });

  const removed = [
    formatMessage(
      {
        id: 'crm.personalData.eraseNames',
        defaultMessage: 'Names are replaced by “{erased}” and a reference.',
      },
      { erased: ERASED_PERSON_NAME }
    ),
    formatMessage({
      id: 'crm.personalData.erasePoints',
      defaultMessage: 'Addresses, phone numbers, e-mail addresses and the SSN are deleted.',
    }),
    formatMessage({
      id: 'crm.personalData.eraseText',
      defaultMessage: 'Free-text fields (notes, date of birth, job title…) are cleared.',
    }),
    formatMessage({
      id: 'crm.personalData.eraseSamePerson',
      defaultMessage: 'Contacts with the same e-mail address or phone number are erased too.',
    }),
    formatMessage({
      id: 'crm.personalData.eraseLists',
      defaultMessage: 'Marketing list memberships are removed.',
    }),
    formatMessage({
      id: 'crm.personalData.eraseHistory',
      defaultMessage: 'The values of these fields in the change history are redacted.',
    }),
    formatMessage({
      id: 'crm.personalData.eraseList',
      defaultMessage:
        'The e-mail addresses and phone numbers go on the erasure list (as keyed hashes), so an import or a new record cannot bring the person back.',
    }),
  ];

  return (
    <>
      <Flex
        direction={stacked ? 'column' : 'row'}
        alignItems={stacked ? 'stretch' : 'center'}
        gap={2}
        wrap="wrap"
        data-testid="crm-personal-data"
      >
        <Button
          variant="secondary"
          startIcon={<Download />}
          loading={busy === 'json'}
          disabled={busy !== null}
          fullWidth={stacked}
          onClick={() => void exportJson()}
        >
          {formatMessage({
            id: 'crm.personalData.exportJson',
            defaultMessage: 'Export personal data (JSON)',
          })}
        </Button>
        <Button
          variant="secondary"
          startIcon={<Download />}
          loading={busy === 'zip'}
          disabled={busy !== null}
          fullWidth={stacked}
          onClick={() => void exportZip()}
        >
          {formatMessage({
            id: 'crm.personalData.exportZip',
            defaultMessage: 'Export personal data (zip of CSV files)',
          })}
        </Button>
        <Button
          variant="danger-light"
          startIcon={<Trash />}
          loading={busy === 'erase'}
          disabled={busy !== null}
          fullWidth={stacked}
          onClick={() => setConfirming(true)}
        >
          {formatMessage({ id: 'crm.personalData.erase', defaultMessage: 'Erase personal data' })}
        </Button>
      </Flex>
      <Dialog.Root
        open={confirming}
        onOpenChange={(open: boolean) => !open && busy !== 'erase' && setConfirming(false)}
      >
        {confirming && (
          <Dialog.Content>
            <Dialog.Header>
              {formatMessage(
                {
                  id: 'crm.personalData.eraseTitle',
                  defaultMessage: 'Erase the personal data of {name}?',
                },
                { name }
              )}
            </Dialog.Header>
            <Dialog.Body icon={<WarningCircle fill="danger600" />}>
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Box tag="ul" style={{ margin: 0, paddingLeft: '1.25rem' }}>
                  {removed.map((text) => (
                    <li key={text}>
                      <Typography>{text}</Typography>
                    </li>
                  ))}
                </Box>
                <Typography fontWeight="semiBold">
                  {formatMessage({
                    id: 'crm.personalData.eraseKept',
                    defaultMessage:
                      'The record itself and its links to other records stay. This cannot be undone.',
                  })}
                </Typography>
              </Flex>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button fullWidth variant="tertiary" disabled={busy === 'erase'}>
                  {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
                </Button>
              </Dialog.Cancel>
              <Button
                fullWidth
                variant="danger"
                loading={busy === 'erase'}
                onClick={() => void erase()}
              >
                {formatMessage({ id: 'crm.personalData.confirmErase', defaultMessage: 'Erase' })}
              </Button>
            </Dialog.Footer>
          </Dialog.Content>
        )}
      </Dialog.Root>
    </>
  );
};
