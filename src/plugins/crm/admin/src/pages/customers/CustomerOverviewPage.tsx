import { Flex, LinkButton } from '@strapi/design-system';
import { Earth } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { NavLink, useLocation, useNavigate, useParams } from 'react-router-dom';

import type { ContactPointKind, RelationshipKind } from '../../../../contracts';
import { socialLookupEnabled } from '../../api/social-lookup';
import { CustomerSummaryCard } from '../../components/customers/CustomerSummaryCard';
import { CustomerContactsCard } from '../../components/customers/edit/CustomerContactsCard';
import { CustomerDetailsForm } from '../../components/customers/edit/CustomerDetailsForm';
import { useCrmSettings, useCustomerPermissions } from '../../components/customers/hooks';
import { AddConnectionDialog } from '../../components/customers/links/AddConnectionDialog';
import { AddRelationshipDialog } from '../../components/customers/links/AddRelationshipDialog';
import { ConnectionsCard } from '../../components/customers/links/ConnectionsCard';
import { RelationshipsCard } from '../../components/customers/links/RelationshipsCard';
import { customerName, customerPath, networkPath } from '../../components/customers/model';
import { SocialLookupDialog } from '../../components/customers/social-lookup/SocialLookupDialog';
import { SocialProfilesCard } from '../../components/customers/SocialProfilesCard';
import { useKindLabels } from '../../components/customers/useKindLabels';
import { DuplicatesCard } from '../../components/duplicates/DuplicatesCard';
import { HistorySection, PersonalDataSection } from '../../components/history/HistorySections';
import { MergeDialog, type MergeNotice } from '../../components/merge/MergeDialog';
import { useInlineLabel } from '../../hooks/useInlineLabel';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { useValueLabel } from '../../hooks/useValueLabel';
import { BackToSearch, CustomerUnavailable } from './overview/CustomerUnavailable';
import { MergeNotices } from './overview/MergeNotices';
import { useOverviewData } from './overview/useOverviewData';

type Dialog = null | 'connection' | 'social' | RelationshipKind;

/** What the overview is told by the page that opened it (router state). */
interface OverviewState {
  /** A merge just made into this customer, to undo. */
  mergeNotice?: MergeNotice;
  /** The documentId that was asked for: a customer merged into this one. */
  mergedFrom?: string;
}

/**
 * /admin/plugins/crm/customers/:documentId: the Customer Overview (summary with its fields edited
 * in place and its contact points, contacts, connections, relationships, possible duplicates, its
 * change history and, for those allowed, its personal data's export and erasure). A merged customer's address moves to its survivor.
 */
