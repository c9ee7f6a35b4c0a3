import { Badge, Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Pencil } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import type { ContactPointKind, CrmSettings, Customer } from '../../../../contracts';
import { useValueLabel } from '../../hooks/useValueLabel';
import { ContactPointsSection } from './edit/ContactPointsSection';
import { customerName, customerPath, formatAddress, formatPhone, primaryOf } from './model';
import { SsnField } from './SsnField';

const Item = ({
  label,
  children,
  testId,
}: {
  label: string;
  children: React.ReactNode;
  testId?: string;
}) => (
  <Grid.Item col={4} s={12} direction="column" alignItems="flex-start" gap={1} data-testid={testId}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {typeof children === 'string' ? <Typography>{children}</Typography> : children}
  </Grid.Item>
);

interface CustomerSummaryCardProps {
  customer: Customer;
  canManage: boolean;
  canRevealSsn: boolean;
  revealSeconds?: number;
  /** Contact point types and limits (adding, editing and removing points waits for them). */
  settings?: CrmSettings;
  /** Makes another contact point the primary of its kind. */
  onMakePrimary: (kind: ContactPointKind, documentId: string) => Promise<void>;
  /** After a contact point was added, edited or removed. */
  onPointsChanged: () => void;
  /** Opens the edit form of the customer's own fields. */
  onEdit?: () => void;
  /** The edit form, shown instead of the fields while it is open. */
  editor?: React.ReactNode;
}

/**
 * The Customer Summary card: number, type, primaries, privacy, preferred contact, primary contact,
 * SSN (or the edit form of these fields while it is open), then the contact points.
 */
export const CustomerSummaryCard = ({
  customer,
  canManage,
  canRevealSsn,
  revealSeconds,
  settings,
  onMakePrimary,
  onPointsChanged,
  onEdit,
  editor,
}: CustomerSummaryCardProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const none = formatMessage({ id: 'crm.common.none', defaultMessage: 'None' });
  const privacy =
    [
      customer.noEmail && formatMessage({ id: 'crm.privacy.noEmail', defaultMessage: 'No email' }),
      customer.noMail && formatMessage({ id: 'crm.privacy.noMail', defaultMessage: 'No mail' }),
      customer.noPhoneCalls &&
        formatMessage({ id: 'crm.privacy.noPhoneCalls', defaultMessage: 'No phone calls' }),
    ]
      .filter(Boolean)
      .join(', ') || formatMessage({ id: 'crm.privacy.none', defaultMessage: 'No restrictions' });
  const primary = {
    address: primaryOf(customer.addresses),
    phone: primaryOf(customer.phones),
    email: primaryOf(customer.emails),
  };

  return (
    <Box padding={6} hasRadius background="neutral0" shadow="tableShadow" data-testid="crm-summary">
      <Flex direction="column" alignItems="stretch" gap={6}>
        {!editor && (
          <Flex justifyContent="space-between" alignItems="center" gap={2}>
            <Typography variant="delta" tag="h2">
              {formatMessage({ id: 'crm.overview.details', defaultMessage: 'Customer details' })}
            </Typography>
            {canManage && onEdit && (
              <Button variant="secondary" startIcon={<Pencil />} onClick={onEdit}>
                {formatMessage({ id: 'crm.edit.open', defaultMessage: 'Edit details' })}
              </Button>
            )}
          </Flex>
        )}
        {editor ?? (
          <Grid.Root gap={5}>
            <Item
              label={formatMessage({
                id: 'crm.summary.customerNumber',
                defaultMessage: 'Customer number',
              })}
              testId="crm-summary-number"
            >
              {customer.customerNumber}
            </Item>
            {customer.externalId && (
              <Item
                label={formatMessage({
                  id: 'crm.summary.externalId',
                  defaultMessage: 'External ID',
                })}
                testId="crm-summary-external-id"
              >
                {customer.externalId}
              </Item>
            )}
            <Item label={formatMessage({ id: 'crm.summary.type', defaultMessage: 'Type' })}>
              <Badge>{valueLabel(customer.type)}</Badge>
            </Item>
            <Item label={formatMessage({ id: 'crm.summary.status', defaultMessage: 'Status' })}>
              {valueLabel(customer.status || 'active')}
            </Item>
            <Item
              label={formatMessage({
                id: 'crm.summary.primaryAddress',
                defaultMessage: 'Primary address',
              })}
              testId="crm-primary-address"
            >
              {primary.address ? formatAddress(primary.address) : '—'}
            </Item>
            <Item
              label={formatMessage({
                id: 'crm.summary.primaryPhone',
                defaultMessage: 'Primary phone',
              })}
              testId="crm-primary-phone"
            >
              {primary.phone
                ? `${formatPhone(primary.phone.number)} (${valueLabel(primary.phone.type)})`
                : '—'}
            </Item>
            <Item
              label={formatMessage({
                id: 'crm.summary.primaryEmail',
                defaultMessage: 'Primary email',
              })}
              testId="crm-primary-email"
            >
              {primary.email ? `${primary.email.address} (${valueLabel(primary.email.type)})` : '—'}
            </Item>
            <Item
              label={formatMessage({ id: 'crm.summary.privacy', defaultMessage: 'Privacy' })}
              testId="crm-privacy"
            >
              {privacy}
            </Item>
            <Item
              label={formatMessage({
                id: 'crm.summary.preferredContact',
                defaultMessage: 'Preferred contact',
              })}
            >
              {valueLabel(customer.preferredContact) || none}
            </Item>
            {customer.type === 'business' ? (
              <Item
                label={formatMessage({
                  id: 'crm.summary.primaryContact',
                  defaultMessage: 'Primary contact',
                })}
                testId="crm-primary-contact"
              >
                {customer.primaryContact ? (
                  <RouterLink to={customerPath(customer.primaryContact.documentId)}>
                    <Typography textColor="primary600">
                      {customerName(customer.primaryContact)}
                    </Typography>
                  </RouterLink>
                ) : (
                  formatMessage({
                    id: 'crm.summary.noPrimaryContact',
                    defaultMessage: 'None yet: the first individual connected becomes it',
                  })
                )}
              </Item>
            ) : (
              <Item label={formatMessage({ id: 'crm.summary.ssn', defaultMessage: 'SSN' })}>
                <SsnField
                  customerId={customer.documentId}
                  masked={customer.ssn}
                  canReveal={canRevealSsn}
                  revealSeconds={revealSeconds}
                />
              </Item>
            )}
          </Grid.Root>
        )}

        <ContactPointsSection
          customer={customer}
          canManage={canManage}
          settings={settings}
          onMakePrimary={onMakePrimary}
          onChanged={onPointsChanged}
        />
      </Flex>
    </Box>
  );
};
