import { Alert, Button, Flex, Modal } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { Address, ContactPointKind, Email, Phone } from '../../../../../contracts';
import { useCrmApi } from '../../../api';
import { useInlineLabel } from '../../../hooks/useInlineLabel';
import { useRequestErrors } from '../../../hooks/useRequestErrors';
import { fieldErrorsOf } from '../../../utils/serverErrors';
import {
  newPointDraft,
  pointDraftOf,
  pointFieldsOf,
  type PointDraft,
} from '../contact-point-draft';
import { ContactPointFields } from '../ContactPointFields';
import { useKindLabels } from '../useKindLabels';

export type StoredPoint = Address | Phone | Email;

interface ContactPointDialogProps {
  /** The kind of point being added or edited; null when the dialog is closed. */
  kind: ContactPointKind | null;
  customerId: string;
  /** The point edited; absent to add one. */
  point?: StoredPoint;
  types: readonly string[];
  /** The types the customer's other points of the kind have (one of each type). */
  takenTypes: readonly string[];
  onClose: () => void;
  onSaved: (message: string) => void;
}

/** The server's message for a field, whether it names it alone (`number`) or under a prefix (`data.number`). */
const messageFor = (fields: Record<string, string>, field: string) =>
  fields[field] ??
  Object.entries(fields).find(([path]) => path.endsWith(`.${field}`))?.[1] ??
  undefined;

/** Adds a contact point to a customer, or edits one; the server's messages show on the fields. */
export const ContactPointDialog = ({
  kind,
  customerId,
  point,
  types,
  takenTypes,
  onClose,
  onSaved,
}: ContactPointDialogProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const kindLabels = useKindLabels();
  const inline = useInlineLabel();
  const { messageOf } = useRequestErrors();
  const [row, setRow] = React.useState<PointDraft>(() => newPointDraft(types[0] ?? ''));
  const [errors, setErrors] = React.useState<{ message?: string; fields: Record<string, string> }>({
    fields: {},
  });
  const [saving, setSaving] = React.useState(false);

  React.useEffect(() => {
    if (!kind) return;
    setRow(
      point
        ? pointDraftOf(kind, point as unknown as Record<string, unknown> & { type: string })
        : newPointDraft(types.find((type) => !takenTypes.includes(type)) ?? types[0] ?? '')
    );
    setErrors({ fields: {} });
    // Only when the dialog opens on a point.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [kind, point?.documentId]);

  if (!kind) return null;
  const labels = kindLabels(kind);
  const kindName = inline(labels.one);
  const title = point
    ? formatMessage(
        { id: 'crm.edit.point.editTitle', defaultMessage: 'Edit {kind}' },
        { kind: kindName }
      )
    : formatMessage(
        { id: 'crm.contactPoints.add', defaultMessage: 'Add {kind}' },
        { kind: kindName }
      );

  const save = async () => {
    setSaving(true);
    try {
      if (point) {
        await api.contactPoints.update(kind, point.documentId, {
          type: row.type,
          ...pointFieldsOf(kind, row, 'update'),
        });
      } else {
        await api.contactPoints.create(kind, {
          type: row.type,
          ...pointFieldsOf(kind, row),
          customer: customerId,
        });
      }
      onSaved(
        point
          ? formatMessage(
              { id: 'crm.edit.point.updated', defaultMessage: '{kind} saved' },
              { kind: labels.one }
            )
          : formatMessage(
              { id: 'crm.edit.point.added', defaultMessage: '{kind} added' },
              { kind: labels.one }
            )
      );
    } catch (failure) {
      setErrors({ message: messageOf(failure), fields: fieldErrorsOf(failure) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal.Root open onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content style={{ maxWidth: '64rem', width: '80vw' }}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Modal.Header
            closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
          >
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {errors.message && (
                <Alert
                  variant="danger"
                  title={formatMessage({ id: 'crm.common.notSaved', defaultMessage: 'Not saved' })}
                  closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
                  onClose={() => setErrors((current) => ({ ...current, message: undefined }))}
                  data-testid="crm-point-error"
                >
                  {errors.message}
                </Alert>
              )}
              <ContactPointFields
                kind={kind}
                row={row}
                types={types}
                takenTypes={takenTypes}
                typeLabel={formatMessage({ id: 'crm.edit.point.type', defaultMessage: 'Type' })}
                onChange={setRow}
                errorOf={(field) => messageFor(errors.fields, field)}
                autoFocus
              />
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Button variant="tertiary" type="button" onClick={onClose}>
              {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
            </Button>
            <Button type="submit" loading={saving}>
              {formatMessage({ id: 'crm.common.save', defaultMessage: 'Save' })}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
};
