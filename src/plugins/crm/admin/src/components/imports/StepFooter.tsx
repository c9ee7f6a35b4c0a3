import { Button, Flex } from '@strapi/design-system';
import { ArrowLeft, ArrowRight } from '@strapi/icons';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';

/** Back and next buttons under a step. */
export const StepFooter = ({
  onBack,
  backLabel,
  onNext,
  nextLabel,
  nextDisabled,
  nextLoading,
  extra,
}: {
  onBack?: () => void;
  backLabel?: string;
  onNext?: () => void;
  nextLabel?: string;
  nextDisabled?: boolean;
  nextLoading?: boolean;
  extra?: ReactNode;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Flex justifyContent="space-between" marginTop={6} gap={2}>
      <Flex gap={2}>
        {onBack ? (
          <Button variant="tertiary" startIcon={<ArrowLeft />} onClick={onBack}>
            {backLabel ?? formatMessage({ id: 'crm.common.back', defaultMessage: 'Back' })}
          </Button>
        ) : null}
      </Flex>
      <Flex gap={2}>
        {extra}
        {onNext && nextLabel ? (
          <Button
            endIcon={<ArrowRight />}
            onClick={onNext}
            disabled={nextDisabled}
            loading={nextLoading}
          >
            {nextLabel}
          </Button>
        ) : null}
      </Flex>
    </Flex>
  );
};
