import { Box, Flex, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { PersonSubject } from '../../api/client';
import { HistoryTimeline } from './HistoryTimeline';
import { PersonalDataActions } from './PersonalDataActions';

const Section = ({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: React.ReactNode;
}) => (
  <Box
    tag="section"
    aria-label={title}
    padding={6}
    hasRadius
    background="neutral0"
    shadow="tableShadow"
    data-testid={testId}
  >
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

/** The "History" section of a customer's overview or a contact's page. */
export const HistorySection = (props: React.ComponentProps<typeof HistoryTimeline>) => {
  const { formatMessage } = useIntl();
  return (
    <Section
      title={formatMessage({ id: 'crm.history.title', defaultMessage: 'History' })}
      testId="crm-history-section"
    >
      <HistoryTimeline {...props} />
    </Section>
  );
};

/** The "Personal data" section: what the buttons do, then the export and erase buttons. */
export const PersonalDataSection = (props: {
  subject: PersonSubject;
  documentId: string;
  name: string;
  onErased: () => void;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Section
      title={formatMessage({ id: 'crm.personalData.title', defaultMessage: 'Personal data' })}
      testId="crm-personal-data-section"
    >
      <Typography textColor="neutral600">
        {formatMessage({
          id: 'crm.personalData.intro',
          defaultMessage:
            'Everything the CRM holds on this person, for a data subject request; or erase it when the person asks to be forgotten.',
        })}
      </Typography>
      <PersonalDataActions {...props} />
    </Section>
  );
};
