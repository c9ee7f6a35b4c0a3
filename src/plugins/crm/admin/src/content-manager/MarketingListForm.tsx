import {
  Button,
  Field,
  Flex,
  Link,
  Loader,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { useCrmApi } from '../api';
import { useRequestErrors } from '../hooks/useRequestErrors';
import { useValueLabel } from '../hooks/useValueLabel';
import { useAsyncResource } from '../utils/useAsyncResource';
import { marketingListsPath } from './models';

/** How many lists the picker offers (the Marketing lists page pages through more). */
const LISTS_SHOWN = 100;

interface MarketingListFormProps {
  /** The contacts (documentIds) to add. */
  contacts: string[];
  onClose: () => void;
  /** After they were added (e.g. to clear the list view's selection). */
  onAdded?: () => void;
}

/**
 * "Add to marketing list": picks one of the existing lists and adds the contacts to it. Lists are
 * created on the Marketing lists page.
 */
export const MarketingListForm = ({ contacts, onClose, onAdded }: MarketingListFormProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const api = useCrmApi();
  const { messageOf, notifySuccess } = useRequestErrors();
  const lists = useAsyncResource('marketing-lists', () => api.marketingLists.list(1, LISTS_SHOWN));
  const [chosen, setChosen] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | undefined>();
  const [busy, setBusy] = React.useState(false);
  const options = lists.data?.data ?? [];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const list = options.find((option) => option.documentId === chosen);
    if (!list) {
      setError(
        formatMessage({ id: 'crm.cm.lists.pickOne', defaultMessage: 'Choose a marketing list' })
      );
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.marketingLists.addMembers(list.documentId, contacts);
      notifySuccess(
        formatMessage(
          {
            id: 'crm.cm.lists.added',
            defaultMessage: '{count, plural, one {# contact} other {# contacts}} added to {list}',
          },
          { count: contacts.length, list: list.name }
        )
      );
      onAdded?.();
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  let body: React.ReactNode;
  if (lists.isLoading && !lists.data)
    body = (
      <Loader small>
        {formatMessage({ id: 'crm.cm.lists.loading', defaultMessage: 'Loading the lists' })}
      </Loader>
    );
  else if (lists.error)
    body = (
      <Typography role="alert" textColor="danger600">
        {messageOf(lists.error)}
      </Typography>
    );
  else if (options.length === 0)
    body = (
      <Typography>
        {formatMessage(
          {
            id: 'crm.cm.lists.none',
            defaultMessage:
              'There is no marketing list yet. Create one on the <link>Marketing lists</link> page.',
          },
          {
            link: (chunks: React.ReactNode) => (
              <Link tag={NavLink} to={marketingListsPath}>
                {chunks}
              </Link>
            ),
          }
        )}
      </Typography>
    );
  else
    body = (
      <Field.Root name="marketingList" required error={error}>
        <Field.Label>
          {formatMessage({ id: 'crm.cm.lists.list', defaultMessage: 'Marketing list' })}
        </Field.Label>
        <SingleSelect
          value={chosen ?? undefined}
          placeholder={formatMessage({
            id: 'crm.cm.lists.placeholder',
            defaultMessage: 'Choose a list',
          })}
          onChange={(value: string | number) => setChosen(String(value))}
        >
          {options.map((list) => (
            <SingleSelectOption key={list.documentId} value={list.documentId}>
              {formatMessage(
                {
                  id: 'crm.cm.lists.option',
                  defaultMessage:
                    '{name} ({channel}, {count, plural, one {# member} other {# members}})',
                },
                {
                  name: list.name,
                  channel: valueLabel(list.channel),
                  count: list.counts.members,
                }
              )}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
    );

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography>
            {formatMessage(
              {
                id: 'crm.cm.lists.intro',
                defaultMessage:
                  'Adds {count, plural, one {the contact} other {the # contacts}} to the list you choose. Those already on it stay once.',
              },
              { count: contacts.length }
            )}
          </Typography>
          {body}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Button type="button" variant="tertiary" onClick={onClose}>
          {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
        </Button>
        <Button type="submit" loading={busy} disabled={options.length === 0}>
          {formatMessage({ id: 'crm.cm.lists.submit', defaultMessage: 'Add to list' })}
        </Button>
      </Modal.Footer>
    </form>
  );
};
