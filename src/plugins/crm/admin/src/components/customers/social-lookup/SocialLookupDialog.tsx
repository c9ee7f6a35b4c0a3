import {
  Box,
  Button,
  Flex,
  Loader,
  Modal,
  SingleSelect,
  SingleSelectOption,
  Field,
  Typography,
} from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { Customer } from '../../../../../contracts';
import { useCrmApi } from '../../../api';
import { useRequestErrors } from '../../../hooks/useRequestErrors';
import { fieldErrorsOf } from '../../../utils/serverErrors';
import { ErrorAlert } from '../links/useLinkSave';
import { customerName } from '../model';
import { anythingTicked, fieldRowsOf, nothingTicked, updateOf, type Ticked } from './choices';
import { FieldComparison } from './FieldComparison';
import { ImageAndAccountChoices } from './ImageAndAccountChoices';
import { SearchAgainForm } from './SearchAgainForm';
import { useSocialLookup } from './useSocialLookup';

interface SocialLookupDialogProps {
  /** The customer to look up; the dialog is open while there is one. */
  customer: Customer | null;
  /** Skip, or close without taking anything. */
  onClose: () => void;
  /** After what was ticked was written; gets the updated customer. */
  onUpdated: (customer: Customer) => void;
}

/** The server's field messages keyed by field (`data.firstName` and `firstName` alike). */
const errorsByField = (failure: unknown) =>
  Object.fromEntries(
    Object.entries(fieldErrorsOf(failure)).map(([path, message]) => [
      path.replace(/^data\./, '').split('.')[0],
      message,
    ])
  );

/**
 * Public profile information found for a customer's e-mail addresses, beside what was entered: the
 * name fields, the profile image and the social accounts can be ticked and taken. Nothing found
 * (or a provider that did not answer) offers a search with another address, or to skip.
 */
