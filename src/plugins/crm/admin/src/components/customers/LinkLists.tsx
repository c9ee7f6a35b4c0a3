import * as React from 'react';

import { Badge, Box, Button, Flex, IconButton, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { Link as RouterLink } from 'react-router-dom';

import { customerPath, humanize, type Connection, type CustomerRef, type Relationship } from './model';

interface CardProps {
  title: string;
  testId: string;
  actions?: React.ReactNode;
  isLoading: boolean;
  error?: string;
  onRetry: () => void;
  empty: string;
  count: number;
  children: React.ReactNode;
}

const Card = ({ title, testId, actions, isLoading, error, onRetry, empty, count, children }: CardProps) => (
  <Box padding={6} hasRadius background="neutral0" shadow="tableShadow" data-testid={testId}>
    <Flex justifyContent="space-between" alignItems="center" paddingBottom={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      <Flex gap={2}>{actions}</Flex>
    </Flex>
    {isLoading && count === 0 && <Loader small>Loading {title.toLowerCase()}</Loader>}
    {error && (
      <Flex gap={2} alignItems="center">
        <Typography textColor="danger600">{error}</Typography>
        <Button size="S" variant="tertiary" onClick={onRetry}>
          Try again
        </Button>
      </Flex>
    )}
    {!isLoading && !error && count === 0 && <Typography textColor="neutral600">{empty}</Typography>}
    {count > 0 && children}
  </Box>
);

const CustomerLink = ({ customer }: { customer: CustomerRef }) => (
  <RouterLink to={customerPath(customer.documentId)}>
    <Typography fontWeight="bold" textColor="primary600">
      {customer.name}
    </Typography>
  </RouterLink>
);

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

export const ConnectionsCard = ({ connections, isLoading, error, onRetry, canManage, isBusiness, onAdd, onRemove, onMakePrimaryContact }: ConnectionsCardProps) => {
  const [busy, setBusy] = React.useState<string | null>(null);
  const run = async (id: string, work: () => Promise<void>) => {
    setBusy(id);
    try {
      await work();
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card
      title="Connections"
      testId="crm-connections"
      isLoading={isLoading}
      error={error}
      onRetry={onRetry}
      count={connections.length}
      empty="No connections yet."
      actions={
        canManage && (
          <Button startIcon={<Plus />} variant="secondary" onClick={onAdd}>
            Add connection
          </Button>
        )
      }
    >
      <Table colCount={5} rowCount={connections.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">Customer</Typography></Th>
            <Th><Typography variant="sigma">Number</Typography></Th>
            <Th><Typography variant="sigma">Relationship</Typography></Th>
            <Th><Typography variant="sigma">Title</Typography></Th>
            <Th>{canManage && <Typography variant="sigma">Actions</Typography>}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {connections.map((connection) => (
            <Tr key={connection.documentId}>
              <Td>
                <Flex gap={2}>
                  <CustomerLink customer={connection.customer} />
                  {connection.isPrimaryContact && <Badge active>{isBusiness ? 'Primary contact' : 'Its primary contact'}</Badge>}
                </Flex>
              </Td>
              <Td><Typography>{connection.customer.customerNumber}</Typography></Td>
              <Td><Typography>{humanize(connection.relationshipType)}</Typography></Td>
              <Td><Typography>{connection.title || '—'}</Typography></Td>
              <Td>
                {canManage && (
                  <Flex gap={1}>
                    {isBusiness && !connection.isPrimaryContact && connection.customer.type === 'individual' && (
                      <Button
                        size="S"
                        variant="tertiary"
                        loading={busy === `primary-${connection.documentId}`}
                        onClick={() => void run(`primary-${connection.documentId}`, () => onMakePrimaryContact(connection))}
                      >
                        Make primary contact
                      </Button>
                    )}
                    <IconButton
                      label={`Remove the connection with ${connection.customer.name}`}
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
    </Card>
  );
};

interface RelationshipsCardProps {
  relationships: Relationship[];
  isLoading: boolean;
  error?: string;
  onRetry: () => void;
  canManage: boolean;
  onAdd: (kind: 'hierarchical' | 'loose') => void;
  onRemove: (relationship: Relationship) => Promise<void>;
}

export const RelationshipsCard = ({ relationships, isLoading, error, onRetry, canManage, onAdd, onRemove }: RelationshipsCardProps) => {
  const [busy, setBusy] = React.useState<string | null>(null);
  return (
    <Card
      title="Relationships"
      testId="crm-relationships"
      isLoading={isLoading}
      error={error}
      onRetry={onRetry}
      count={relationships.length}
      empty="No relationships yet."
      actions={
        canManage && (
          <>
            <Button startIcon={<Plus />} variant="secondary" onClick={() => onAdd('hierarchical')}>
              Add hierarchical
            </Button>
            <Button startIcon={<Plus />} variant="secondary" onClick={() => onAdd('loose')}>
              Add loose link
            </Button>
          </>
        )
      }
    >
      <Table colCount={4} rowCount={relationships.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">Related customer</Typography></Th>
            <Th><Typography variant="sigma">Kind</Typography></Th>
            <Th><Typography variant="sigma">Relationship</Typography></Th>
            <Th>{canManage && <Typography variant="sigma">Actions</Typography>}</Th>
          </Tr>
        </Thead>
        <Tbody>
          {relationships.map((relationship) => (
            <Tr key={relationship.documentId}>
              <Td>
                <CustomerLink customer={relationship.customer} />
              </Td>
              <Td><Typography>{relationship.kind === 'hierarchical' ? 'Hierarchical' : 'Loosely linked'}</Typography></Td>
              <Td><Typography>{humanize(relationship.label)}</Typography></Td>
              <Td>
                {canManage && (
                  <IconButton
                    label={`Remove the relationship with ${relationship.customer.name}`}
                    variant="ghost"
                    disabled={busy === relationship.documentId}
                    onClick={async () => {
                      setBusy(relationship.documentId);
                      try {
                        await onRemove(relationship);
                      } finally {
                        setBusy(null);
                      }
                    }}
                  >
                    <Trash />
                  </IconButton>
                )}
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </Card>
  );
};
