import { Box, Checkbox, Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import {
  CONTACT_POINT_KINDS,
  CONTACT_POINT_PLURALS,
  type Address,
  type ContactPointKind,
  type Customer,
  type Email,
  type Phone,
} from '../../../../contracts';
import { useInlineLabel } from '../../hooks/useInlineLabel';
import { useValueLabel } from '../../hooks/useValueLabel';
import { ActiveBadge } from '../ActiveBadge';
import { customerName } from '../customers/model';
import { useKindLabels } from '../customers/useKindLabels';
import { poolPoints, pointValue, type PointConflict } from './model';

/** The rule a conflict broke, without its advice to API clients (`…: choose the emails to keep with keep.email`). */
const ruleOf = (message: string) =>
  message.replace(/:\s*choose the \w+ to keep with keep\.\w+\s*$/, '');

interface PointChoicesProps {
  /** The records, survivor first. */
  ordered: Customer[];
  /** The kinds the last dry run (or merge) found over the limits. */
  conflicts: PointConflict[];
  keep: Partial<Record<ContactPointKind, string[]>>;
  onKeep: (kind: ContactPointKind, documentIds: string[]) => void;
  /** The survivor as the last dry run made it (its points are what it will have). */
  preview?: Customer;
}

/**
 * The contact points of the records, pooled per kind: checkboxes to choose the ones to keep for a
 * kind over the limits; otherwise what the survivor will have (after a preview) or what the records
 * hold (identical points become one).
 */
export const PointChoices = ({ ordered, conflicts, keep, onKeep, preview }: PointChoicesProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const kindLabels = useKindLabels();
  const inline = useInlineLabel();
  const nameOf = (documentId: string) => {
    const record = ordered.find((customer) => customer.documentId === documentId);
    return record ? customerName(record) : documentId;
  };
  const none = formatMessage({ id: 'crm.common.none', defaultMessage: 'None' });
  const primary = (
    <ActiveBadge>
      {formatMessage({ id: 'crm.merge.primary', defaultMessage: 'Primary' })}
    </ActiveBadge>
  );

  return (
    <Grid.Root gap={5} data-testid="crm-merge-points">
      {CONTACT_POINT_KINDS.map((kind) => {
        const conflict = conflicts.find((item) => item.kind === kind);
        const title = kindLabels(kind).many;
        if (conflict) {
          const kept = keep[kind] ?? [];
          return (
            <Grid.Item key={kind} col={4} s={12} direction="column" alignItems="stretch" gap={2}>
              <Typography variant="sigma" textColor="neutral600">
                {title}
              </Typography>
              <Box padding={3} hasRadius background="warning100" borderColor="warning200">
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <Typography variant="pi" textColor="neutral800">
                    {formatMessage(
                      {
                        id: 'crm.merge.points.overLimit',
                        defaultMessage:
                          'Together they have more {kind} than a customer may keep: choose the ones to keep.',
                      },
                      { kind: inline(title) }
                    )}
                  </Typography>
                  {conflict.message && (
                    <Typography variant="pi" textColor="neutral600">
                      {ruleOf(conflict.message)}
                    </Typography>
                  )}
                  {conflict.candidates.map((candidate) => (
                    <Checkbox
                      key={candidate.documentId}
                      name={`keep-${kind}`}
                      checked={kept.includes(candidate.documentId)}
                      onCheckedChange={(checked: boolean | 'indeterminate') =>
                        onKeep(
                          kind,
                          checked === true
                            ? [...kept, candidate.documentId]
                            : kept.filter((id) => id !== candidate.documentId)
                        )
                      }
                    >
                      {formatMessage(
                        {
                          id: 'crm.merge.points.candidate',
                          defaultMessage: '{value} ({type}) of {record}',
                        },
                        {
                          value: candidate.value,
                          type: valueLabel(candidate.type),
                          record: nameOf(candidate.customer),
                        }
                      )}
                      {candidate.isPrimary
                        ? ` · ${formatMessage({ id: 'crm.merge.primary', defaultMessage: 'Primary' })}`
                        : ''}
                    </Checkbox>
                  ))}
                </Flex>
              </Box>
            </Grid.Item>
          );
        }
        if (preview) {
          const points = (preview[CONTACT_POINT_PLURALS[kind]] ?? []) as (
            Address | Phone | Email
          )[];
          return (
            <Grid.Item key={kind} col={4} s={12} direction="column" alignItems="stretch" gap={2}>
              <Typography variant="sigma" textColor="neutral600">
                {title}
              </Typography>
              {points.length === 0 && <Typography textColor="neutral600">{none}</Typography>}
              {points.map((point) => (
                <Flex key={point.documentId} gap={2} wrap="wrap">
                  <Typography>{`${pointValue(kind, point)} (${valueLabel(point.type)})`}</Typography>
                  {point.isPrimary && primary}
                </Flex>
              ))}
            </Grid.Item>
          );
        }
        const pooled = poolPoints(ordered, kind);
        return (
          <Grid.Item key={kind} col={4} s={12} direction="column" alignItems="stretch" gap={2}>
            <Typography variant="sigma" textColor="neutral600">
              {title}
            </Typography>
            {pooled.length === 0 && <Typography textColor="neutral600">{none}</Typography>}
            {pooled.map((point) => (
              <Flex key={point.documentId} gap={2} wrap="wrap">
                <Typography textColor={point.sameAs ? 'neutral600' : undefined}>
                  {`${point.value} (${valueLabel(point.type)})`}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {point.sameAs
                    ? formatMessage(
                        {
                          id: 'crm.merge.points.same',
                          defaultMessage: 'of {record}: the same, kept once',
                        },
                        { record: nameOf(point.customer) }
                      )
                    : formatMessage(
                        { id: 'crm.merge.points.of', defaultMessage: 'of {record}' },
                        { record: nameOf(point.customer) }
                      )}
                </Typography>
              </Flex>
            ))}
          </Grid.Item>
        );
      })}
    </Grid.Root>
  );
};
