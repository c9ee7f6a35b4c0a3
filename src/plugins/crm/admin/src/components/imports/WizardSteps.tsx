import { Box, Flex, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useIntl, type MessageDescriptor } from 'react-intl';

const WIZARD_STEPS = [
  { id: 'upload', label: { id: 'crm.import.step.upload', defaultMessage: 'Upload' } },
  { id: 'mapping', label: { id: 'crm.import.step.mapping', defaultMessage: 'Map columns' } },
  { id: 'mode', label: { id: 'crm.import.step.mode', defaultMessage: 'Import mode' } },
  { id: 'validation', label: { id: 'crm.import.step.validation', defaultMessage: 'Validation' } },
  { id: 'reference', label: { id: 'crm.import.step.reference', defaultMessage: 'Reference data' } },
  { id: 'start', label: { id: 'crm.import.start.button', defaultMessage: 'Start import' } },
  { id: 'results', label: { id: 'crm.import.step.results', defaultMessage: 'Results' } },
] as const satisfies readonly { id: string; label: MessageDescriptor }[];
export type WizardStep = (typeof WIZARD_STEPS)[number]['id'];

/** The wizard's steps in a row: done ones ticked, the current one highlighted. */
export const WizardSteps = ({
  current,
  skipped = [],
}: {
  current: WizardStep;
  skipped?: WizardStep[];
}) => {
  const { formatMessage } = useIntl();
  const steps = WIZARD_STEPS.filter((step) => !skipped.includes(step.id));
  const index = steps.findIndex((step) => step.id === current);
  return (
    <Flex
      tag="ol"
      gap={2}
      wrap="wrap"
      aria-label={formatMessage({ id: 'crm.import.steps', defaultMessage: 'Import steps' })}
      marginBottom={6}
    >
      {steps.map((step, i) => {
        const state = i < index ? 'done' : i === index ? 'current' : 'todo';
        return (
          <Flex
            key={step.id}
            tag="li"
            gap={2}
            paddingTop={2}
            paddingBottom={2}
            paddingLeft={3}
            paddingRight={3}
            hasRadius
            background={state === 'current' ? 'primary100' : 'neutral0'}
            borderColor={state === 'current' ? 'primary200' : 'neutral200'}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <Box
              width="2.4rem"
              height="2.4rem"
              hasRadius
              background={state === 'todo' ? 'neutral150' : 'primary600'}
              color={state === 'todo' ? 'neutral600' : 'neutral0'}
              style={{
                borderRadius: '50%',
                display: 'flex',
                alignItems: 'center',
                justifyContent: 'center',
              }}
            >
              {state === 'done' ? (
                <Check width="1.2rem" height="1.2rem" fill="neutral0" />
              ) : (
                <Typography
                  variant="pi"
                  fontWeight="bold"
                  textColor={state === 'todo' ? 'neutral600' : 'neutral0'}
                >
                  {i + 1}
                </Typography>
              )}
            </Box>
            <Typography
              variant="omega"
              fontWeight={state === 'current' ? 'bold' : 'regular'}
              textColor={state === 'todo' ? 'neutral600' : 'neutral800'}
            >
              {formatMessage(step.label)}
            </Typography>
          </Flex>
        );
      })}
    </Flex>
  );
};
