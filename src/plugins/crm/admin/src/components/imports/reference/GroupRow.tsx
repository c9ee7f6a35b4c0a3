import { Badge, Button, Flex, Td, TextButton, Tr, Typography } from '@strapi/design-system';
import { Cross, Link as LinkIcon, Plus } from '@strapi/icons';
import { useIntl } from 'react-intl';

import type { ImportDecisionAction, ReferenceGroup } from '../../../../../contracts';
import { formatCount } from '../../../utils/format';
import { StageStatus } from '../../StageStatus';

interface GroupRowProps {
  group: ReferenceGroup;
  /** Names of customers picked by search, which the group's suggestions may not hold. */
  names: Record<string, string>;
  busy: string | null;
  onDecide: (group: ReferenceGroup, action: ImportDecisionAction, customer?: string) => void;
  onSearch: (group: ReferenceGroup) => void;
}

/** An unmatched company: its rows, near matches (a click links to one), the decision so far, and the choices. */
export const GroupRow = ({ group, names, busy, onDecide, onSearch }: GroupRowProps) => {
  const { formatMessage } = useIntl();
  const company = group.company;

  const decision = (() => {
    if (!group.decision)
      return {
        label: formatMessage({ id: 'crm.import.reference.undecided', defaultMessage: 'Undecided' }),
        variant: 'warning' as const,
      };
    if (group.decision.action === 'create')
      return {
        label: formatMessage({
          id: 'crm.import.reference.willCreate',
          defaultMessage: 'Create a new customer',
        }),
        variant: 'success' as const,
      };
    if (group.decision.action === 'skip')
      return {
        label: formatMessage({
          id: 'crm.import.reference.willSkip',
          defaultMessage: 'Skip these rows',
        }),
        variant: 'neutral' as const,
      };
    const customer = group.decision.customer ?? '';
    const suggested = group.suggestions.find(
      (suggestion) => suggestion.customer === customer
    )?.name;
    return {
      label: formatMessage(
        { id: 'crm.import.reference.willLink', defaultMessage: 'Link to {name}' },
        { name: names[customer] ?? suggested ?? customer }
      ),
      variant: 'primary' as const,
    };
  })();

  return (
    <Tr data-testid={`reference-group-${group.key}`}>
      <Td>
        <Typography fontWeight="bold">{company}</Typography>
      </Td>
      <Td>
        <Badge>{formatCount(group.rows)}</Badge>
      </Td>
      <Td>
        {group.suggestions.length === 0 ? (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({
              id: 'crm.import.reference.noNearMatch',
              defaultMessage: 'No near match',
            })}
          </Typography>
        ) : (
          <Flex direction="column" alignItems="flex-start" gap={1}>
            {group.suggestions.map((suggestion) => (
              <TextButton
                key={suggestion.customer}
                startIcon={<LinkIcon />}
                disabled={busy !== null}
                onClick={() => onDecide(group, 'link', suggestion.customer)}
                aria-label={formatMessage(
                  { id: 'crm.import.reference.linkTo', defaultMessage: 'Link {company} to {name}' },
                  { company, name: suggestion.name }
                )}
              >
                {`${suggestion.name} (${Math.round(suggestion.score * 100)}%)`}
              </TextButton>
            ))}
          </Flex>
        )}
      </Td>
      <Td>
        <StageStatus variant={decision.variant} label={decision.label} />
      </Td>
      <Td>
        <Flex gap={2}>
          <Button
            size="S"
            variant="secondary"
            startIcon={<Plus />}
            loading={busy === group.key}
            disabled={busy !== null}
            onClick={() => onDecide(group, 'create')}
            aria-label={formatMessage(
              { id: 'crm.import.reference.createCompany', defaultMessage: 'Create {company}' },
              { company }
            )}
          >
            {formatMessage({ id: 'crm.import.reference.create', defaultMessage: 'Create' })}
          </Button>
          <Button
            size="S"
            variant="tertiary"
            startIcon={<LinkIcon />}
            disabled={busy !== null}
            onClick={() => onSearch(group)}
            aria-label={formatMessage(
              { id: 'crm.import.reference.linkCompany', defaultMessage: 'Link {company}' },
              { company }
            )}
          >
            {formatMessage({ id: 'crm.import.reference.link', defaultMessage: 'Link…' })}
          </Button>
          <Button
            size="S"
            variant="danger-light"
            startIcon={<Cross />}
            disabled={busy !== null}
            onClick={() => onDecide(group, 'skip')}
            aria-label={formatMessage(
              { id: 'crm.import.reference.skipCompany', defaultMessage: 'Skip {company}' },
              { company }
            )}
          >
            {formatMessage({ id: 'crm.import.reference.skip', defaultMessage: 'Skip' })}
          </Button>
        </Flex>
      </Td>
    </Tr>
  );
};
