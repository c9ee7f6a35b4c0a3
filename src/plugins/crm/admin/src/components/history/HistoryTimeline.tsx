import {
  Badge,
  Box,
  Button,
  Dialog,
  Field,
  Flex,
  Loader,
  SingleSelect,
  SingleSelectOption,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { ArrowClockwise, WarningCircle } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { HistoryChange, HistoryEntry } from '../../../../contracts';
import { useCrmApi } from '../../api';
import type { PersonSubject } from '../../api/client';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { changedFields, isRevertible, mergePages, recordKindOf } from './model';
import { useHistoryLabels } from './useHistoryLabels';

/** How many entries a page of the timeline holds. */
const PAGE_SIZE = 10;
/** The filter's value for "every field". */
const ALL_FIELDS = '*';

interface HistoryTimelineProps {
  subject: PersonSubject;
  documentId: string;
  /** Shows "Revert" on updates (admins holding `manage`; the server checks the same). */
  canRevert: boolean;
  /** Changes when the record was changed elsewhere on the page: the timeline reloads. */
  version?: string;
  /** After a revert changed the record. */
  onReverted?: () => void;
}

interface Loaded {
  key: string;
  pages: HistoryEntry[][];
  total: number;
  pageCount: number;
  isLoading: boolean;
  error?: unknown;
}

/** The timeline's pages for one record and filter: the first on open, older ones on demand. */
const useHistoryPages = (
  subject: PersonSubject,
  documentId: string,
  field: string,
  version: string
) => {
  const api = useCrmApi();
  const [generation, setGeneration] = React.useState(0);
  const key = `${subject}:${documentId}:${field}:${version}:${generation}`;
  const [state, setState] = React.useState<Loaded>({
    key,
    pages: [],
    total: 0,
    pageCount: 0,
    isLoading: true,
  });
  const current = React.useRef(key);
  current.current = key;

  const load = React.useCallback(
    (page: number) => {
      const asked = key;
      setState((previous) =>
        previous.key === asked
          ? { ...previous, isLoading: true, error: undefined }
          : { key: asked, pages: [], total: 0, pageCount: 0, isLoading: true }
      );
      api.history
        .of(subject, documentId, {
          page,
          pageSize: PAGE_SIZE,
          ...(field === ALL_FIELDS ? {} : { field }),
        })
        .then(
          (answer) => {
            if (current.current !== asked) return;
            setState((previous) => {
              const pages = previous.key === asked ? [...previous.pages] : [];
              pages[page - 1] = answer.data;
              return {
                key: asked,
                pages,
                total: answer.meta.pagination.total,
                pageCount: answer.meta.pagination.pageCount,
                isLoading: false,
              };
            });
          },
          (error: unknown) => {
            if (current.current !== asked) return;
            setState((previous) => ({
              ...(previous.key === asked
                ? previous
                : { key: asked, pages: [], total: 0, pageCount: 0 }),
              isLoading: false,
              error,
            }));
          }
        );
    },
    [api, subject, documentId, field, key]
  );

  React.useEffect(() => load(1), [load]);

  const fresh = state.key === key;
  return {
    entries: fresh ? mergePages(state.pages) : [],
    total: fresh ? state.total : 0,
    hasOlder: fresh && state.pages.length < state.pageCount,
    isLoading: !fresh || state.isLoading,
    error: fresh ? state.error : undefined,
    showOlder: () => load(state.pages.length + 1),
    reload: () => setGeneration((value) => value + 1),
  };
};

/** One field's change: its name, then its value before and after. */
const Change = ({ change }: { change: HistoryChange }) => {
  const { formatMessage } = useIntl();
  const labels = useHistoryLabels();
  return (
    <Box tag="li" data-testid="crm-history-change" data-field={change.field}>
      <Typography variant="omega" fontWeight="semiBold">
        {labels.fieldLabel(change.field)}
      </Typography>
      <Typography variant="omega">: </Typography>
      <Typography
        variant="omega"
        textColor="neutral600"
        data-testid="crm-history-before"
        style={{ overflowWrap: 'anywhere' }}
      >
        <VisuallyHidden>
          {formatMessage({ id: 'crm.history.before', defaultMessage: 'before' })}{' '}
        </VisuallyHidden>
        {labels.value(change.before, change.field)}
      </Typography>
      <Typography variant="omega" aria-hidden>
        {' → '}
      </Typography>
      <Typography
        variant="omega"
        data-testid="crm-history-after"
        style={{ overflowWrap: 'anywhere' }}
      >
        <VisuallyHidden>
          {', '}
          {formatMessage({ id: 'crm.history.after', defaultMessage: 'after' })}{' '}
        </VisuallyHidden>
        {labels.value(change.after, change.field)}
      </Typography>
    </Box>
  );
};

/** One entry: what happened to which record, when, by whom, each field's change, and its revert. */
const Entry = ({
  entry,
  canRevert,
  error,
  onRevert,
}: {
  entry: HistoryEntry;
  canRevert: boolean;
  error?: string;
  onRevert: (entry: HistoryEntry) => void;
}) => {
  const { formatMessage, formatDate } = useIntl();
  const labels = useHistoryLabels();
  const kind = recordKindOf(entry.record.uid);
  const action = labels.actions[entry.action];
  const record = [kind ? labels.kinds[kind] : entry.record.uid, entry.record.label]
    .filter(Boolean)
    .join(' · ');
  return (
    <Box
      tag="li"
      paddingTop={3}
      paddingBottom={3}
      borderColor="neutral150"
      style={{ borderWidth: '0 0 1px 0', borderStyle: 'solid' }}
      data-testid="crm-history-entry"
      data-entry={entry.documentId}
    >
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={2} wrap="wrap" alignItems="center">
          <Badge backgroundColor={`${action.variant}100`} textColor={`${action.variant}700`}>
            {action.label}
          </Badge>
          <Typography variant="omega" fontWeight="bold" data-testid="crm-history-record">
            {record}
          </Typography>
        </Flex>
        <Flex gap={2} wrap="wrap">
          <Typography variant="pi" textColor="neutral600">
            <time dateTime={entry.at}>
              {formatDate(entry.at, { dateStyle: 'medium', timeStyle: 'medium' })}
            </time>
          </Typography>
          <Typography variant="pi" textColor="neutral600" data-testid="crm-history-actor">
            {formatMessage(
              { id: 'crm.history.by', defaultMessage: 'by {actor}' },
              { actor: labels.actor(entry.actor) }
            )}
          </Typography>
        </Flex>
        {entry.changes.length > 0 && (
          <Box tag="ul" style={{ margin: 0, paddingLeft: '1.25rem' }}>
            {entry.changes.map((change) => (
              <Change key={change.field} change={change} />
            ))}
          </Box>
        )}
        {error && (
          <Typography
            role="alert"
            variant="pi"
            textColor="danger600"
            data-testid="crm-history-error"
          >
            {error}
          </Typography>
        )}
        {canRevert && isRevertible(entry) && (
          <Box>
            <Button
              variant="tertiary"
              size="S"
              startIcon={<ArrowClockwise />}
              onClick={() => onRevert(entry)}
            >
              {formatMessage({ id: 'crm.history.revert', defaultMessage: 'Revert' })}
            </Button>
          </Box>
        )}
      </Flex>
    </Box>
  );
};

/**
 * The change history of a customer (with its contact points, connections and relationships) or a
 * contact, newest first: each entry's action, record, time and actor, and per field the value
 * before and after; older entries on demand, a field filter, and "Revert" for those allowed.
 */
export const HistoryTimeline = ({
  subject,
  documentId,
  canRevert,
  version = '',
  onReverted,
}: HistoryTimelineProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const labels = useHistoryLabels();
  const { messageOf, notifySuccess } = useRequestErrors();
  const [field, setField] = React.useState(ALL_FIELDS);
  const history = useHistoryPages(subject, documentId, field, version);
  const [reverting, setReverting] = React.useState<HistoryEntry | null>(null);
  const [busy, setBusy] = React.useState(false);
  const [errors, setErrors] = React.useState<Record<string, string>>({});

  // The filter offers every field seen unfiltered, so choosing one keeps the others on offer.
  const [fields, setFields] = React.useState<string[]>([]);
  const seen = changedFields(history.entries).join(',');
  React.useEffect(() => {
    if (!seen) return;
    setFields((known) => [...new Set([...known, ...seen.split(',')])]);
  }, [seen]);

  const revert = async (entry: HistoryEntry) => {
    setBusy(true);
    try {
      await api.history.revert(entry.documentId);
      setErrors(({ [entry.documentId]: _, ...others }) => others);
      notifySuccess(
        formatMessage({ id: 'crm.history.reverted', defaultMessage: 'Change reverted' })
      );
      history.reload();
      onReverted?.();
    } catch (failure) {
      setErrors((others) => ({ ...others, [entry.documentId]: messageOf(failure) }));
    } finally {
      setBusy(false);
      setReverting(null);
    }
  };

  const fieldFilter = formatMessage({ id: 'crm.history.field', defaultMessage: 'Field' });
  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="crm-history">
      {fields.length > 0 && (
        <Field.Root name="history-field" style={{ maxWidth: '20rem' }}>
          <Field.Label>{fieldFilter}</Field.Label>
          <SingleSelect
            size="S"
            value={field}
            onChange={(value: string | number) => setField(String(value))}
          >
            <SingleSelectOption value={ALL_FIELDS}>
              {formatMessage({ id: 'crm.history.allFields', defaultMessage: 'All fields' })}
            </SingleSelectOption>
            {fields.map((name) => (
              <SingleSelectOption key={name} value={name}>
                {labels.fieldLabel(name)}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      )}
      {history.isLoading && history.entries.length === 0 ? (
        <Loader small>
          {formatMessage({ id: 'crm.history.loading', defaultMessage: 'Loading the history' })}
        </Loader>
      ) : history.error && history.entries.length === 0 ? (
        <Typography role="alert" textColor="danger600">
          {messageOf(history.error)}
        </Typography>
      ) : history.entries.length === 0 ? (
        <Typography textColor="neutral600">
          {formatMessage({ id: 'crm.history.none', defaultMessage: 'No changes recorded.' })}
        </Typography>
      ) : (
        <Box
          tag="ol"
          aria-label={formatMessage({
            id: 'crm.history.listLabel',
            defaultMessage: 'Changes, newest first',
          })}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {history.entries.map((entry) => (
            <Entry
              key={entry.documentId}
              entry={entry}
              canRevert={canRevert}
              error={errors[entry.documentId]}
              onRevert={setReverting}
            />
          ))}
        </Box>
      )}
      {Boolean(history.error) && history.entries.length > 0 && (
        <Typography role="alert" textColor="danger600">
          {messageOf(history.error)}
        </Typography>
      )}
      {history.hasOlder && (
        <Button variant="tertiary" loading={history.isLoading} onClick={history.showOlder}>
          {formatMessage(
            { id: 'crm.history.more', defaultMessage: 'Show older entries ({shown} of {total})' },
            { shown: history.entries.length, total: history.total }
          )}
        </Button>
      )}
      <Dialog.Root
        open={reverting !== null}
        onOpenChange={(open: boolean) => !open && !busy && setReverting(null)}
      >
        {reverting && (
          <Dialog.Content>
            <Dialog.Header>
              {formatMessage({
                id: 'crm.history.revertTitle',
                defaultMessage: 'Revert this change?',
              })}
            </Dialog.Header>
            <Dialog.Body icon={<WarningCircle fill="warning600" />}>
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography textAlign="center">
                  {formatMessage(
                    {
                      id: 'crm.history.revertText',
                      defaultMessage:
                        '{record}: these fields go back to their values before the change. The revert is recorded as a change too.',
                    },
                    { record: reverting.record.label ?? reverting.record.documentId }
                  )}
                </Typography>
                <Box tag="ul" style={{ margin: 0, paddingLeft: '1.25rem' }}>
                  {reverting.changes.map((change) => (
                    <li key={change.field}>
                      <Typography>
                        {formatMessage(
                          { id: 'crm.history.revertField', defaultMessage: '{field}: {value}' },
                          {
                            field: labels.fieldLabel(change.field),
                            value: labels.value(change.before, change.field),
                          }
                        )}
                      </Typography>
                    </li>
                  ))}
                </Box>
              </Flex>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button fullWidth variant="tertiary" disabled={busy}>
                  {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
                </Button>
              </Dialog.Cancel>
              <Button
                fullWidth
                variant="danger-light"
                loading={busy}
                onClick={() => void revert(reverting)}
              >
                {formatMessage({ id: 'crm.history.confirmRevert', defaultMessage: 'Revert' })}
              </Button>
            </Dialog.Footer>
          </Dialog.Content>
        )}
      </Dialog.Root>
    </Flex>
  );
};