export const CustomerOverviewPage = () => {
  const { documentId = '' } = useParams<{ documentId: string }>();
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const kindLabels = useKindLabels();
  const inline = useInlineLabel();
  const { messageOf } = useRequestErrors();
  const { canManage, canRevealSsn, canMerge, canPersonalData } = useCustomerPermissions();
  const settings = useCrmSettings();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as OverviewState;
  const [dialog, setDialog] = React.useState<Dialog>(null);
  const [mergeWith, setMergeWith] = React.useState<string | null>(null);
  const [editing, setEditing] = React.useState(false);
  // Another customer's overview opens with its fields shown, not an edit form of the last one.
  React.useEffect(() => setEditing(false), [documentId]);
  const { api, customer, connections, relationships, duplicates, reloadAll, write } =
    useOverviewData(documentId);
  // The history reloads whenever the page reloads what a change touches.
  const [historyVersion, setHistoryVersion] = React.useState(0);
  React.useEffect(
    () => setHistoryVersion((version) => version + 1),
    [customer.data, relationships.data]
  );

  // The address of a customer merged into another shows the survivor, under its own address.
  const survivorId = customer.data?.documentId;
  React.useEffect(() => {
    if (survivorId && survivorId !== documentId)
      navigate(customerPath(survivorId), {
        replace: true,
        state: { mergedFrom: documentId } satisfies OverviewState,
      });
  }, [survivorId, documentId, navigate]);

  // A merge made into the customer on screen (the dialog opens the same address again): reload.
  const mergeId = state.mergeNotice?.merge;
  const seenMerge = React.useRef(mergeId);
  React.useEffect(() => {
    if (!mergeId || mergeId === seenMerge.current) return;
    seenMerge.current = mergeId;
    reloadAll();
    // Only when a new merge arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mergeId]);

  if (customer.isLoading && !customer.data) return <Page.Loading />;
  if (survivorId && survivorId !== documentId) return <Page.Loading />;
  if (customer.error || !customer.data)
    return (
      <CustomerUnavailable
        documentId={documentId}
        error={customer.error}
        onRetry={customer.reload}
      />
    );

  const current = customer.data;
  const name = customerName(current);
  const closeDialog = () => setDialog(null);

  return (
    <Page.Main>
      <Page.Title>{name}</Page.Title>
      <Layouts.Header
        title={name}
        subtitle={`${current.customerNumber} · ${valueLabel(current.type)}`}
        navigationAction={<BackToSearch />}
        primaryAction={
          <LinkButton
            tag={NavLink}
            to={networkPath(current.documentId)}
            startIcon={<Earth />}
            variant="secondary"
          >
            {formatMessage({ id: 'crm.overview.network', defaultMessage: 'Network' })}
          </LinkButton>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <MergeNotices
            notice={state.mergeNotice}
            mergedFrom={state.mergedFrom}
            canUndo={canMerge}
            onDismiss={() => navigate(location.pathname, { replace: true, state: null })}
            onUndone={reloadAll}
          />
          <CustomerSummaryCard
            customer={current}
            canManage={canManage}
            canRevealSsn={canRevealSsn}
            revealSeconds={settings.data?.ssnRevealSeconds}
            settings={settings.data}
            onEdit={() => setEditing(true)}
            editor={
              editing && canManage ? (
                <CustomerDetailsForm
                  customer={current}
                  onCancel={() => setEditing(false)}
                  onSaved={() => {
                    setEditing(false);
                    customer.reload();
                  }}
                />
              ) : undefined
            }
            onPointsChanged={customer.reload}
            onMakePrimary={(kind: ContactPointKind, id: string) =>
              write(
                () => api.setPrimary(current.documentId, kind, id),
                formatMessage(
                  { id: 'crm.overview.primaryChanged', defaultMessage: 'Primary {kind} changed' },
                  { kind: inline(kindLabels(kind).one) }
                ),
                customer.reload
              )
            }
          />
          <SocialProfilesCard
            customer={current}
            onFind={
              canManage && socialLookupEnabled(settings.data)
                ? () => setDialog('social')
                : undefined
            }
          />
          <CustomerContactsCard documentId={current.documentId} />
          <ConnectionsCard
            connections={connections.data ?? []}
            isLoading={connections.isLoading}
            error={connections.error ? messageOf(connections.error) : undefined}
            onRetry={connections.reload}
            canManage={canManage}
            isBusiness={current.type === 'business'}
            onAdd={() => setDialog('connection')}
            onRemove={(connection) =>
              write(
                () => api.deleteConnection(connection.documentId),
                formatMessage(
                  {
                    id: 'crm.overview.connectionRemoved',
                    defaultMessage: 'Connection with {name} removed',
                  },
                  { name: connection.customer.name }
                ),
                reloadAll
              )
            }
            onMakePrimaryContact={(connection) =>
              write(
                () => api.setPrimaryContact(current.documentId, connection.customer.documentId),
                formatMessage(
                  {
                    id: 'crm.overview.nowPrimaryContact',
                    defaultMessage: '{name} is now the primary contact',
                  },
                  { name: connection.customer.name }
                ),
                reloadAll
              )
            }
          />
          <RelationshipsCard
            relationships={relationships.data ?? []}
            isLoading={relationships.isLoading}
            error={relationships.error ? messageOf(relationships.error) : undefined}
            onRetry={relationships.reload}
            canManage={canManage}
            onAdd={(kind) => setDialog(kind)}
            onRemove={(relationship) =>
              write(
                () => api.deleteRelationship(relationship.documentId),
                formatMessage(
                  {
                    id: 'crm.overview.relationshipRemoved',
                    defaultMessage: 'Relationship with {name} removed',
                  },
                  { name: relationship.customer.name }
                ),
                relationships.reload
              )
            }
          />
          <DuplicatesCard
            candidates={duplicates.data ?? []}
            isLoading={duplicates.isLoading}
            error={duplicates.error ? messageOf(duplicates.error) : undefined}
            onRetry={duplicates.reload}
            canMerge={canMerge}
            onMerge={(candidate) => setMergeWith(candidate.customer?.documentId ?? null)}
          />
          <HistorySection
            // Another customer's overview starts without the last one's field filter.
            key={current.documentId}
            subject="customers"
            documentId={current.documentId}
            canRevert={canManage}
            version={String(historyVersion)}
            onReverted={reloadAll}
          />
          {canPersonalData && (
            <PersonalDataSection
              subject="customers"
              documentId={current.documentId}
              name={name}
              onErased={reloadAll}
            />
          )}
        </Flex>
      </Layouts.Content>
      <MergeDialog
        open={mergeWith !== null}
        documentIds={mergeWith ? [current.documentId, mergeWith] : []}
        onClose={() => setMergeWith(null)}
      />
      <AddConnectionDialog
        open={dialog === 'connection'}
        customer={current}
        onClose={closeDialog}
        onSaved={() => {
          closeDialog();
          reloadAll();
        }}
      />
      <SocialLookupDialog
        customer={dialog === 'social' ? current : null}
        onClose={closeDialog}
        onUpdated={() => {
          closeDialog();
          customer.reload();
        }}
      />
      <AddRelationshipDialog
        open={dialog === 'hierarchical' || dialog === 'loose'}
        kind={dialog === 'loose' ? 'loose' : 'hierarchical'}
        customer={current}
        onClose={closeDialog}
        onSaved={() => {
          closeDialog();
          relationships.reload();
        }}
      />
    </Page.Main>
  );
};
