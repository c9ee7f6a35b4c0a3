import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import type { DuplicateScan } from '../../../../contracts';
import { useValueLabel } from '../../hooks/useValueLabel';
import { customerPath } from '../customers/model';
import { formatScore, ReasonBadges } from './reasons';

export type Cluster = NonNullable<DuplicateScan['clusters']>[number];

/** The reasons of a cluster's pairs, the best pair's first, each once. */
export const clusterReasons = (cluster: Cluster): string[] => [
  ...new Set([...cluster.pairs].sort((a, b) => b.score - a.score).flatMap((pair) => pair.reasons)),
];

/**
 * One cluster of a scan: its records (customers link to their overview), its best score and
 * reasons, and "Merge…" for customers. Records merged or deleted since the scan are left out by
 * the server; a cluster left with one record has nothing to merge.
 */
export const ClusterCard = ({
  cluster,
  object,
  canMerge,
  onMerge,
}: {
  cluster: Cluster;
  object: DuplicateScan['object'];
  canMerge: boolean;
  onMerge: (documentIds: string[]) => void;
}) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const customers = object === 'customers';
  const left = cluster.records.length;
  return (
    <Box
      padding={5}
      hasRadius
      background="neutral0"
      shadow="tableShadow"
      data-testid="crm-duplicate-cluster"
    >
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
          <Flex gap={3} alignItems="center" wrap="wrap">
            <Typography variant="delta" tag="h3">
              {formatMessage(
                { id: 'crm.duplicates.cluster.score', defaultMessage: '{score} alike' },
                { score: formatScore(cluster.score) }
              )}
            </Typography>
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(
                {
                  id: 'crm.duplicates.cluster.size',
                  defaultMessage: '{count, plural, one {# record} other {# records}}',
                },
                { count: cluster.size }
              )}
            </Typography>
            <ReasonBadges reasons={clusterReasons(cluster)} />
          </Flex>
          {customers && canMerge && left >= 2 && (
            <Button
              size="S"
              variant="secondary"
              onClick={() => onMerge(cluster.records.map((record) => record.documentId))}
            >
              {formatMessage({ id: 'crm.duplicates.merge', defaultMessage: 'Merge…' })}
            </Button>
          )}
        </Flex>
        <Flex direction="column" alignItems="stretch" gap={1} tag="ul">
          {cluster.records.map((record) => (
            <Flex key={record.documentId} tag="li" gap={3} alignItems="center">
              {customers ? (
                <RouterLink to={customerPath(record.documentId)}>
                  <Typography fontWeight="bold" textColor="primary600">
                    {record.name || record.customerNumber || record.documentId}
                  </Typography>
                </RouterLink>
              ) : (
                <Typography fontWeight="bold">{record.name || record.documentId}</Typography>
              )}
              {record.customerNumber && (
                <Typography textColor="neutral600">{record.customerNumber}</Typography>
              )}
              {record.type && (
                <Typography variant="pi" textColor="neutral600">
                  {valueLabel(record.type)}
                </Typography>
              )}
            </Flex>
          ))}
        </Flex>
        {left < cluster.size && (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(
              {
                id: 'crm.duplicates.cluster.gone',
                defaultMessage:
                  '{count, plural, one {# record was} other {# records were}} merged or deleted since the scan.',
              },
              { count: cluster.size - left }
            )}
          </Typography>
        )}
      </Flex>
    </Box>
  );
};
