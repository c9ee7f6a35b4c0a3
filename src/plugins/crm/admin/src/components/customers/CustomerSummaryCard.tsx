import { Badge, Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import {
  CONTACT_POINT_KINDS,
  CONTACT_POINT_PLURALS,
  type Address,
  type ContactPointKind,
  type Customer,
  type Email,
  type Phone,
} from '../../../../contracts';
import { useValueLabel } from '../../hooks/useValueLabel';
import { ActiveBadge } from '../ActiveBadge';
import { customerName, customerPath, formatAddress, formatPhone, primaryOf } from './model';
import { SsnField } from './SsnField';
import { useKindLabels } from './useKindLabels';

const describePoint = (kind: ContactPointKind, point: Address | Phone | Email) =>
  kind === 'address'
    ? formatAddress(point as Address)
    : kind === 'phone'
      ? formatPhone((point as Phone).number)
      : (point as Email).address;

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
  /** Makes another contact point the primary of its kind. */
  onMakePrimary: (kind: ContactPointKind, documentId: string) => Promise<void>;
}

/** The Customer Summary card: number, type, primaries, privacy, preferred contact, primary contact, SSN. */
export const CustomerSummaryCard = ({
  customer,
  canManage,
  canRevealSsn,
  revealSeconds,
  onMakePrimary,
}: CustomerSummaryCardProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const kindLabels = useKindLabels();
  const [busy, setBusy] = React.useState<string | null>(null);
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
              label={formatMessage({ id: 'crm.summary.externalId', defaultMessage: 'External ID' })}
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

        <Grid.Root gap={5}>
          {CONTACT_POINT_KINDS.map((kind) => {
            const points = (customer[CONTACT_POINT_PLURALS[kind]] ?? []) as (
              Address | Phone | Email
            )[];
            return (
              <Grid.Item
                key={kind}
                col={4}
                s={12}
                direction="column"
                alignItems="stretch"
                gap={2}
                data-testid={`crm-overview-${CONTACT_POINT_PLURALS[kind]}`}
              >
                <Typography variant="delta" tag="h3">
                  {kindLabels(kind).many}
                </Typography>
                {points.length === 0 && <Typography textColor="neutral600">{none}</Typography>}
                {points.map((point) => (
                  <Flex
                    key={point.documentId}
                    gap={2}
                    alignItems="center"
                    justifyContent="space-between"
                  >
                    <Typography>
                      <Typography fontWeight="semiBold">{valueLabel(point.type)}:</Typography>{' '}
                      {describePoint(kind, point)}
                    </Typography>
                    {point.isPrimary ? (
                      <ActiveBadge>
                        {formatMessage({ id: 'crm.summary.primary', defaultMessage: 'Primary' })}
                      </ActiveBadge>
                    ) : (
                      canManage && (
                        <Button
                          size="S"
                          variant="tertiary"
                          startIcon={<Check />}
                          loading={busy === point.documentId}
                          onClick={async () => {
                            setBusy(point.documentId);
                            try {
                              await onMakePrimary(kind, point.documentId);
                            } finally {
                              setBusy(null);
                            }
                          }}
                        >
                          {formatMessage({
                            id: 'crm.summary.makePrimary',
                            defaultMessage: 'Make primary',
                          })}
                        </Button>
                      )
                    )}
                  </Flex>
                ))}
              </Grid.Item>
            );
          })}
        </Grid.Root>
      </Flex>
    </Box>
  );
};
