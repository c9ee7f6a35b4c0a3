import { Button, Dialog, Flex, Grid, IconButton, Typography } from '@strapi/design-system';
import { Check, Pencil, Plus, Trash, WarningCircle } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';

import {
  CONTACT_POINT_KINDS,
  CONTACT_POINT_PLURALS,
  type Address,
  type ContactPointKind,
  type CrmSettings,
  type Customer,
  type Phone,
} from '../../../../../contracts';
import { useCrmApi } from '../../../api';
import { useInlineLabel } from '../../../hooks/useInlineLabel';
import { useRequestErrors } from '../../../hooks/useRequestErrors';
import { useValueLabel } from '../../../hooks/useValueLabel';
import { ActiveBadge } from '../../ActiveBadge';
import { formatAddress, formatPhone } from '../model';
import { useKindLabels } from '../useKindLabels';
import { ContactPointDialog, type StoredPoint } from './ContactPointDialog';

export const describePoint = (kind: ContactPointKind, point: StoredPoint) =>
  kind === 'address'
    ? formatAddress(point as Address)
    : kind === 'phone'
      ? formatPhone((point as Phone).number)
      : (point as { address: string }).address;

interface ContactPointsSectionProps {
  customer: Customer;
  canManage: boolean;
  /** Types and limits; the points are only listed until they are known. */
  settings?: CrmSettings;
  /** Makes another contact point the primary of its kind. */
  onMakePrimary: (kind: ContactPointKind, documentId: string) => Promise<void>;
  /** After a point was added, edited or removed. */
  onChanged: () => void;
}

/**
 * The customer's addresses, phones and emails, a column per kind: how many of the limit it has,
 * which is the primary, and for an admin who manages customers add (up to the limit, saying why
 * not beyond it), edit, remove and make primary.
 */
