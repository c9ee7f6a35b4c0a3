import { Status, Typography, type StatusProps } from '@strapi/design-system';

type StageStatusProps = Omit<StatusProps, 'children' | 'size'> & { label: string };

/**
 * A stage or a row's outcome as the design system's small Status box. Its warning colours
 * (warning600 on warning100) are under the 4.5:1 contrast small text needs, so a warning's text is
 * written in neutral800 on the same yellow box; the other variants keep their colours, which pass.
 */
export const StageStatus = ({ label, variant, ...props }: StageStatusProps) => (
  <Status
    variant={variant}
    size="S"
    {...(variant === 'warning' ? { color: 'neutral800' } : {})}
    {...props}
  >
    <Typography variant="pi" fontWeight="bold">
      {label}
    </Typography>
  </Status>
);
