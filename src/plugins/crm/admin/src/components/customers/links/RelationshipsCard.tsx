import { Button, IconButton, Table, Tbody, Td, Thead, Tr, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { Relationship, RelationshipKind } from '../../../../../contracts';
import { useRelationshipLabel } from '../../../hooks/useRelationshipLabel';
import { CustomerLink, HeaderCell, LinkCard, useBusyRow } from './LinkCard';

interface RelationshipsCardProps {
  relationships: Relationship[];
  isLoading: boolean;
  error?: string;
  onRetry: () => void;
  canManage: boolean;
  onAdd: (kind: RelationshipKind) => void;
  onRemove: (relationship: Relationship) => Promise<void>;
}

export const RelationshipsCard = ({
  relationships,
  isLoading,
  error,
  onRetry,
  canManage,
  onAdd,
  onRemove,
}: RelationshipsCardProps) => {
  const { formatMessage } = useIntl();
  const { busy, run } = useBusyRow();
  const relationshipLabel = useRelationshipLabel();
  return (
    <LinkCard
      title={formatMessage({ id: 'crm.relationships.title', defaultMessage: 'Relationships' })}
      testId="crm-relationships"
      isLoading={isLoading}
      error={error}
      onRetry={onRetry}
      count={relationships.length}
      empty={formatMessage({
        id: 'crm.relationships.empty',
        defaultMessage: 'No relationships yet.',
      })}
      actions={
        canManage && (
          <>
            <Button startIcon={<Plus />} variant="secondary" onClick={() => onAdd('hierarchical')}>
              {formatMessage({
                id: 'crm.relationships.addHierarchical',
                defaultMessage: 'Add hierarchical',
              })}
            </Button>
            <Button startIcon={<Plus />} variant="secondary" onClick={() => onAdd('loose')}>
              {formatMessage({
                id: 'crm.relationships.addLoose',
                defaultMessage: 'Add loose link',
              })}
            </Button>
          </>
        )
      }
    >
      <Table colCount={4} rowCount={relationships.length + 1}>
        <Thead>
          <Tr>
            <HeaderCell>
              {formatMessage({
                id: 'crm.relationships.relatedCustomer',
                defaultMessage: 'Related customer',
              })}
            </HeaderCell>
            <HeaderCell>
              {formatMessage({ id: 'crm.relationships.kind', defaultMessage: 'Kind' })}
            </HeaderCell>
            <HeaderCell>
              {formatMessage({
                id: 'crm.relationships.relationship',
                defaultMessage: 'Relationship',
              })}
            </HeaderCell>
            <HeaderCell>
              {canManage && formatMessage({ id: 'crm.common.actions', defaultMessage: 'Actions' })}
            </HeaderCell>
          </Tr>
        </Thead>
        <Tbody>
          {relationships.map((relationship) => (
            <Tr key={relationship.documentId}>
              <Td>
                <CustomerLink customer={relationship.customer} />
              </Td>
              <Td>
                <Typography>
                  {relationship.kind === 'hierarchical'
                    ? formatMessage({
                        id: 'crm.relationships.hierarchical',
                        defaultMessage: 'Hierarchical',
                      })
                    : formatMessage({
                        id: 'crm.relationships.loose',
                        defaultMessage: 'Loosely linked',
                      })}
                </Typography>
              </Td>
              <Td>
                {/* The server labels the link as seen from this customer ("child of", "investor in"). */}
                <Typography>{relationshipLabel(relationship.label)}</Typography>
              </Td>
              <Td>
                {canManage && (
                  <IconButton
                    label={formatMessage(
                      {
                        id: 'crm.relationships.remove',
                        defaultMessage: 'Remove the relationship with {name}',
                      },
                      { name: relationship.customer.name }
                    )}
                    variant="ghost"
                    disabled={busy === relationship.documentId}
                    onClick={() => void run(relationship.documentId, () => onRemove(relationship))}
                  >
                    <Trash />
                  </IconButton>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </LinkCard>
  );
};