export const ContactPointsSection = ({
  customer,
  canManage,
  settings,
  onMakePrimary,
  onChanged,
}: ContactPointsSectionProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const kindLabels = useKindLabels();
  const inline = useInlineLabel();
  const api = useCrmApi();
  const { notifyError, notifySuccess } = useRequestErrors();
  const [busy, setBusy] = React.useState<string | null>(null);
  const [editing, setEditing] = React.useState<{
    kind: ContactPointKind;
    point?: StoredPoint;
  } | null>(null);
  const [removing, setRemoving] = React.useState<{
    kind: ContactPointKind;
    point: StoredPoint;
  } | null>(null);
  const none = formatMessage({ id: 'crm.common.none', defaultMessage: 'None' });
  const limits = settings?.limits[customer.type];
  const pointsOf = (kind: ContactPointKind) =>
    (customer[CONTACT_POINT_PLURALS[kind]] ?? []) as StoredPoint[];

  const runBusy = async (id: string, work: () => Promise<void>) => {
    setBusy(id);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  };

  const remove = async (kind: ContactPointKind, point: StoredPoint) => {
    setRemoving(null);
    await runBusy(point.documentId, async () => {
      try {
        await api.contactPoints.remove(kind, point.documentId);
        notifySuccess(
          formatMessage(
            { id: 'crm.edit.point.removed', defaultMessage: '{kind} {value} removed' },
            { kind: kindLabels(kind).one, value: describePoint(kind, point) }
          )
        );
      } catch (failure) {
        notifyError(failure);
      } finally {
        onChanged();
      }
    });
  };

  return (
    <>
      <Grid.Root gap={5}>
        {CONTACT_POINT_KINDS.map((kind) => {
          const points = pointsOf(kind);
          const labels = kindLabels(kind);
          const plural = CONTACT_POINT_PLURALS[kind];
          const limit = limits?.[kind];
          const types = settings?.contactPointTypes[kind] ?? [];
          const usedTypes = points.map((point) => point.type);
          const atLimit = limit !== undefined && points.length >= limit;
          const typesUsed =
            limits?.onePerType === true &&
            types.length > 0 &&
            types.every((type) => usedTypes.includes(type));
          const reason = atLimit
            ? formatMessage(
                {
                  id: 'crm.overview.points.atLimit',
                  defaultMessage:
                    'At the limit: {type, select, business {a business} other {an individual}} can have at most {limit} {kind}.',
                },
                { type: customer.type, limit, kind: inline(labels.many) }
              )
            : typesUsed
              ? formatMessage(
                  {
                    id: 'crm.overview.points.typesUsed',
                    defaultMessage: 'Every type is in use: one {kind} of each type.',
                  },
                  { kind: inline(labels.one) }
                )
              : undefined;
          const reasonId = `crm-${plural}-add-reason`;
          return (
            <Grid.Item
              key={kind}
              col={4}
              s={12}
              direction="column"
              alignItems="stretch"
              gap={2}
              data-testid={`crm-overview-${plural}`}
            >
              <Flex justifyContent="space-between" alignItems="flex-start" gap={2}>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <Typography variant="delta" tag="h3">
                    {labels.many}
                  </Typography>
                  {limit !== undefined && (
                    <Typography
                      variant="pi"
                      textColor="neutral600"
                      data-testid={`crm-${plural}-count`}
                    >
                      {formatMessage(
                        {
                          id: 'crm.overview.points.count',
                          defaultMessage: '{count} of {limit} {kind}',
                        },
                        { count: points.length, limit, kind: inline(labels.many) }
                      )}
                    </Typography>
                  )}
                </Flex>
                {canManage && settings && (
                  <Button
                    size="S"
                    variant="secondary"
                    startIcon={<Plus />}
                    disabled={reason !== undefined}
                    aria-describedby={reason ? reasonId : undefined}
                    onClick={() => setEditing({ kind })}
                  >
                    {formatMessage(
                      { id: 'crm.contactPoints.add', defaultMessage: 'Add {kind}' },
                      { kind: inline(labels.one) }
                    )}
                  </Button>
                )}
              </Flex>
              {canManage && reason && (
                <Typography variant="pi" textColor="neutral600" id={reasonId}>
                  {reason}
                </Typography>
              )}
              {points.length === 0 && <Typography textColor="neutral600">{none}</Typography>}
              {points.map((point) => {
                const described = describePoint(kind, point);
                const pointName = `${inline(labels.one)} ${described}`;
                return (
                  <Flex
                    key={point.documentId}
                    gap={2}
                    alignItems="center"
                    justifyContent="space-between"
                    data-testid={`crm-point-${point.documentId}`}
                  >
                    <Typography>
                      <Typography fontWeight="semiBold">{valueLabel(point.type)}:</Typography>{' '}
                      {described}
                    </Typography>
                    <Flex gap={1}>
                      {point.isPrimary ? (
                        <ActiveBadge>
                          {formatMessage({ id: 'crm.summary.primary', defaultMessage: 'Primary' })}
                        </ActiveBadge>
                      ) : (
                        canManage && (
                          <Button
                            size="S"
                            variant="tertiary"
                            startIcon={<Check />}
                            loading={busy === `primary-${point.documentId}`}
                            onClick={() =>
                              void runBusy(`primary-${point.documentId}`, () =>
                                onMakePrimary(kind, point.documentId)
                              )
                            }
                          >
                            {formatMessage({
                              id: 'crm.summary.makePrimary',
                              defaultMessage: 'Make primary',
                            })}
                          </Button>
                        )
                      )}
                      {canManage && settings && (
                        <>
                          <IconButton
                            label={formatMessage(
                              { id: 'crm.edit.point.edit', defaultMessage: 'Edit {point}' },
                              { point: pointName }
                            )}
                            variant="ghost"
                            onClick={() => setEditing({ kind, point })}
                          >
                            <Pencil />
                          </IconButton>
                          <IconButton
                            label={formatMessage(
                              { id: 'crm.edit.point.remove', defaultMessage: 'Remove {point}' },
                              { point: pointName }
                            )}
                            variant="ghost"
                            disabled={busy === point.documentId}
                            onClick={() => setRemoving({ kind, point })}
                          >
                            <Trash />
                          </IconButton>
                        </>
                      )}
                    </Flex>
                  </Flex>
                );
              })}
            </Grid.Item>
          );
        })}
      </Grid.Root>
      {settings && (
        <ContactPointDialog
          kind={editing?.kind ?? null}
          customerId={customer.documentId}
          point={editing?.point}
          types={editing ? settings.contactPointTypes[editing.kind] : []}
          takenTypes={
            editing && limits?.onePerType
              ? pointsOf(editing.kind)
                  .filter((other) => other.documentId !== editing.point?.documentId)
                  .map((other) => other.type)
              : []
          }
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setEditing(null);
            notifySuccess(message);
            onChanged();
          }}
        />
      )}
      <Dialog.Root
        open={removing !== null}
        onOpenChange={(open: boolean) => !open && setRemoving(null)}
      >
        {removing && (
          <Dialog.Content>
            <Dialog.Header>
              {formatMessage(
                { id: 'crm.edit.point.removeTitle', defaultMessage: 'Remove this {kind}?' },
                { kind: inline(kindLabels(removing.kind).one) }
              )}
            </Dialog.Header>
            <Dialog.Body icon={<WarningCircle fill="danger600" />}>
              <Typography textAlign="center">
                {removing.point.isPrimary
                  ? formatMessage(
                      {
                        id: 'crm.edit.point.removePrimary',
                        defaultMessage:
                          '{value} is the primary {kind}: the oldest remaining one becomes the primary.',
                      },
                      {
                        value: describePoint(removing.kind, removing.point),
                        kind: inline(kindLabels(removing.kind).one),
                      }
                    )
                  : describePoint(removing.kind, removing.point)}
              </Typography>
            </Dialog.Body>
            <Dialog.Footer>
              <Dialog.Cancel>
                <Button fullWidth variant="tertiary">
                  {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
                </Button>
              </Dialog.Cancel>
              <Dialog.Action>
                <Button
                  fullWidth
                  variant="danger-light"
                  onClick={() => void remove(removing.kind, removing.point)}
                >
                  {formatMessage({ id: 'crm.edit.point.confirmRemove', defaultMessage: 'Remove' })}
                </Button>
              </Dialog.Action>
            </Dialog.Footer>
          </Dialog.Content>
        )}
      </Dialog.Root>
    </>
  );
};
