import { Alert, Box, Button, Flex, Loader, Modal, Radio, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';

import type { ContactPointKind, Customer } from '../../../../contracts';
import { useCrmApi } from '../../api';
import type { MergeMeta } from '../../api/client';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { detailsOf, statusOf } from '../../utils/serverErrors';
import { useAsyncResource } from '../../utils/useAsyncResource';
import { useCrmSettings } from '../customers/hooks';
import { customerName, customerPath } from '../customers/model';
import { FieldChoices } from './FieldChoices';
import { MergePreview } from './MergePreview';
import {
  defaultKeep,
  MERGE_FIELDS,
  mergeRequest,
  survivorFirst,
  type PointConflict,
} from './model';
import { PointChoices } from './PointChoices';

/** What the survivor's overview is told after a merge (router state): the merge to undo. */
export interface MergeNotice {
  merge: string;
  /** The names of the records merged into the survivor. */
  mergedNames: string[];
}

interface MergeDialogProps {
  open: boolean;
  /** The customers to merge, the one kept by default (the survivor) first. */
  documentIds: string[];
  onClose: () => void;
}

/** The records as loaded: a documentId merged meanwhile answers its survivor, kept once. */
const useMergeRecords = (open: boolean, documentIds: string[]) => {
  const api = useCrmApi();
  const key = open && documentIds.length > 0 ? documentIds.join(',') : null;
  const loaded = useAsyncResource(key, async () => {
    const answers = await Promise.all(documentIds.map((documentId) => api.customer(documentId)));
    const records: Customer[] = [];
    const redirected: { from: string; to: Customer }[] = [];
    answers.forEach((record, index) => {
      if (record.documentId !== documentIds[index])
        redirected.push({ from: documentIds[index], to: record });
      if (!records.some((known) => known.documentId === record.documentId)) records.push(record);
    });
    return { records, redirected };
  });
  return loaded;
};

/**
 * Merging duplicate customers: the records side by side, which one stays (the survivor), per field
 * the value it keeps, the contact points it keeps when together they are over the limits, a
 * preview (the server's dry run) and the merge, which opens the survivor's overview (with its undo).
 */
export const MergeDialog = ({ open, documentIds, onClose }: MergeDialogProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const navigate = useNavigate();
  const { messageOf, notifyError, notifySuccess } = useRequestErrors();
  const settings = useCrmSettings();
  const loaded = useMergeRecords(open, documentIds);
  const records = React.useMemo(() => loaded.data?.records ?? [], [loaded.data]);

  const [survivor, setSurvivor] = React.useState<string | null>(null);
  const [chosen, setChosen] = React.useState<Record<string, string>>({});
  const [keep, setKeep] = React.useState<Partial<Record<ContactPointKind, string[]>>>({});
  const [conflicts, setConflicts] = React.useState<PointConflict[]>([]);
  const [preview, setPreview] = React.useState<{ data: Customer; meta: MergeMeta } | null>(null);
  const [error, setError] = React.useState<string>();
  const [busy, setBusy] = React.useState<'preview' | 'merge' | null>(null);

  // A new set of records starts over.
  const setKey = open ? documentIds.join(',') : '';
  React.useEffect(() => {
    setSurvivor(null);
    setChosen({});
    setKeep({});
    setConflicts([]);
    setPreview(null);
    setError(undefined);
  }, [setKey]);

  // What a preview or a refused merge brings is shown where it is, below the choices.
  const pointsRef = React.useRef<HTMLDivElement>(null);
  const previewRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (conflicts.length > 0) pointsRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [conflicts]);
  React.useEffect(() => {
    if (preview) previewRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [preview]);

  const survivorId = survivor ?? records[0]?.documentId ?? null;
  const ordered = survivorId ? survivorFirst(records, survivorId) : records;
  const type = ordered[0]?.type ?? 'individual';
  const mixedTypes = ordered.some((record) => record.type !== type);
  const fields = MERGE_FIELDS[type];
  const canRun = ordered.length >= 2 && !mixedTypes && busy === null;

  /** Any change of the choices makes the last preview stale. */
  const changed = () => {
    setPreview(null);
    setError(undefined);
  };

  const run = async (dryRun: boolean) => {
    if (!canRun) return;
    setBusy(dryRun ? 'preview' : 'merge');
    setError(undefined);
    try {
      const answer = await api.merges.customers(mergeRequest(ordered, fields, chosen, keep), {
        dryRun,
      });
      if (dryRun) {
        setPreview(answer);
        return;
      }
      const merged = ordered.slice(1);
      notifySuccess(
        formatMessage(
          {
            id: 'crm.merge.done',
            defaultMessage:
              '{count, plural, one {# customer} other {# customers}} merged into {name}',
          },
          { count: merged.length, name: customerName(answer.data) }
        )
      );
      onClose();
      const notice: MergeNotice | undefined = answer.meta.merge
        ? { merge: answer.meta.merge, mergedNames: merged.map(customerName) }
        : undefined;
      navigate(customerPath(answer.data.documentId), { state: { mergeNotice: notice } });
    } catch (failure) {
      const found = detailsOf<{ conflicts: PointConflict[] }>(failure).conflicts;
      if (statusOf(failure) === 400 && Array.isArray(found) && found.length > 0) {
        setPreview(null);
        setConflicts((current) => [
          ...current.filter((conflict) => !found.some((item) => item.kind === conflict.kind)),
          ...found,
        ]);
        const limits = settings.data?.limits[type];
        setKeep((current) => {
          const next = { ...current };
          for (const conflict of found) next[conflict.kind] ??= defaultKeep(conflict, limits);
          return next;
        });
        setError(
          formatMessage({
            id: 'crm.merge.choosePoints',
            defaultMessage:
              'Together the customers have more contact points than one may keep. Choose the ones to keep below, then preview again.',
          })
        );
        return;
      }
      setError(messageOf(failure));
      notifyError(failure);
    } finally {
      setBusy(null);
    }
  };

  const title = formatMessage({ id: 'crm.merge.title', defaultMessage: 'Merge customers' });

  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content style={{ maxWidth: '110rem', width: '92vw' }}>
        <Modal.Header
          closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
        >
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {loaded.isLoading && !loaded.data ? (
            <Flex justifyContent="center" padding={6}>
              <Loader>
                {formatMessage({
                  id: 'crm.merge.loading',
                  defaultMessage: 'Loading the customers',
                })}
              </Loader>
            </Flex>
          ) : loaded.error !== undefined ? (
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Typography textColor="danger600">{messageOf(loaded.error)}</Typography>
              <Flex>
                <Button variant="secondary" onClick={loaded.reload}>
                  {formatMessage({ id: 'crm.common.tryAgain', defaultMessage: 'Try again' })}
                </Button>
              </Flex>
            </Flex>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={6}>
              {error && (
                <Alert
                  variant="danger"
                  title={formatMessage({
                    id: 'crm.merge.notMerged',
                    defaultMessage: 'Not merged',
                  })}
                  closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
                  onClose={() => setError(undefined)}
                  data-testid="crm-merge-error"
                >
                  {error}
                </Alert>
              )}
              {loaded.data?.redirected.map(({ from, to }) => (
                <Typography key={from} textColor="neutral600">
                  {formatMessage(
                    {
                      id: 'crm.merge.alreadyMerged',
                      defaultMessage: '{documentId} was already merged into {name}.',
                    },
                    { documentId: from, name: customerName(to) }
                  )}
                </Typography>
              ))}
              {ordered.length < 2 && (
                <Typography textColor="neutral600">
                  {formatMessage({
                    id: 'crm.merge.nothingToMerge',
                    defaultMessage: 'There is only one customer left: nothing to merge.',
                  })}
                </Typography>
              )}
              {mixedTypes && (
                <Typography textColor="danger600">
                  {formatMessage({
                    id: 'crm.merge.mixedTypes',
                    defaultMessage:
                      'Only customers of one type merge: individuals with individuals, businesses with businesses.',
                  })}
                </Typography>
              )}
              {ordered.length >= 2 && (
                <>
                  <Box>
                    <Typography variant="delta" tag="h3" id="crm-merge-survivor">
                      {formatMessage({
                        id: 'crm.merge.survivor',
                        defaultMessage: 'Which customer stays?',
                      })}
                    </Typography>
                    <Typography variant="pi" textColor="neutral600" tag="p">
                      {formatMessage({
                        id: 'crm.merge.survivorHint',
                        defaultMessage:
                          'The others are merged into it: their contact points, connections, relationships and contacts move to it, and their addresses lead to it.',
                      })}
                    </Typography>
                    <Box paddingTop={3}>
                      <Radio.Group
                        aria-labelledby="crm-merge-survivor"
                        value={survivorId ?? ''}
                        onValueChange={(value: string) => {
                          setSurvivor(value);
                          changed();
                        }}
                      >
                        <Flex gap={6} wrap="wrap">
                          {records.map((record) => (
                            <Radio.Item key={record.documentId} value={record.documentId}>
                              {`${customerName(record)} (${record.customerNumber})`}
                            </Radio.Item>
                          ))}
                        </Flex>
                      </Radio.Group>
                    </Box>
                  </Box>
                  {!mixedTypes && (
                    <>
                      <FieldChoices
                        ordered={ordered}
                        fields={fields}
                        chosen={chosen}
                        onChoose={(field, documentId) => {
                          setChosen((current) => ({ ...current, [field]: documentId }));
                          changed();
                        }}
                      />
                      <Box ref={pointsRef}>
                        <PointChoices
                          ordered={ordered}
                          conflicts={conflicts}
                          keep={keep}
                          onKeep={(kind, documentIds) => {
                            setKeep((current) => ({ ...current, [kind]: documentIds }));
                            changed();
                          }}
                          preview={preview?.data}
                        />
                      </Box>
                    </>
                  )}
                  {preview && (
                    <Box ref={previewRef}>
                      <MergePreview
                        survivor={preview.data}
                        moved={preview.meta.moved}
                        fields={fields}
                      />
                    </Box>
                  )}
                </>
              )}
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose} type="button">
            {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
          </Button>
          <Flex gap={2}>
            <Button
              variant="secondary"
              type="button"
              loading={busy === 'preview'}
              disabled={!canRun}
              onClick={() => void run(true)}
            >
              {formatMessage({ id: 'crm.merge.preview', defaultMessage: 'Preview' })}
            </Button>
            <Button
              type="button"
              loading={busy === 'merge'}
              disabled={!canRun}
              onClick={() => void run(false)}
            >
              {formatMessage({ id: 'crm.merge.merge', defaultMessage: 'Merge' })}
            </Button>
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
