import { Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { ArrowLeft, Key, Plus, User } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import type { ContactView } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { ActiveBadge } from '../../components/ActiveBadge';
import { CrmNav } from '../../components/common/CrmNav';
import { PageLoadError, PageLoader } from '../../components/common/PageStates';
import { AddToListDialog } from '../../components/contacts/AddToListDialog';
import { ConvertContactDialog } from '../../components/contacts/ConvertContactDialog';
import { GenerateLoginDialog } from '../../components/contacts/GenerateLoginDialog';
import { marketingListPath } from '../../components/contacts/model';
import { customerPath } from '../../components/customers/model';
import { HistorySection, PersonalDataSection } from '../../components/history/HistorySections';
import { ActivityFeed } from '../../content-manager/ActivityFeed';
import { useCrmActions } from '../../content-manager/useCrmActions';
import { useValueLabel } from '../../hooks/useValueLabel';
import { statusOf } from '../../utils/serverErrors';
import { useAsyncResource } from '../../utils/useAsyncResource';

const CONTACTS_PATH = '/plugins/crm/contacts';

const BackToContacts = () => {
  const { formatMessage } = useIntl();
  return (
    <RouterLink to={CONTACTS_PATH} style={{ textDecoration: 'none' }}>
      <Flex gap={2} paddingBottom={2}>
        <ArrowLeft /> {formatMessage({ id: 'crm.contacts.back', defaultMessage: 'Contacts' })}
      </Flex>
    </RouterLink>
  );
};

const Card = ({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: React.ReactNode;
}) => (
  <Box
    background="neutral0"
    padding={6}
    hasRadius
    shadow="tableShadow"
    data-testid={testId}
    tag="section"
    aria-label={title}
  >
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

const Detail = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography>{children}</Typography>
  </Flex>
);

type Dialog = 'login' | 'convert' | 'list' | null;

/**
 * One contact: its details, its lists, its actions (as the admin's permissions allow), its activity
 * and its change history.
 */
export const ContactDetail = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const api = useCrmApi();
  const permissions = useCrmActions();
  const [dialog, setDialog] = React.useState<Dialog>(null);
  const contact = useAsyncResource(documentId, () => api.contacts.one(documentId));
  // The history reloads with the contact (after an action or an erasure changed it).
  const [historyVersion, setHistoryVersion] = React.useState(0);
  React.useEffect(() => setHistoryVersion((version) => version + 1), [contact.data]);

  if (!contact.data) {
    return (
      <Page.Main>
        <Layouts.Header
          title={formatMessage({ id: 'crm.contacts.contact', defaultMessage: 'Contact' })}
          navigationAction={<BackToContacts />}
        />
        <Layouts.Content>
          {contact.isLoading ? (
            <PageLoader
              label={formatMessage({
                id: 'crm.contacts.loadingContact',
                defaultMessage: 'Loading the contact',
              })}
            />
          ) : statusOf(contact.error) === 404 ? (
            <Page.NoData
              content={formatMessage(
                {
                  id: 'crm.contacts.noSuchContact',
                  defaultMessage: 'No contact has the id {documentId}.',
                },
                { documentId }
              )}
            />
          ) : (
            <PageLoadError error={contact.error} onRetry={contact.reload} />
          )}
        </Layouts.Content>
      </Page.Main>
    );
  }

  const view: ContactView = contact.data;
  const ref = { documentId, displayName: view.displayName, email: view.email };
  const none = '—';
  const yes = formatMessage({ id: 'crm.contacts.yes', defaultMessage: 'Yes' });
  const no = formatMessage({ id: 'crm.contacts.no', defaultMessage: 'No' });
  const closeAndReload = () => {
    setDialog(null);
    contact.reload();
  };

  const actions = (
    <Flex gap={2} wrap="wrap">
      {permissions.canGenerateLogin && !view.isUser && (
        <Button variant="secondary" startIcon={<Key />} onClick={() => setDialog('login')}>
          {formatMessage({ id: 'crm.contacts.generateLogin', defaultMessage: 'Generate login' })}
        </Button>
      )}
      {permissions.canConvert && !view.convertedCustomer && (
        <Button variant="secondary" startIcon={<User />} onClick={() => setDialog('convert')}>
          {formatMessage({ id: 'crm.contacts.convert', defaultMessage: 'Convert to customer' })}
        </Button>
      )}
      {permissions.canAddToMarketingList && (
        <Button startIcon={<Plus />} onClick={() => setDialog('list')}>
          {formatMessage({
            id: 'crm.contacts.addToList',
            defaultMessage: 'Add to marketing list',
          })}
        </Button>
      )}
    </Flex>
  );

  return (
    <Page.Main>
      <Page.Title>{view.displayName}</Page.Title>
      <Layouts.Header
        title={view.displayName}
        subtitle={[view.jobTitle, view.company?.displayName].filter(Boolean).join(' · ')}
        navigationAction={<BackToContacts />}
        primaryAction={actions}
      />
      <Layouts.Content>
        <CrmNav />
        <Grid.Root gap={4}>
          <Grid.Item col={7} s={12} direction="column" alignItems="stretch" gap={4}>
            <Card
              testId="crm-contact-details"
              title={formatMessage({ id: 'crm.contacts.details', defaultMessage: 'Details' })}
            >
              <Grid.Root gap={4}>
                <Grid.Item col={6} s={12}>
                  <Detail
                    label={formatMessage({ id: 'crm.contacts.company', defaultMessage: 'Company' })}
                  >
                    {view.company ? (
                      <RouterLink to={customerPath(view.company.documentId)}>
                        {view.company.displayName}
                      </RouterLink>
                    ) : (
                      none
                    )}
                  </Detail>
                </Grid.Item>
                <Grid.Item col={6} s={12}>
                  <Detail
                    label={formatMessage({
                      id: 'crm.contacts.jobTitle',
                      defaultMessage: 'Job title',
                    })}
                  >
                    {view.jobTitle || none}
                  </Detail>
                </Grid.Item>
                <Grid.Item col={6} s={12}>
                  <Detail
                    label={formatMessage({ id: 'crm.contacts.email', defaultMessage: 'E-mail' })}
                  >
                    {[view.email, view.email2].filter(Boolean).join(', ') || none}
                  </Detail>
                </Grid.Item>
                <Grid.Item col={6} s={12}>
                  <Detail
                    label={formatMessage({ id: 'crm.contacts.phones', defaultMessage: 'Phones' })}
                  >
                    {[view.mobilePhone, view.mobilePhone2, view.workPhone]
                      .filter(Boolean)
                      .join(', ') || none}
                  </Detail>
                </Grid.Item>
                <Grid.Item col={6} s={12}>
                  <Detail
                    label={formatMessage({ id: 'crm.contacts.status', defaultMessage: 'Status' })}
                  >
                    <ActiveBadge active={view.active}>
                      {view.active
                        ? formatMessage({ id: 'crm.contacts.active', defaultMessage: 'Active' })
                        : formatMessage({
                            id: 'crm.contacts.inactive',
                            defaultMessage: 'Inactive',
                          })}
                    </ActiveBadge>
                  </Detail>
                </Grid.Item>
                <Grid.Item col={6} s={12}>
                  <Detail
                    label={formatMessage({ id: 'crm.contacts.login', defaultMessage: 'Login' })}
                  >
                    {view.isUser ? yes : no}
                  </Detail>
                </Grid.Item>
                <Grid.Item col={6} s={12}>
                  <Detail
                    label={formatMessage({
                      id: 'crm.contacts.doNotEmail',
                      defaultMessage: 'No e-mail',
                    })}
                  >
                    {view.doNotEmail ? yes : no}
                  </Detail>
                </Grid.Item>
                <Grid.Item col={6} s={12}>
                  <Detail
                    label={formatMessage({
                      id: 'crm.contacts.doNotCall',
                      defaultMessage: 'No calls',
                    })}
                  >
                    {view.doNotCall ? yes : no}
                  </Detail>
                </Grid.Item>
                {view.convertedCustomer && (
                  <Grid.Item col={12}>
                    <Detail
                      label={formatMessage({
                        id: 'crm.contacts.convertedTo',
                        defaultMessage: 'Converted to customer',
                      })}
                    >
                      <RouterLink
                        to={customerPath(view.convertedCustomer.documentId)}
                        data-testid="crm-contact-converted"
                      >
                        {view.convertedCustomer.displayName}
                      </RouterLink>
                    </Detail>
                  </Grid.Item>
                )}
              </Grid.Root>
            </Card>
            <Card
              testId="crm-contact-lists"
              title={formatMessage({
                id: 'crm.contacts.lists',
                defaultMessage: 'Marketing lists',
              })}
            >
              {view.marketingLists && view.marketingLists.length > 0 ? (
                <ul style={{ margin: 0, paddingLeft: '1.5rem' }}>
                  {view.marketingLists.map((list) => (
                    <li key={list.documentId}>
                      <RouterLink to={marketingListPath(list.documentId)}>
                        <Typography textColor="primary600">
                          {`${list.name} · ${valueLabel(list.channel)}`}
                        </Typography>
                      </RouterLink>
                    </li>
                  ))}
                </ul>
              ) : (
                <Typography textColor="neutral600">
                  {formatMessage({
                    id: 'crm.contacts.noLists',
                    defaultMessage: 'On no marketing list.',
                  })}
                </Typography>
              )}
            </Card>
            {permissions.canPersonalData && (
              <PersonalDataSection
                subject="contacts"
                documentId={documentId}
                name={view.displayName}
                onErased={contact.reload}
              />
            )}
          </Grid.Item>
          <Grid.Item col={5} s={12} direction="column" alignItems="stretch" gap={4}>
            <Card
              testId="crm-contact-activity"
              title={formatMessage({ id: 'crm.contacts.activity', defaultMessage: 'Activity' })}
            >
              <ActivityFeed documentId={documentId} canComment={permissions.canComment} />
            </Card>
            <HistorySection
              subject="contacts"
              documentId={documentId}
              canRevert={permissions.canManage}
              version={String(historyVersion)}
              onReverted={contact.reload}
            />
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>
      <GenerateLoginDialog open={dialog === 'login'} contact={ref} onClose={closeAndReload} />
      <ConvertContactDialog
        open={dialog === 'convert'}
        contact={ref}
        onClose={() => setDialog(null)}
        onDone={closeAndReload}
      />
      <AddToListDialog
        open={dialog === 'list'}
        contactIds={[documentId]}
        onClose={() => setDialog(null)}
        onAdded={contact.reload}
      />
    </Page.Main>
  );
};
