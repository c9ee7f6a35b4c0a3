import { Button, Dialog, Typography } from '@strapi/design-system';
import { ArrowClockwise, WarningCircle } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { ImportJob } from '../../../../../contracts';
import { formatCount } from '../../../utils/format';

/** "Undo import", asking first what an undo removes, what it sets back and what it keeps. */
export const UndoButton = ({
  counts,
  disabled,
  loading,
  onUndo,
}: {
  counts: ImportJob['counts'];
  disabled: boolean;
  loading: boolean;
  onUndo: () => void;
}) => {
  const { formatMessage } = useIntl();
  const label = formatMessage({ id: 'crm.import.undo', defaultMessage: 'Undo import' });
  return (
    <Dialog.Root>
      <Dialog.Trigger>
        <Button
          variant="danger-light"
          startIcon={<ArrowClockwise />}
          loading={loading}
          disabled={disabled}
        >
          {label}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>
          {formatMessage({
            id: 'crm.import.undo.confirmTitle',
            defaultMessage: 'Undo this import?',
          })}
        </Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          <Typography textAlign="center">
            {formatMessage(
              {
                id: 'crm.import.undo.confirm',
                defaultMessage:
                  'The {count} records it created, and the customers it created for unmatched companies, will be deleted; a record someone has built on since (a comment, a list membership, a connection, another contact…) is kept.',
              },
              // Jobs run before imports could update records only count what they imported.
              { count: formatCount(counts.created ?? counts.imported) }
            )}
          </Typography>
          {(counts.updated ?? 0) > 0 ? (
            <Typography textAlign="center" tag="p">
              {formatMessage(
                {
                  id: 'crm.import.undo.confirmUpdated',
                  defaultMessage:
                    'The {count} records it updated are set back to their values before the import, except those changed since.',
                },
                { count: formatCount(counts.updated) }
              )}
            </Typography>
          ) : null}
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth variant="danger-light" onClick={onUndo}>
              {label}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
