import * as React from 'react';

import { Badge, Box, Button, Flex, Grid, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { Link as RouterLink } from 'react-router-dom';

import { SsnField } from './SsnField';
import {
  CONTACT_POINT_KINDS,
  KIND_LABELS,
  PLURALS,
  customerName,
  customerPath,
  formatAddress,
  formatPhone,
  humanize,
  primaryOf,
  privacyLabel,
  type Address,
  type ContactPointKind,
  type Customer,
  type Email,
  type Phone,
} from './model';

const describePoint = (kind: ContactPointKind, point: Address | Phone | Email) =>
  kind === 'address' ? formatAddress(point as Address) : kind === 'phone' ? formatPhone((point as Phone).number) : (point as Email).address;

const Item = ({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) => (
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
export const CustomerSummaryCard = ({ customer, canManage, canRevealSsn, revealSeconds, onMakePrimary }: CustomerSummaryCardProps) => {
  const [busy, setBusy] = React.useState<string | null>(null);
  const primary = {
    address: primaryOf(customer.addresses),
    phone: primaryOf(customer.phones),
    email: primaryOf(customer.emails),
  };

  return (
    <Box padding={6} hasRadius background="neutral0" shadow="tableShadow" data-testid="crm-summary">
      <Flex direction="column" alignItems="stretch" gap={6}>
        <Grid.Root gap={5}>
          <Item label="Customer number" testId="crm-summary-number">
            {customer.customerNumber}
          </Item>
          <Item label="Type">
            <Badge>{humanize(customer.type)}</Badge>
          </Item>
          <Item label="Status">{humanize(customer.status) || 'Active'}</Item>
          <Item label="Primary address" testId="crm-primary-address">
            {primary.address ? formatAddress(primary.address) : '—'}
          </Item>
          <Item label="Primary phone" testId="crm-primary-phone">
            {primary.phone ? `${formatPhone(primary.phone.number)} (${humanize(primary.phone.type)})` : '—'}
          </Item>
          <Item label="Primary email" testId="crm-primary-email">
            {primary.email ? `${primary.email.address} (${humanize(primary.email.type)})` : '—'}
          </Item>
          <Item label="Privacy" testId="crm-privacy">
            {privacyLabel(customer)}
          </Item>
          <Item label="Preferred contact">{humanize(customer.preferredContact) || 'None'}</Item>
          {customer.type === 'business' ? (
            <Item label="Primary contact" testId="crm-primary-contact">
              {customer.primaryContact ? (
                <RouterLink to={customerPath(customer.primaryContact.documentId)}>
                  <Typography textColor="primary600">{customerName(customer.primaryContact)}</Typography>
                </RouterLink>
              ) : (
                'None yet: the first individual connected becomes it'
              )}
            </Item>
          ) : (
            <Item label="SSN">
              <SsnField customerId={customer.documentId} masked={customer.ssn} canReveal={canRevealSsn} revealSeconds={revealSeconds} />
            </Item>
          )}
        </Grid.Root>

        <Grid.Root gap={5}>
          {CONTACT_POINT_KINDS.map((kind) => {
            const points = (customer[PLURALS[kind]] ?? []) as (Address | Phone | Email)[];
            return (
              <Grid.Item key={kind} col={4} s={12} direction="column" alignItems="stretch" gap={2} data-testid={`crm-overview-${PLURALS[kind]}`}>
                <Typography variant="delta" tag="h3">
                  {KIND_LABELS[kind].many}
                </Typography>
                {points.length === 0 && <Typography textColor="neutral600">None</Typography>}
                {points.map((point) => (
                  <Flex key={point.documentId} gap={2} alignItems="center" justifyContent="space-between">
                    <Typography>
                      <Typography fontWeight="semiBold">{humanize(point.type)}:</Typography> {describePoint(kind, point)}
                    </Typography>
                    {point.isPrimary ? (
                      <Badge active>Primary</Badge>
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
                          Make primary
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
