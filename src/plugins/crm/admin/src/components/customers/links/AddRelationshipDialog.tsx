import {
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
} from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { LOOSE_TYPES, type CustomerRef, type RelationshipKind } from '../../../../../contracts';
import { useCrmApi } from '../../../api';
import { useInlineLabel } from '../../../hooks/useInlineLabel';
import { useValueLabel } from '../../../hooks/useValueLabel';
import { CustomerPicker } from '../CustomerPicker';
import { ErrorAlert, useLinkSave, type LinkDialogProps } from './useLinkSave';

interface AddRelationshipDialogProps extends LinkDialogProps {
  kind: RelationshipKind;
}

/** Add a hierarchical link (a parent or a child of this customer) or a loose link (other, investor, subsidiary). */
export const AddRelationshipDialog = ({
  open,
  kind,
  customer,
  onClose,
  onSaved,
}: AddRelationshipDialogProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const inline = useInlineLabel();
  const api = useCrmApi();
  const [picked, setPicked] = React.useState<CustomerRef | null>(null);
  const [role, setRole] = React.useState<'parent' | 'child'>('parent');
  const [type, setType] = React.useState('other');
  const { save, saving, error, reset } = useLinkSave(onSaved);

  React.useEffect(() => {
    if (open) {
      setPicked(null);
      setRole('parent');
      setType('other');
      reset();
    }
  }, [open, reset]);

  const fields = error?.fields ?? {};
  const sideError =
    fields.parent ?? fields.child ?? fields.customer ?? fields.linkedCustomer ?? fields.kind;

  const submit = () => {
    if (!picked) return;
    const name = picked.name;
    if (kind === 'hierarchical') {
      const [parent, child] =
        role === 'parent'
          ? [picked.documentId, customer.documentId]
          : [customer.documentId, picked.documentId];
      void save(
        () => api.createRelationship({ kind, parent, child }),
        role === 'parent'
          ? formatMessage(
              { id: 'crm.links.nowParent', defaultMessage: '{name} is now the parent' },
              { name }
            )
          : formatMessage(
              { id: 'crm.links.nowChild', defaultMessage: '{name} is now a child' },
              { name }
            )
      );
    } else {
      void save(
        () =>
          api.createRelationship({
            kind,
            customer: customer.documentId,
            linkedCustomer: picked.documentId,
            type,
          }),
        formatMessage(
          { id: 'crm.links.linkedAs', defaultMessage: '{name} linked as {type}' },
          { name, type: inline(valueLabel(type)) }
        )
      );
    }
  };

  const pickerLabel =
    kind === 'loose'
      ? formatMessage({ id: 'crm.links.linkedCustomer', defaultMessage: 'Linked customer' })
      : role === 'parent'
        ? formatMessage({ id: 'crm.links.parentCustomer', defaultMessage: 'Parent customer' })
        : formatMessage({ id: 'crm.links.childCustomer', defaultMessage: 'Child customer' });

  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content>
        <Modal.Header
          closeLabel={formatMessage({ id: 'crm.common.close', defaultMessage: 'Close' })}
        >
          <Modal.Title>
            {kind === 'hierarchical'
              ? formatMessage({
                  id: 'crm.links.addHierarchicalTitle',
                  defaultMessage: 'Add hierarchical relationship',
                })
              : formatMessage({
                  id: 'crm.links.addLooseTitle',
                  defaultMessage: 'Add loosely linked relationship',
                })}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <ErrorAlert message={error?.message} onClose={reset} />
            {kind === 'hierarchical' && (
              <Field.Root name="role">
                <Field.Label>
                  {formatMessage({
                    id: 'crm.links.pickedIs',
                    defaultMessage: 'The customer you pick is',
                  })}
                </Field.Label>
                <SingleSelect
                  value={role}
                  onChange={(value: string | number) => setRole(value as 'parent' | 'child')}
                >
                  <SingleSelectOption value="parent">
                    {formatMessage({
                      id: 'crm.links.pickedIsParent',
                      defaultMessage: 'the parent of this customer',
                    })}
                  </SingleSelectOption>
                  <SingleSelectOption value="child">
                    {formatMessage({
                      id: 'crm.links.pickedIsChild',
                      defaultMessage: 'a child of this customer',
                    })}
                  </SingleSelectOption>
                </SingleSelect>
              </Field.Root>
            )}
            <CustomerPicker
              label={pickerLabel}
              excludeId={customer.documentId}
              value={picked}
              onChange={setPicked}
              error={sideError}
            />
            {kind === 'loose' && (
              <Field.Root name="type" error={fields.type}>
                <Field.Label>
                  {formatMessage({
                    id: 'crm.links.relationshipType',
                    defaultMessage: 'Relationship type',
                  })}
                </Field.Label>
                <SingleSelect
                  value={type}
                  onChange={(value: string | number) => setType(String(value))}
                >
                  {LOOSE_TYPES.map((value) => (
                    <SingleSelectOption key={value} value={value}>
                      {valueLabel(value)}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Error />
              </Field.Root>
            )}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Button variant="tertiary" onClick={onClose} type="button">
            {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
          </Button>
          <Button loading={saving} disabled={!picked} onClick={submit}>
            {formatMessage({ id: 'crm.common.save', defaultMessage: 'Save' })}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
