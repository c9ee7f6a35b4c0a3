import {
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import {
  MARKETING_CHANNELS,
  type MarketingChannel,
  type MarketingListSummary,
} from '../../../../contracts';
import { useCrmApi } from '../../api';
import { ErrorAlert } from '../../components/customers/links/useLinkSave';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { useValueLabel } from '../../hooks/useValueLabel';
import { fieldErrorsOf } from '../../utils/serverErrors';

interface NewListDialogProps {
  open: boolean;
  onClose: () => void;
  onCreated: (list: MarketingListSummary) => void;
}

/** New marketing list: its name and the channel its export is for. */
export const NewListDialog = ({ open, onClose, onCreated }: NewListDialogProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const api = useCrmApi();
  const { messageOf, notifySuccess } = useRequestErrors();
  const [name, setName] = React.useState('');
  const [channel, setChannel] = React.useState<MarketingChannel>('email');
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<{ message: string; fields: Record<string, string> }>();

  React.useEffect(() => {
    if (open) {
      setName('');
      setChannel('email');
      setError(undefined);
    }
  }, [open]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setSaving(true);
    setError(undefined);
    try {
      const list = await api.marketingLists.create({ name: name.trim(), channel });
      notifySuccess(
        formatMessage(
          { id: 'crm.lists.created', defaultMessage: 'List {name} created' },
          { name: list.name }
        )
      );
      onCreated(list);
    } catch (failure) {
      setError({ message: messageOf(failure), fields: fieldErrorsOf(failure) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <form onSubmit={(event) => void submit(event)}>
          <Modal.Header
            closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
          >
            <Modal.Title>
              {formatMessage({ id: 'crm.lists.new', defaultMessage: 'New list' })}
            </Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              <ErrorAlert message={error?.message} onClose={() => setError(undefined)} />
              <Field.Root name="name" required error={error?.fields.name}>
                <Field.Label>
                  {formatMessage({ id: 'crm.lists.name', defaultMessage: 'Name' })}
                </Field.Label>
                <TextInput
                  value={name}
                  autoFocus
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    setName(event.target.value)
                  }
                />
                <Field.Error />
              </Field.Root>
              <Field.Root name="channel" required error={error?.fields.channel}>
                <Field.Label>
                  {formatMessage({ id: 'crm.lists.channel', defaultMessage: 'Channel' })}
                </Field.Label>
                <SingleSelect
                  value={channel}
                  onChange={(value: string | number) => setChannel(value as MarketingChannel)}
                >
                  {MARKETING_CHANNELS.map((value) => (
                    <SingleSelectOption key={value} value={value}>
                      {valueLabel(value)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Error />
              </Field.Root>
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" onClick={onClose} type="button">
              {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
            </Button>
            <Button type="submit" loading={saving} disabled={!name.trim()}>
              {formatMessage({ id: 'crm.lists.create', defaultMessage: 'Create list' })}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
