import * as React from 'react';

import { Button, Flex, LinkButton } from '@strapi/design-system';
import { ArrowLeft, Earth } from '@strapi/icons';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Link as RouterLink, NavLink, useParams } from 'react-router-dom';

import { CustomerSummaryCard } from '../../components/customers/CustomerSummaryCard';
import { useCrmSettings, useCustomerPermissions } from '../../components/customers/hooks';
import { AddConnectionDialog, AddRelationshipDialog } from '../../components/customers/LinkDialogs';
import { ConnectionsCard, RelationshipsCard } from '../../components/customers/LinkLists';
import { customerName, humanize, networkPath, type Connection, type ContactPointKind, type Customer, type Relationship } from '../../components/customers/model';
import { useAsyncResource } from '../../utils/useAsyncResource';
import { readServerError } from '../../utils/strapiErrorDetails';

type Dialog = null | 'connection' | 'hierarchical' | 'loose';

/** /admin/plugins/crm/customers/:documentId: the Customer Overview (summary, connections, relationships). */
export const CustomerOverviewPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { get, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { canManage, canRevealSsn } = useCustomerPermissions();
  const settings = useCrmSettings();
  const [dialog, setDialog] = React.useState<Dialog>(null);

  const customer = useAsyncResource(documentId, async () => (await get<{ data: Customer }>(`/crm/customers/${documentId}`)).data.data);
  const connections = useAsyncResource(documentId, async () => (await get<{ data: Connection[] }>(`/crm/customers/${documentId}/connections`)).data.data);
  const relationships = useAsyncResource(documentId, async () => (await get<{ data: Relationship[] }>(`/crm/customers/${documentId}/relationships`)).data.data);

  const notifyFailure = React.useCallback(
    (failure: unknown) => toggleNotification({ type: 'danger', message: readServerError(failure).message }),
    [toggleNotification]
  );
  React.useEffect(() => {
    for (const error of [connections.error, relationships.error]) if (error) notifyFailure(error);
  }, [connections.error, relationships.error, notifyFailure]);
  React.useEffect(() => {
    if (customer.error && readServerError(customer.error).status !== 404) notifyFailure(customer.error);
  }, [customer.error, notifyFailure]);

  const reloadAll = () => {
    customer.reload();
    connections.reload();
    relationships.reload();
  };

  /** Runs a write; on success reloads what it changed, on failure shows the server's message. */
  const write = async (work: () => Promise<unknown>, success: string, reload: () => void) => {
    try {
      await work();
      toggleNotification({ type: 'success', message: success });
    } catch (failure) {
      notifyFailure(failure);
    } finally {
      reload();
    }
  };

  const back = (
    <RouterLink to="/plugins/crm" style={{ textDecoration: 'none' }}>
      <Flex gap={2} paddingBottom={2}>
        <ArrowLeft /> Customer search
      </Flex>
    </RouterLink>
  );

  if (customer.isLoading && !customer.data) return <Page.Loading />;
  if (customer.error || !customer.data) {
    const { status, message } = readServerError(customer.error);
    return (
      <Page.Main>
        <Layouts.Header title={status === 404 ? 'Customer not found' : 'Customer'} navigationAction={back} />
        <Layouts.Content>
          {status === 404 ? (
            <Page.NoData content={`No customer has the id ${documentId}.`} />
          ) : (
            <Page.Error content={message} action={<Button onClick={customer.reload}>Try again</Button>} />
          )}
        </Layouts.Content>
      </Page.Main>
    );
  }

  const current = customer.data;
  const name = customerName(current);

  return (
    <Page.Main>
      <Page.Title>{name}</Page.Title>
      <Layouts.Header
        title={name}
        subtitle={`${current.customerNumber} · ${humanize(current.type)}`}
        navigationAction={back}
        primaryAction={
          <LinkButton tag={NavLink} to={networkPath(current.documentId)} startIcon={<Earth />} variant="secondary">
            Network
          </LinkButton>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <CustomerSummaryCard
            customer={current}
            canManage={canManage}
            canRevealSsn={canRevealSsn}
            revealSeconds={settings.data?.ssnRevealSeconds}
            onMakePrimary={(kind: ContactPointKind, id: string) =>
              write(() => put(`/crm/customers/${current.documentId}/primary`, { kind, id }), `Primary ${kind} changed`, customer.reload)
            }
          />
          <ConnectionsCard
            connections={connections.data ?? []}
            isLoading={connections.isLoading}
            error={connections.error ? readServerError(connections.error).message : undefined}
            onRetry={connections.reload}
            canManage={canManage}
            isBusiness={current.type === 'business'}
            onAdd={() => setDialog('connection')}
            onRemove={(connection) =>
              write(() => del(`/crm/connections/${connection.documentId}`), `Connection with ${connection.customer.name} removed`, reloadAll)
            }
            onMakePrimaryContact={(connection) =>
              write(
                () => put(`/crm/customers/${current.documentId}/primary-contact`, { customer: connection.customer.documentId }),
                `${connection.customer.name} is now the primary contact`,
                reloadAll
              )
            }
          />
          <RelationshipsCard
            relationships={relationships.data ?? []}
            isLoading={relationships.isLoading}
            error={relationships.error ? readServerError(relationships.error).message : undefined}
            onRetry={relationships.reload}
            canManage={canManage}
            onAdd={(kind) => setDialog(kind)}
            onRemove={(relationship) =>
              write(() => del(`/crm/relationships/${relationship.documentId}`), `Relationship with ${relationship.customer.name} removed`, relationships.reload)
            }
          />
        </Flex>
      </Layouts.Content>
      <AddConnectionDialog
        open={dialog === 'connection'}
        customer={current}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          reloadAll();
        }}
      />
      <AddRelationshipDialog
        open={dialog === 'hierarchical' || dialog === 'loose'}
        kind={dialog === 'loose' ? 'loose' : 'hierarchical'}
        customer={current}
        onClose={() => setDialog(null)}
        onSaved={() => {
          setDialog(null);
          relationships.reload();
        }}
      />
    </Page.Main>
  );
};
