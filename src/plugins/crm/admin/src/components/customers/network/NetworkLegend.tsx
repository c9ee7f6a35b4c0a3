import {
  Box,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { useValueLabel } from '../../../hooks/useValueLabel';
import { EDGE_COLOURS, NODE_COLOURS } from '../NetworkGraph';

const Swatch = ({ colour, label, round }: { colour: string; label: string; round?: boolean }) => (
  <Flex gap={1} alignItems="center">
    <span
      style={{
        display: 'inline-block',
        width: 12,
        height: 12,
        background: colour,
        borderRadius: round ? '50%' : 2,
      }}
    />
    <Typography variant="pi">{label}</Typography>
  </Flex>
);

/** How far the network reaches: 1 step up to the server's maximum. */
export const DepthSelect = ({
  depth,
  maxDepth,
  onChange,
}: {
  depth: number;
  maxDepth: number;
  onChange: (depth: number) => void;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Box width="16rem">
      <Field.Root name="depth">
        <Field.Label>
          {formatMessage({ id: 'crm.network.depth', defaultMessage: 'Depth' })}
        </Field.Label>
        <SingleSelect
          value={String(depth)}
          onChange={(value: string | number) => onChange(Number(value))}
        >
          {Array.from({ length: maxDepth }, (_, index) => index + 1).map((value) => (
            <SingleSelectOption key={value} value={String(value)}>
              {formatMessage(
                {
                  id: 'crm.network.steps',
                  defaultMessage: '{count, plural, one {# step} other {# steps}}',
                },
                { count: value }
              )}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );
};

/** What the colours of the picture mean. */
export const NetworkLegend = () => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  return (
    <Flex gap={4} paddingBottom={2} wrap="wrap">
      <Swatch colour={NODE_COLOURS.individual} label={valueLabel('individual')} round />
      <Swatch colour={NODE_COLOURS.business} label={valueLabel('business')} />
      <Swatch
        colour={EDGE_COLOURS.connection}
        label={formatMessage({ id: 'crm.network.connection', defaultMessage: 'Connection' })}
      />
      <Swatch
        colour={EDGE_COLOURS.hierarchical}
        label={formatMessage({
          id: 'crm.network.hierarchical',
          defaultMessage: 'Hierarchical (parent → child)',
        })}
      />
      <Swatch
        colour={EDGE_COLOURS.loose}
        label={formatMessage({ id: 'crm.relationships.loose', defaultMessage: 'Loosely linked' })}
      />
    </Flex>
  );
};
