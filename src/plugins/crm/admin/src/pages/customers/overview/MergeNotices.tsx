import { Alert, Box, Button } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { useCrmApi } from '../../../api';
import type { MergeNotice } from '../../../components/merge/MergeDialog';
import { useRequestErrors } from '../../../hooks/useRequestErrors';

/**
 * What the overview says of merges: a merge just made into this customer, with "Undo merge"
 * (the server refuses with its reasons when it can no longer be undone), and the address of a
 * customer merged into this one that led here.
 */
export const MergeNotices = ({
  notice,
  mergedFrom,
  canUndo,
  onDismiss,
  onUndone,
}: {
  notice?: MergeNotice;
  mergedFrom?: string;
  canUndo: boolean;
  onDismiss: () => void;
  onUndone: () => void;
}) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { notifyError, notifySuccess } = useRequestErrors();
  const [undoing, setUndoing] = React.useState(false);
  const noticeRef = React.useRef<HTMLDivElement>(null);

  // The merge may have been started far down the page (the duplicates card): show its notice.
  React.useEffect(() => {
    if (notice?.merge) noticeRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [notice?.merge]);
  const closeLabel = formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' });

  const undo = async (merge: string) => {
    setUndoing(true);
    try {
      const { meta } = await api.merges.undo(merge);
      notifySuccess(
        formatMessage(
          {
            id: 'crm.merge.undone',
            defaultMessage:
              'Merge undone: {count, plural, one {# customer} other {# customers}} restored',
          },
          { count: meta.restored.length }
        )
      );
      onDismiss();
      onUndone();
    } catch (failure) {
      notifyError(failure);
    } finally {
      setUndoing(false);
    }
  };

  return (
    <>
      {notice && (
        <Box ref={noticeRef}>
          <Alert
            variant="success"
            title={formatMessage({ id: 'crm.merge.notice.title', defaultMessage: 'Merged' })}
            closeLabel={closeLabel}
            onClose={onDismiss}
            data-testid="crm-merge-notice"
            action={
              canUndo ? (
                <Button
                  variant="tertiary"
                  size="S"
                  startIcon={<ArrowClockwise />}
                  loading={undoing}
                  onClick={() => void undo(notice.merge)}
                >
                  {formatMessage({ id: 'crm.merge.undo', defaultMessage: 'Undo merge' })}
                </Button>
              ) : undefined
            }
          >
            {formatMessage(
              {
                id: 'crm.merge.notice',
                defaultMessage: '{names} merged into this customer.',
              },
              { names: notice.mergedNames.join(', ') }
            )}
          </Alert>
        </Box>
      )}
      {mergedFrom && !notice && (
        <Alert
          variant="default"
          title={formatMessage({
            id: 'crm.merge.redirected.title',
            defaultMessage: 'Merged customer',
          })}
          closeLabel={closeLabel}
          onClose={onDismiss}
          data-testid="crm-merged-from"
        >
          {formatMessage(
            {
              id: 'crm.merge.redirected',
              defaultMessage:
                'The customer {documentId} was merged into this one: its address leads here.',
            },
            { documentId: mergedFrom }
          )}
        </Alert>
      )}
    </>
  );
};
