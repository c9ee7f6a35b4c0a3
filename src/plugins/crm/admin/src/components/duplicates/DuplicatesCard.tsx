import { Button, Table, Tbody, Td, Thead, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import type { DuplicateCandidate } from '../../../../contracts';
import { CustomerLink, HeaderCell, LinkCard } from '../customers/links/LinkCard';
import { formatScore, ReasonBadges } from './reasons';

interface DuplicatesCardProps {
  candidates: DuplicateCandidate[];
  isLoading: boolean;
  error?: string;
  onRetry: () => void;
  canMerge: boolean;
  /** Opens the merge dialog with this customer as the survivor and the candidate merged into it. */
  onMerge: (candidate: DuplicateCandidate) => void;
}

/** "Possible duplicates" of the overview's customer, best first; says so when it has none. */
export const DuplicatesCard = ({
  candidates,
  isLoading,
  error,
  onRetry,
  canMerge,
  onMerge,
}: DuplicatesCardProps) => {
  const { formatMessage } = useIntl();
  const shown = candidates.filter((candidate) => candidate.customer);
  return (
    <LinkCard
      title={formatMessage({
        id: 'crm.duplicates.card.title',
        defaultMessage: 'Possible duplicates',
      })}
      testId="crm-duplicates"
      isLoading={isLoading}
      error={error}
      onRetry={onRetry}
      count={shown.length}
      empty={formatMessage({
        id: 'crm.duplicates.card.empty',
        defaultMessage: 'No possible duplicates.',
      })}
    >
      <Table colCount={5} rowCount={shown.length + 1}>
        <Thead>
          <Tr>
            <HeaderCell>
              {formatMessage({ id: 'crm.connections.customer', defaultMessage: 'Customer' })}
            </HeaderCell>
            <HeaderCell>
              {formatMessage({ id: 'crm.connections.number', defaultMessage: 'Number' })}
            </HeaderCell>
            <HeaderCell>
              {formatMessage({ id: 'crm.duplicates.score', defaultMessage: 'Score' })}
            </HeaderCell>
            <HeaderCell>
              {formatMessage({ id: 'crm.duplicates.reasons', defaultMessage: 'Why' })}
            </HeaderCell>
            <HeaderCell>
              {canMerge && formatMessage({ id: 'crm.common.actions', defaultMessage: 'Actions' })}
            </HeaderCell>
          </Tr>
        </Thead>
        <Tbody>
          {shown.map((candidate) => {
            const customer = candidate.customer!;
            return (
              <Tr key={customer.documentId}>
                <Td>
                  <CustomerLink
                    customer={{
                      documentId: customer.documentId,
                      name: customer.name || customer.customerNumber || customer.documentId,
                    }}
                  />
                </Td>
                <Td>
                  <Typography>{customer.customerNumber ?? '—'}</Typography>
                </Td>
                <Td>
                  <Typography fontWeight="bold">{formatScore(candidate.score)}</Typography>
                </Td>
                <Td>
                  <ReasonBadges reasons={candidate.reasons} />
                </Td>
                <Td>
                  {canMerge && (
                    <Button size="S" variant="secondary" onClick={() => onMerge(candidate)}>
                      {formatMessage({ id: 'crm.duplicates.merge', defaultMessage: 'Merge…' })}
                    </Button>
                  )}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </LinkCard>
  );
};
