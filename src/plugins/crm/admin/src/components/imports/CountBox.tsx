import { Box, Typography } from '@strapi/design-system';

import { formatCount } from '../../utils/format';

/** A labelled number ("Imported 7"); `name` names it for tests and assistive technology. */
export const CountBox = ({
  label,
  value,
  name,
  tone = 'neutral800',
}: {
  label: string;
  value: number | undefined;
  name: string;
  tone?: string;
}) => (
  <Box
    background="neutral100"
    hasRadius
    padding={4}
    minWidth="14rem"
    role="group"
    aria-label={label}
  >
    <Typography variant="sigma" textColor="neutral600" tag="p">
      {label}
    </Typography>
    <Typography variant="alpha" textColor={tone as never} tag="p" data-testid={`count-${name}`}>
      {formatCount(value)}
    </Typography>
  </Box>
);
