import { Badge, type BadgeProps } from '@strapi/design-system';

/**
 * A badge that marks the chosen one of its kind (the primary phone, the survivor of a merge, an
 * active contact). The design system's `active` badge sets primary600 on primary200, under the
 * 4.5:1 contrast small text needs; primary700 on primary100 keeps its look and passes. With
 * `active={false}` it is the plain badge.
 */
export const ActiveBadge = ({ active = true, ...props }: BadgeProps) =>
  active ? (
    <Badge backgroundColor="primary100" textColor="primary700" {...props} />
  ) : (
    <Badge {...props} />
  );
