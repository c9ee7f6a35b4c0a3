import { Box, Flex, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { Customer } from '../../../../contracts';
import { useValueLabel } from '../../hooks/useValueLabel';
import { formatCount } from '../../utils/format';
import { customerName, humanize } from '../customers/model';
import { isEmptyValue, type MergeField } from './model';

/** The names of the counts a merge answers in `meta.moved` (a count added later reads humanized). */
const useMovedLabel = () => {
  const { formatMessage } = useIntl();
  const labels = React.useMemo<Record<string, string>>(
    () => ({
      addresses: formatMessage({
        id: 'crm.merge.moved.addresses',
        defaultMessage: 'Addresses moved',
      }),
      phones: formatMessage({ id: 'crm.merge.moved.phones', defaultMessage: 'Phones moved' }),
      emails: formatMessage({ id: 'crm.merge.moved.emails', defaultMessage: 'Emails moved' }),
      duplicatePoints: formatMessage({
        id: 'crm.merge.moved.duplicatePoints',
        defaultMessage: 'Identical contact points kept once',
      }),
      leftOutPoints: formatMessage({
        id: 'crm.merge.moved.leftOutPoints',
        defaultMessage: 'Contact points left out',
      }),
      connections: formatMessage({
        id: 'crm.merge.moved.connections',
        defaultMessage: 'Connections moved',
      }),
      connectionsFolded: formatMessage({
        id: 'crm.merge.moved.connectionsFolded',
        defaultMessage: 'Connections already held',
      }),
      connectionsRemoved: formatMessage({
        id: 'crm.merge.moved.connectionsRemoved',
        defaultMessage: 'Connections between the merged customers removed',
      }),
      relationships: formatMessage({
        id: 'crm.merge.moved.relationships',
        defaultMessage: 'Relationships moved',
      }),
      relationshipsFolded: formatMessage({
        id: 'crm.merge.moved.relationshipsFolded',
        defaultMessage: 'Relationships already held',
      }),
      relationshipsRemoved: formatMessage({
        id: 'crm.merge.moved.relationshipsRemoved',
        defaultMessage: 'Relationships between the merged customers removed',
      }),
      contacts: formatMessage({ id: 'crm.merge.moved.contacts', defaultMessage: 'Contacts moved' }),
      convertedContacts: formatMessage({
        id: 'crm.merge.moved.convertedContacts',
        defaultMessage: 'Converted contacts moved',
      }),
      primaryContactOf: formatMessage({
        id: 'crm.merge.moved.primaryContactOf',
        defaultMessage: 'Businesses whose primary contact it is',
      }),
      otherLinks: formatMessage({
        id: 'crm.merge.moved.otherLinks',
        defaultMessage: 'Other links moved',
      }),
    }),
    [formatMessage]
  );
  return (key: string) => labels[key] ?? humanize(key);
};

/** What the dry run said: the survivor as the merge would leave it, and what would move to it. */
export const MergePreview = ({
  survivor,
  moved,
  fields,
}: {
  survivor: Customer;
  moved: Record<string, number>;
  fields: MergeField[];
}) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const movedLabel = useMovedLabel();
  const counts = Object.entries(moved).filter(([, count]) => count > 0);
  const record = survivor as unknown as Record<string, unknown>;
  const filled = fields.filter(
    (field) =>
      field.kind !== 'customer' && field.kind !== 'boolean' && !isEmptyValue(record[field.name])
  );

  return (
    <Box
      padding={4}
      hasRadius
      background="primary100"
      borderColor="primary200"
      data-testid="crm-merge-preview"
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h3">
          {formatMessage(
            {
              id: 'crm.merge.preview.title',
              defaultMessage: 'After the merge: {name} ({number})',
            },
            { name: customerName(survivor), number: survivor.customerNumber }
          )}
        </Typography>
        <Flex gap={6} wrap="wrap" alignItems="flex-start">
          {filled.map((field) => (
            <Flex key={field.name} direction="column" alignItems="flex-start" gap={1}>
              <Typography variant="sigma" textColor="neutral600">
                {formatMessage(field.label)}
              </Typography>
              <Typography>
                {field.kind === 'enum'
                  ? valueLabel(String(record[field.name]))
                  : String(record[field.name])}
              </Typography>
            </Flex>
          ))}
        </Flex>
        <Flex direction="column" alignItems="stretch" gap={1} data-testid="crm-merge-moved">
          <Typography variant="sigma" textColor="neutral600">
            {formatMessage({ id: 'crm.merge.preview.moved', defaultMessage: 'What moves' })}
          </Typography>
          {counts.length === 0 ? (
            <Typography textColor="neutral600">
              {formatMessage({
                id: 'crm.merge.preview.nothingMoves',
                defaultMessage: 'Nothing else moves: the merged records have no other data.',
              })}
            </Typography>
          ) : (
            counts.map(([key, count]) => (
              <Typography key={key}>
                {formatMessage(
                  { id: 'crm.merge.preview.count', defaultMessage: '{what}: {count}' },
                  { what: movedLabel(key), count: formatCount(count) }
                )}
              </Typography>
            ))
          )}
        </Flex>
      </Flex>
    </Box>
  );
};
