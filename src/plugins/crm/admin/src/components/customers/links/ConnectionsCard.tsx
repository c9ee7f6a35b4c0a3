import {
  Button,
  Flex,
  IconButton,
  Table,
  Tbody,
  Td,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { Connection } from '../../../../../contracts';
import { useValueLabel } from '../../../hooks/useValueLabel';
import { ActiveBadge } from '../../ActiveBadge';
import { CustomerLink, HeaderCell, LinkCard, useBusyRow } from './LinkCard';

interface ConnectionsCardProps {
  connections: Connection[];
  isLoading: boolean;
  error?: string;
  onRetry: () => void;
  canManage: boolean;
  /** Shown for a business: its connected individuals can be made the primary contact. */
  isBusiness: boolean;
  onAdd: () => void;
  onRemove: (connection: Connection) => Promise<void>;
  onMakePrimaryContact: (connection: Connection) => Promise<void>;
}

export const ConnectionsCard = ({
  connections,
  isLoading,
  error,
  onRetry,
  canManage,
  isBusiness,
  onAdd,
  onRemove,
  onMakePrimaryContact,
}: ConnectionsCardProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const { busy, run } = useBusyRow();
  return (
    <LinkCard
      title={formatMessage({ id: 'crm.connections.title', defaultMessage: 'Connections' })}
      testId="crm-connections"
      isLoading={isLoading}
      error={error}
      onRetry={onRetry}
      count={connections.length}
      empty={formatMessage({ id: 'crm.connections.empty', defaultMessage: 'No connections yet.' })}
      actions={
        canManage && (
          <Button startIcon={<Plus />} variant="secondary" onClick={onAdd}>
            {formatMessage({ id: 'crm.links.addConnection', defaultMessage: 'Add connection' })}
          </Button>
        )
      }
    >
      <Table colCount={5} rowCount={connections.length + 1}>
        <Thead>
          <Tr>
            <HeaderCell>
              {formatMessage({ id: 'crm.connections.customer', defaultMessage: 'Customer' })}
            </HeaderCell>
            <HeaderCell>
              {formatMessage({ id: 'crm.connections.number', defaultMessage: 'Number' })}
            </HeaderCell>
            <HeaderCell>
              {formatMessage({
                id: 'crm.connections.relationship',
                defaultMessage: 'Relationship',
              })}
            </HeaderCell>
            <HeaderCell>
              {formatMessage({ id: 'crm.connections.titleColumn', defaultMessage: 'Title' })}
            </HeaderCell>
            <HeaderCell>
              {canManage && formatMessage({ id: 'crm.common.actions', defaultMessage: 'Actions' })}
            </HeaderCell>
          </Tr>
        </Thead>
        <Tbody>
          {connections.map((connection) => (
            <Tr key={connection.documentId}>
              <Td>
                <Flex gap={2}>
                  <CustomerLink customer={connection.customer} />
                  {connection.isPrimaryContact && (
                    <ActiveBadge>
                      {isBusiness
                        ? formatMessage({
                            id: 'crm.connections.primaryContact',
                            defaultMessage: 'Primary contact',
                          })
                        : formatMessage({
                            id: 'crm.connections.itsPrimaryContact',
                            defaultMessage: 'Its primary contact',
                          })}
                    </ActiveBadge>
                  )}
                </Flex>
              </Td>
              <Td>
                <Typography>{connection.customer.customerNumber}</Typography>
              </Td>
              <Td>
                <Typography>{valueLabel(connection.relationshipType)}</Typography>
              </Td>
              <Td>
                <Typography>{connection.title || '—'}</Typography>
              </Td>
              <Td>
                {canManage && (
                  <Flex gap={1}>
                    {isBusiness &&
                      !connection.isPrimaryContact &&
                      connection.customer.type === 'individual' && (
                        <Button
                          size="S"
                          variant="tertiary"
                          loading={busy === `primary-${connection.documentId}`}
                          onClick={() =>
                            void run(`primary-${connection.documentId}`, () =>
                              onMakePrimaryContact(connection)
                            )
                          }
                        >
                          {formatMessage({
                            id: 'crm.connections.makePrimaryContact',
                            defaultMessage: 'Make primary contact',
                          })}
                        </Button>
                      )}
                    <IconButton
                      label={formatMessage(
                        {
                          id: 'crm.connections.remove',
                          defaultMessage: 'Remove the connection with {name}',
                        },
                        { name: connection.customer.name }
                      )}
                      variant="ghost"
                      disabled={busy === connection.documentId}
                      onClick={() => void run(connection.documentId, () => onRemove(connection))}
                    >
                      <Trash />
                    </IconButton>
                  </Flex>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </LinkCard>
  );
};
