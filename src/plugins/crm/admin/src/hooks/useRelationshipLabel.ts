import { useCallback } from 'react';
import { useIntl, type MessageDescriptor } from 'react-intl';

import { humanize } from '../components/customers/model';

/** The labels the server gives a relationship as seen from one of its customers (domain/relationship.ts). */
const LABELS: Record<string, MessageDescriptor> = {
  'parent of': { id: 'crm.relationships.as.parentOf', defaultMessage: 'Parent of' },
  'child of': { id: 'crm.relationships.as.childOf', defaultMessage: 'Child of' },
  'investor in': { id: 'crm.relationships.as.investorIn', defaultMessage: 'Investor in' },
  'has investor': { id: 'crm.relationships.as.hasInvestor', defaultMessage: 'Has investor' },
  'subsidiary of': { id: 'crm.relationships.as.subsidiaryOf', defaultMessage: 'Subsidiary of' },
  'has subsidiary': { id: 'crm.relationships.as.hasSubsidiary', defaultMessage: 'Has subsidiary' },
  'linked to': { id: 'crm.relationships.as.linkedTo', defaultMessage: 'Linked to' },
};

/** A relationship's label ("child of") in the admin's language; one the pages do not know, as sent. */
export const useRelationshipLabel = () => {
  const { formatMessage } = useIntl();
  return useCallback(
    (label: string) => (LABELS[label] ? formatMessage(LABELS[label]) : humanize(label)),
    [formatMessage]
  );
};
