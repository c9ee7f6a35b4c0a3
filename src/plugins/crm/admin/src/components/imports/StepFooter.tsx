import { Button, Flex } from '@strapi/design-system';
import { ArrowLeft, ArrowRight } from '@strapi/icons';
import type { ReactNode } from 'react';

/** Back and next buttons under a step. */
export const StepFooter = ({
  onBack,
  backLabel = 'Back',
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
}) => (
  <Flex justifyContent="space-between" marginTop={6} gap={2}>
    <Flex gap={2}>
      {onBack ? (
        <Button variant="tertiary" startIcon={<ArrowLeft />} onClick={onBack}>
          {backLabel}
        </Button>
      ) : null}
    </Flex>
    <Flex gap={2}>
      {extra}
      {onNext && nextLabel ? (
        <Button endIcon={<ArrowRight />} onClick={onNext} disabled={nextDisabled} loading={nextLoading}>
          {nextLabel}
        </Button>
      ) : null}
    </Flex>
  </Flex>
);
