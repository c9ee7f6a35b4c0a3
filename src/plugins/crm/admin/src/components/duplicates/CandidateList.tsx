import { Flex, LinkButton, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import type { DuplicateCandidate } from '../../../../contracts';
import { customerPath } from '../customers/model';
import { formatScore, ReasonBadges } from './reasons';

/** Existing customers a customer being created may be: name, number, score, why, and a link to open each. */
export const CandidateList = ({ candidates }: { candidates: readonly DuplicateCandidate[] }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
      {candidates.map(({ customer, score, reasons }) =>
        customer ? (
          <Flex
            key={customer.documentId}
            tag="li"
            gap={3}
            alignItems="center"
            wrap="wrap"
            data-testid="crm-duplicate-candidate"
          >
            <Typography fontWeight="bold">{customer.name || customer.customerNumber}</Typography>
            {customer.customerNumber && (
              <Typography textColor="neutral600">{customer.customerNumber}</Typography>
            )}
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(
                { id: 'crm.duplicates.scoreOf', defaultMessage: '{score} alike' },
                { score: formatScore(score) }
              )}
            </Typography>
            <ReasonBadges reasons={reasons} />
            <LinkButton
              tag={RouterLink}
              to={customerPath(customer.documentId)}
              size="S"
              variant="tertiary"
              aria-label={formatMessage(
                { id: 'crm.duplicates.openNamed', defaultMessage: 'Open {name}' },
                { name: customer.name || customer.customerNumber }
              )}
            >
              {formatMessage({ id: 'crm.duplicates.open', defaultMessage: 'Open' })}
            </LinkButton>
          </Flex>
        ) : null
      )}
    </Flex>
  );
};
