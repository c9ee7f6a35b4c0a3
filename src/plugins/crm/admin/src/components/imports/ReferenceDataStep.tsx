import { Badge, Box, Button, Checkbox, EmptyStateLayout, Flex, Loader, Status, Table, Tbody, Td, TextButton, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise, Check, Cross, Link as LinkIcon, Plus } from '@strapi/icons';
import { useCallback, useEffect, useState } from 'react';

import { customerLabel } from '../../utils/customers';
import { formatCount } from '../../utils/format';
import { useNotify } from '../../utils/notify';
import { LinkCustomerModal } from './LinkCustomerModal';
import { StepFooter } from './StepFooter';
import type { DecisionAction, ImportJob, ReferenceGroup } from './types';
import { useImportApi } from './useImportApi';

const decisionText = (group: ReferenceGroup, names: Record<string, string>) => {
  if (!group.decision) return { label: 'Undecided', variant: 'warning' as const };
  if (group.decision.action === 'create') return { label: 'Create a new customer', variant: 'success' as const };
  if (group.decision.action === 'skip') return { label: 'Skip these rows', variant: 'neutral' as const };
  const customer = group.decision.customer ?? '';
  const suggested = group.suggestions.find((suggestion) => suggestion.customer === customer)?.name;
  return { label: `Link to ${names[customer] ?? suggested ?? customer}`, variant: 'primary' as const };
};

/**
 * Step 4 (contacts): the companies no existing customer matched, grouped, with their row counts
 * and near matches. For each: create a customer, link to an existing one (a suggestion or a
 * search), or skip its rows; "Do this for all unmatched customers" gives the rest the same choice.
 */
export const ReferenceDataStep = ({
  job,
  onJobChange,
  onBack,
  onNext,
}: {
  job: ImportJob;
  onJobChange: (job: ImportJob) => void;
  onBack: () => void;
  onNext: () => void;
}) => {
  const api = useImportApi();
  const { notifyError } = useNotify();
  const [groups, setGroups] = useState<ReferenceGroup[] | null>(null);
  const [loadError, setLoadError] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [forAll, setForAll] = useState(false);
  const [linking, setLinking] = useState<ReferenceGroup | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});

  const load = useCallback(async () => {
    setLoadError(false);
    setGroups(null);
    try {
      setGroups(await api.referenceData(job.documentId));
    } catch (error) {
      setLoadError(true);
      notifyError(error, 'The unmatched companies could not be loaded');
    }
  }, [api, job.documentId, notifyError]);

  useEffect(() => {
    void load();
  }, [load]);

  const decide = async (group: ReferenceGroup, action: DecisionAction, customer?: string) => {
    setBusy(group.key);
    try {
      const applyToAll = forAll && action !== 'link' ? action : undefined;
      setGroups(await api.decide(job.documentId, [{ key: group.key, action, ...(customer ? { customer } : {}) }], applyToAll));
      onJobChange(await api.job(job.documentId)); // the server decides when the job is ready
    } catch (error) {
      notifyError(error, 'The decision could not be saved');
    } finally {
      setBusy(null);
    }
  };

  if (loadError) {
    return (
      <EmptyStateLayout
        content="The unmatched companies could not be loaded."
        action={
          <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={() => void load()}>
            Try again
          </Button>
        }
      />
    );
  }
  if (!groups) {
    return (
      <Flex justifyContent="center" padding={8}>
        <Loader>Loading the unmatched companies…</Loader>
      </Flex>
    );
  }

  const undecided = groups.filter((group) => !group.decision).length;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {groups.length === 0 ? (
        <EmptyStateLayout icon={<Check width="6.4rem" height="6.4rem" />} content="Every company in the file matches an existing customer (or the rows name none)." />
      ) : (
        <>
          <Typography textColor="neutral600" tag="p">
            {formatCount(groups.length)} companies in the file match no existing customer ({formatCount(undecided)} undecided). Choose for each
            one: create a new customer, link its rows to an existing customer, or skip its rows.
          </Typography>
          <Box>
            <Checkbox checked={forAll} onCheckedChange={(checked: boolean | 'indeterminate') => setForAll(checked === true)}>
              Do this for all unmatched customers
            </Checkbox>
            <Typography variant="pi" textColor="neutral600" tag="p">
              With this ticked, “Create” or “Skip” on one company applies to every company still undecided.
            </Typography>
          </Box>
          <Table colCount={5} rowCount={groups.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">Company</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Rows</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Suggested customers</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Decision</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">Actions</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {groups.map((group) => {
                const decision = decisionText(group, names);
                return (
                  <Tr key={group.key} data-testid={`reference-group-${group.key}`}>
                    <Td>
                      <Typography fontWeight="bold">{group.company}</Typography>
                    </Td>
                    <Td>
                      <Badge>{formatCount(group.rows)}</Badge>
                    </Td>
                    <Td>
                      {group.suggestions.length === 0 ? (
                        <Typography variant="pi" textColor="neutral500">
                          No near match
                        </Typography>
                      ) : (
                        <Flex direction="column" alignItems="flex-start" gap={1}>
                          {group.suggestions.map((suggestion) => (
                            <TextButton
                              key={suggestion.customer}
                              startIcon={<LinkIcon />}
                              disabled={busy !== null}
                              onClick={() => decide(group, 'link', suggestion.customer)}
                              aria-label={`Link ${group.company} to ${suggestion.name}`}
                            >
                              {suggestion.name} ({Math.round(suggestion.score * 100)}%)
                            </TextButton>
                          ))}
                        </Flex>
                      )}
                    </Td>
                    <Td>
                      <Status variant={decision.variant} size="S">
                        <Typography variant="pi" fontWeight="bold">
                          {decision.label}
                        </Typography>
                      </Status>
                    </Td>
                    <Td>
                      <Flex gap={2}>
                        <Button size="S" variant="secondary" startIcon={<Plus />} loading={busy === group.key} disabled={busy !== null} onClick={() => decide(group, 'create')} aria-label={`Create ${group.company}`}>
                          Create
                        </Button>
                        <Button size="S" variant="tertiary" startIcon={<LinkIcon />} disabled={busy !== null} onClick={() => setLinking(group)} aria-label={`Link ${group.company}`}>
                          Link…
                        </Button>
                        <Button size="S" variant="danger-light" startIcon={<Cross />} disabled={busy !== null} onClick={() => decide(group, 'skip')} aria-label={`Skip ${group.company}`}>
                          Skip
                        </Button>
                      </Flex>
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        </>
      )}
      <LinkCustomerModal
        company={linking?.company ?? ''}
        open={linking !== null}
        onClose={() => setLinking(null)}
        onPick={(customer) => {
          const group = linking;
          setLinking(null);
          if (!group) return;
          setNames((known) => ({ ...known, [customer.documentId]: customerLabel(customer) }));
          void decide(group, 'link', customer.documentId);
        }}
      />
      <StepFooter
        onBack={onBack}
        backLabel="Validation"
        onNext={onNext}
        nextLabel="Review and start"
        nextDisabled={job.stage !== 'ready' || busy !== null}
      />
    </Flex>
  );
};
