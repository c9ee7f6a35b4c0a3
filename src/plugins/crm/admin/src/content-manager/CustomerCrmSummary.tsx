import { Flex, Link, Loader, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';

import { useCrmApi } from '../api';
import { useCrmSettings } from '../components/customers/hooks';
import {
  customerName,
  customerPath,
  formatAddress,
  formatPhone,
  networkPath,
  primaryOf,
} from '../components/customers/model';
import { SsnField } from '../components/customers/SsnField';
import { useRequestErrors } from '../hooks/useRequestErrors';
import { useValueLabel } from '../hooks/useValueLabel';
import { useAsyncResource } from '../utils/useAsyncResource';

interface CustomerCrmSummaryProps {
  documentId: string;
  canRevealSsn: boolean;
  /** When the customer was last saved: it is read again after a save. */
  version?: string;
}

const Item = ({
  label,
  testId,
  children,
}: {
  label: string;
  testId?: string;
  children: React.ReactNode;
}) => (
  <Flex direction="column" alignItems="flex-start" gap={1} data-testid={testId}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    {typeof children === 'string' ? <Typography>{children}</Typography> : children}
  </Flex>
);

/**
 * The customer as the CRM shows it, beside its content manager form: number, primary contact
 * points, masked SSN (revealed for admins holding `ssn.reveal`), primary contact, and links to
 * its CRM overview and network.
 */
export const CustomerCrmSummary = ({
  documentId,
  canRevealSsn,
  version,
}: CustomerCrmSummaryProps) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const api = useCrmApi();
  const settings = useCrmSettings();
  const { messageOf } = useRequestErrors();
  const customer = useAsyncResource(`${documentId}:${version ?? ''}`, () =>
    api.customer(documentId)
  );

  if (customer.isLoading && !customer.data)
    return (
      <Loader small>
        {formatMessage({ id: 'crm.cm.customer.loading', defaultMessage: 'Loading the customer' })}
      </Loader>
    );
  if (customer.error || !customer.data)
    return (
      <Typography role="alert" textColor="danger600">
        {messageOf(customer.error)}
      </Typography>
    );

  const data = customer.data;
  const address = primaryOf(data.addresses);
  const phone = primaryOf(data.phones);
  const email = primaryOf(data.emails);
  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={3}
      width="100%"
      data-testid="crm-cm-customer"
    >
      <Item
        label={formatMessage({
          id: 'crm.summary.customerNumber',
          defaultMessage: 'Customer number',
        })}
        testId="crm-cm-customer-number"
      >
        {data.customerNumber}
      </Item>
      <Item
        label={formatMessage({ id: 'crm.summary.primaryEmail', defaultMessage: 'Primary email' })}
        testId="crm-cm-primary-email"
      >
        {email ? `${email.address} (${valueLabel(email.type)})` : '—'}
      </Item>
      <Item
        label={formatMessage({ id: 'crm.summary.primaryPhone', defaultMessage: 'Primary phone' })}
        testId="crm-cm-primary-phone"
      >
        {phone ? `${formatPhone(phone.number)} (${valueLabel(phone.type)})` : '—'}
      </Item>
      <Item
        label={formatMessage({
          id: 'crm.summary.primaryAddress',
          defaultMessage: 'Primary address',
        })}
        testId="crm-cm-primary-address"
      >
        {address ? formatAddress(address) : '—'}
      </Item>
      {data.type !== 'business' && (
        <Item label={formatMessage({ id: 'crm.summary.ssn', defaultMessage: 'SSN' })}>
          <SsnField
            customerId={data.documentId}
            masked={data.ssn}
            canReveal={canRevealSsn}
            revealSeconds={settings.data?.ssnRevealSeconds}
          />
        </Item>
      )}
      <Item
        label={formatMessage({
          id: 'crm.summary.primaryContact',
          defaultMessage: 'Primary contact',
        })}
        testId="crm-cm-primary-contact"
      >
        {data.primaryContact ? (
          <Link tag={NavLink} to={customerPath(data.primaryContact.documentId)}>
            {customerName(data.primaryContact)}
          </Link>
        ) : (
          '—'
        )}
      </Item>
      <Flex gap={4} wrap="wrap">
        <Link tag={NavLink} to={customerPath(data.documentId)}>
          {formatMessage({ id: 'crm.cm.customer.overview', defaultMessage: 'CRM overview' })}
        </Link>
        <Link tag={NavLink} to={networkPath(data.documentId)}>
          {formatMessage({ id: 'crm.cm.customer.network', defaultMessage: 'Network' })}
        </Link>
      </Flex>
    </Flex>
  );
};