export const SocialLookupDialog = ({ customer, onClose, onUpdated }: SocialLookupDialogProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { messageOf, notifySuccess, toggleNotification } = useRequestErrors();
  const { state, search } = useSocialLookup(customer);
  const [chosen, setChosen] = React.useState(0);
  const [ticked, setTicked] = React.useState<Ticked>(nothingTicked);
  const [searchingAgain, setSearchingAgain] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [error, setError] = React.useState<{
    message: string;
    fields: Record<string, string>;
  } | null>(null);

  // Each new answer starts with its first profile and nothing ticked.
  React.useEffect(() => {
    setChosen(0);
    setTicked(nothingTicked);
    setError(null);
  }, [state]);
  React.useEffect(() => setSearchingAgain(false), [customer?.documentId]);

  const hit = state.phase === 'found' ? state.hits[Math.min(chosen, state.hits.length - 1)] : null;
  const name = customer ? customerName(customer) : '';

  const toggle = <K extends 'fields' | 'accounts'>(
    key: K,
    value: Ticked[K][number],
    checked: boolean
  ) =>
    setTicked((current) => {
      const list = current[key] as Ticked[K][number][];
      return {
        ...current,
        [key]: checked ? [...list, value] : list.filter((item) => item !== value),
      };
    });

  const update = async () => {
    if (!customer || !hit) return;
    setSaving(true);
    setError(null);
    try {
      const updated = await api.updateSocialProfile(
        customer.documentId,
        updateOf(customer, hit, ticked)
      );
      notifySuccess(
        formatMessage(
          { id: 'crm.socialLookup.updated', defaultMessage: '{name} updated from the profile' },
          { name: customerName(updated) }
        )
      );
      onUpdated(updated);
    } catch (failure) {
      const message = messageOf(failure);
      setError({ message, fields: errorsByField(failure) });
      toggleNotification({ type: 'danger', message });
    } finally {
      setSaving(false);
    }
  };

  const searchAgain = (email: string) => {
    void search(email);
  };

  return (
    <Modal.Root open={customer !== null} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content style={{ maxWidth: '72rem', width: '90vw' }}>
        <Modal.Header
          closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
        >
          <Modal.Title>
            {formatMessage(
              {
                id: 'crm.socialLookup.title',
                defaultMessage: 'Social profiles of {name}',
              },
              { name }
            )}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={5}>
            <ErrorAlert message={error?.message} onClose={() => setError(null)} />
            <Box aria-live="polite" data-testid="crm-social-status">
              {(state.phase === 'searching' || state.phase === 'idle') && (
                <Loader small>
                  {state.phase === 'searching' && state.email
                    ? formatMessage(
                        {
                          id: 'crm.socialLookup.searchingEmail',
                          defaultMessage: 'Searching public profiles of {email}…',
                        },
                        { email: state.email }
                      )
                    : formatMessage({
                        id: 'crm.socialLookup.searching',
                        defaultMessage:
                          "Searching public profiles of the customer's e-mail addresses…",
                      })}
                </Loader>
              )}
              {state.phase === 'none' && (
                <Flex direction="column" alignItems="flex-start" gap={2}>
                  <Typography fontWeight="bold" data-testid="crm-social-none">
                    {formatMessage({
                      id: 'crm.socialLookup.none',
                      defaultMessage: 'No social media information found',
                    })}
                  </Typography>
                  {state.searched.length > 0 && (
                    <Typography textColor="neutral600">
                      {formatMessage(
                        { id: 'crm.socialLookup.searched', defaultMessage: 'Searched: {emails}' },
                        { emails: state.searched.join(', ') }
                      )}
                    </Typography>
                  )}
                  {state.message && <Typography textColor="danger600">{state.message}</Typography>}
                </Flex>
              )}
              {state.phase === 'found' && hit && (
                <Typography textColor="neutral600">
                  {formatMessage(
                    {
                      id: 'crm.socialLookup.foundFor',
                      defaultMessage: 'Found on {source} for {email}',
                    },
                    { source: hit.source, email: hit.email }
                  )}
                </Typography>
              )}
            </Box>
            {state.phase === 'found' && state.hits.length > 1 && (
              <Field.Root name="socialProfile">
                <Field.Label>
                  {formatMessage({
                    id: 'crm.socialLookup.profile',
                    defaultMessage: 'Profile',
                  })}
                </Field.Label>
                <SingleSelect
                  value={String(chosen)}
                  onChange={(value: string | number) => {
                    setChosen(Number(value));
                    setTicked(nothingTicked);
                  }}
                >
                  {state.hits.map((option, index) => (
                    <SingleSelectOption
                      key={`${option.source}-${option.email}`}
                      value={String(index)}
                    >
                      {`${option.email} (${option.source})`}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            )}
            {customer && hit && (
              <>
                <FieldComparison
                  rows={fieldRowsOf(customer, hit)}
                  ticked={ticked.fields}
                  onTick={(field, checked) => toggle('fields', field, checked)}
                  errors={error?.fields ?? {}}
                />
                <ImageAndAccountChoices
                  profile={hit.profile}
                  name={hit.profile.displayName ?? name}
                  avatar={ticked.avatar}
                  accounts={ticked.accounts}
                  onAvatar={(checked) => setTicked((current) => ({ ...current, avatar: checked }))}
                  onAccount={(index, checked) => toggle('accounts', index, checked)}
                  errors={error?.fields ?? {}}
                />
              </>
            )}
            {searchingAgain && (
              <SearchAgainForm searching={state.phase === 'searching'} onSearch={searchAgain} />
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose} type="button">
            {formatMessage({ id: 'crm.socialLookup.skip', defaultMessage: 'Skip' })}
          </Button>
          <Flex gap={2}>
            {!searchingAgain && (
              <Button
                variant="secondary"
                onClick={() => setSearchingAgain(true)}
                disabled={state.phase === 'searching'}
                type="button"
              >
                {formatMessage({
                  id: 'crm.socialLookup.searchAgain',
                  defaultMessage: 'Search again with another e-mail',
                })}
              </Button>
            )}
            {state.phase === 'found' && (
              <Button
                loading={saving}
                disabled={!anythingTicked(ticked)}
                onClick={() => void update()}
                type="button"
              >
                {formatMessage({
                  id: 'crm.socialLookup.update',
                  defaultMessage: 'Update customer',
                })}
              </Button>
            )}
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
