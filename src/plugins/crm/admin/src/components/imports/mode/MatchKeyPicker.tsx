import { Box, Checkbox, Flex, IconButton, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp } from '@strapi/icons';
import { useId } from 'react';
import { useIntl } from 'react-intl';

import { IMPORT_MATCH_KEYS, type ImportObject } from '../../../../../contracts';
import { useFieldLabel } from '../labels';

/**
 * Which keys find the record a row is, and in what order they are tried: the keys in use first,
 * in their order, then the others the mapped columns offer. The server refuses an empty list, so
 * the last key in use cannot be unticked.
 */
export const MatchKeyPicker = ({
  object,
  matchKeys,
  matchBy,
  error,
  onChange,
}: {
  object: ImportObject;
  /** The keys the mapped columns can match by. */
  matchKeys: string[];
  matchBy: string[];
  error?: string;
  onChange: (matchBy: string[]) => void;
}) => {
  const { formatMessage } = useIntl();
  const fieldLabel = useFieldLabel();
  const labelId = useId();
  // A key whose column is no longer mapped is left out: the server would refuse it.
  const chosen = matchBy.filter((key) => matchKeys.includes(key));
  const shown = [...chosen, ...matchKeys.filter((key) => !chosen.includes(key))];
  const unmapped = (IMPORT_MATCH_KEYS[object] as readonly string[]).filter(
    (key) => !matchKeys.includes(key)
  );
  const names = (keys: readonly string[]) => keys.map(fieldLabel).join(', ');

  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...chosen, key] : chosen.filter((other) => other !== key));
  const move = (key: string, by: -1 | 1) => {
    const next = [...chosen];
    const from = next.indexOf(key);
    [next[from], next[from + by]] = [next[from + by], next[from]];
    onChange(next);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="match-keys">
      <Typography id={labelId} variant="pi" fontWeight="bold" tag="p">
        {formatMessage({
          id: 'crm.import.mode.matchBy',
          defaultMessage: 'Find the existing record by',
        })}
      </Typography>
      {shown.length === 0 ? (
        <Typography textColor="neutral800" tag="p">
          {formatMessage(
            {
              id: 'crm.import.mode.noKeys',
              defaultMessage:
                'No mapped column can find a record: map a column to {keys} to match rows to existing records.',
            },
            { keys: names(unmapped) }
          )}
        </Typography>
      ) : (
        <Flex tag="ol" direction="column" alignItems="stretch" gap={2} aria-labelledby={labelId}>
          {shown.map((key) => {
            const position = chosen.indexOf(key);
            const inUse = position >= 0;
            const name = fieldLabel(key);
            return (
              <Flex
                key={key}
                tag="li"
                gap={3}
                paddingTop={1}
                paddingBottom={1}
                paddingLeft={3}
                paddingRight={1}
                hasRadius
                borderColor="neutral200"
                background={inUse ? 'neutral0' : 'neutral100'}
                data-testid={`match-key-${key}`}
              >
                <Typography
                  variant="pi"
                  fontWeight="bold"
                  textColor="neutral600"
                  style={{ minWidth: '1.6rem' }}
                  aria-hidden
                >
                  {inUse ? position + 1 : '–'}
                </Typography>
                <Box flex={1}>
                  <Checkbox
                    checked={inUse}
                    disabled={inUse && chosen.length === 1}
                    onCheckedChange={(checked: boolean | 'indeterminate') =>
                      toggle(key, checked === true)
                    }
                  >
                    {name}
                  </Checkbox>
                </Box>
                <IconButton
                  label={formatMessage(
                    { id: 'crm.import.mode.moveUp', defaultMessage: 'Try {key} earlier' },
                    { key: name }
                  )}
                  variant="ghost"
                  disabled={!inUse || position === 0}
                  onClick={() => move(key, -1)}
                  type="button"
                >
                  <ArrowUp />
                </IconButton>
                <IconButton
                  label={formatMessage(
                    { id: 'crm.import.mode.moveDown', defaultMessage: 'Try {key} later' },
                    { key: name }
                  )}
                  variant="ghost"
                  disabled={!inUse || position === chosen.length - 1}
                  onClick={() => move(key, 1)}
                  type="button"
                >
                  <ArrowDown />
                </IconButton>
              </Flex>
            );
          })}
        </Flex>
      )}
      {error ? (
        <Typography variant="pi" textColor="danger600" tag="p" role="alert">
          {error}
        </Typography>
      ) : null}
      <Typography variant="pi" textColor="neutral600" tag="p">
        {formatMessage({
          id: 'crm.import.mode.matchByHint',
          defaultMessage:
            'The ticked keys are tried in this order; the first that finds a record decides. At least one is needed.',
        })}
        {shown.length > 0 && unmapped.length > 0
          ? formatMessage(
              {
                id: 'crm.import.mode.unmappedKeys',
                defaultMessage: ' Offered once a column is mapped to it: {keys}.',
              },
              { keys: names(unmapped) }
            )
          : ''}
      </Typography>
    </Flex>
  );
};
