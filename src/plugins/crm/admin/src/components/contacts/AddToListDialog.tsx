import {
  Button,
  Field,
  Flex,
  Loader,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { MarketingListSummary } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { useValueLabel } from '../../hooks/useValueLabel';
import { useAsyncResource } from '../../utils/useAsyncResource';
import { ErrorAlert } from '../customers/links/useLinkSave';

interface AddToListDialogProps {
  open: boolean;
  /** The contacts to add (documentIds): one from a contact's page, several from a selection. */
  contactIds: string[];
  onClose: () => void;
  onDone: (list: MarketingListSummary) => void;
}

/** Add to marketing list: pick one of the lists, and the contacts become its members. */
export const AddToListDialog = ({ open, contactIds, onClose, onDone }: AddToListDialogProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const api = useCrmApi();
  const { messageOf, notifySuccess } = useRequestErrors();
  const lists = useAsyncResource(open ? 'marketing-lists' : null, () =>
    api.marketingLists.list(1, 100)
  );
  const [chosen, setChosen] = React.useState('');
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<string>();

  React.useEffect(() => {
    if (open) {
      setChosen('');
      setError(undefined);
    }
  }, [open]);

  const options = lists.data?.data ?? [];
  const list = options.find((item) => item.documentId === chosen);

  const submit = async () => {
    if (!list) return;
    setSaving(true);
    setError(undefined);
    try {
      await api.marketingLists.addMembers(list.documentId, contactIds);
      notifySuccess(
        formatMessage(
          {
            id: 'crm.contacts.addedToList',
            defaultMessage: '{count, plural, one {Contact} other {# contacts}} added to {list}',
          },
          { count: contactIds.length, list: list.name }
        )
      );
      onDone(list);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setSaving(false);
    }
  };

  const label = formatMessage({ id: 'crm.contacts.list', defaultMessage: 'Marketing list' });

  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {formatMessage({
              id: 'crm.contacts.addToList',
              defaultMessage: 'Add to marketing list',
            })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <ErrorAlert message={error} onClose={() => setError(undefined)} />
            {lists.isLoading && !lists.data && (
              <Loader small>
                {formatMessage({ id: 'crm.lists.loading', defaultMessage: 'Loading the lists' })}
              </Loader>
            )}
            {lists.error !== undefined && (
              <Typography textColor="danger600">{messageOf(lists.error)}</Typography>
            )}
            {lists.data && options.length === 0 && (
              <Typography textColor="neutral600">
                {formatMessage({
                  id: 'crm.lists.empty',
                  defaultMessage: 'No marketing list yet.',
                })}
              </Typography>
            )}
            {options.length > 0 && (
              <Field.Root name="marketingList" required>
                <Field.Label>{label}</Field.Label>
                <SingleSelect
                  value={chosen}
                  placeholder={formatMessage({
                    id: 'crm.contacts.chooseList',
                    defaultMessage: 'Choose a list',
                  })}
                  onChange={(value: string | number) => setChosen(String(value))}
                >
                  {options.map((item) => (
                    <SingleSelectOption key={item.documentId} value={item.documentId}>
                      {`${item.name} · ${valueLabel(item.channel)}`}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose} type="button">
            {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
          </Button>
          <Button loading={saving} disabled={!list} onClick={() => void submit()}>
            {formatMessage({ id: 'crm.contacts.addToListSubmit', defaultMessage: 'Add' })}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
