import { Box, Checkbox, EmptyStateLayout, Flex, Typography } from '@strapi/design-system';
import { Check } from '@strapi/icons';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';

import type { ImportDecisionAction, ImportJob, ReferenceGroup } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { formatCount } from '../../utils/format';
import { PageLoader } from '../common/PageStates';
import { customerName } from '../customers/model';
import { LinkCustomerModal } from './LinkCustomerModal';
import { LoadFailed } from './LoadFailed';
import { GroupsTable } from './reference/GroupsTable';
import { StepFooter } from './StepFooter';

interface ReferenceDataStepProps {
  job: ImportJob;
  onJobChange: (job: ImportJob) => void;
  onBack: () => void;
  onNext: () => void;
}

/**
 * Step 5 (contacts): the companies no existing customer matched, grouped, with their row counts
 * and near matches. For each: create a customer, link to an existing one (a suggestion or a
 * search), or skip its rows; "Do this for all unmatched customers" gives the rest the same choice.
 */
export const ReferenceDataStep = ({ job, onJobChange, onBack, onNext }: ReferenceDataStepProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { notifyError } = useRequestErrors();
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
      setGroups(await api.imports.referenceData(job.documentId));
    } catch (error) {
      setLoadError(true);
      notifyError(error);
    }
  }, [api, job.documentId, notifyError]);

  useEffect(() => {
    void load();
  }, [load]);

  const decide = async (group: ReferenceGroup, action: ImportDecisionAction, customer?: string) => {
    setBusy(group.key);
    try {
      const applyToAll = forAll && action !== 'link' ? action : undefined;
      setGroups(
        await api.imports.decide(
          job.documentId,
          [{ key: group.key, action, ...(customer ? { customer } : {}) }],
          applyToAll
        )
      );
      onJobChange(await api.imports.job(job.documentId)); // the server decides when the job is ready
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  if (loadError) {
    return (
      <LoadFailed
        content={formatMessage({
          id: 'crm.import.reference.loadFailed',
          defaultMessage: 'The unmatched companies could not be loaded.',
        })}
        onRetry={() => void load()}
      />
    );
  }
  if (!groups) {
    return (
      <PageLoader
        label={formatMessage({
          id: 'crm.import.reference.loading',
          defaultMessage: 'Loading the unmatched companies…',
        })}
      />
    );
  }

  const undecided = groups.filter((group) => !group.decision).length;
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      {groups.length === 0 ? (
        <EmptyStateLayout
          icon={<Check width="6.4rem" height="6.4rem" />}
          content={formatMessage({
            id: 'crm.import.reference.allMatched',
            defaultMessage:
              'Every company in the file matches an existing customer (or the rows name none).',
          })}
        />
      ) : (
        <>
          <Typography textColor="neutral600" tag="p">
            {formatMessage(
              {
                id: 'crm.import.reference.intro',
                defaultMessage:
                  '{count} companies in the file match no existing customer ({undecided} undecided). Choose for each one: create a new customer, link its rows to an existing customer, or skip its rows.',
              },
              { count: formatCount(groups.length), undecided: formatCount(undecided) }
            )}
          </Typography>
          <Box>
            <Checkbox
              checked={forAll}
              onCheckedChange={(checked: boolean | 'indeterminate') => setForAll(checked === true)}
            >
              {formatMessage({
                id: 'crm.import.reference.forAll',
                defaultMessage: 'Do this for all unmatched customers',
              })}
            </Checkbox>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {formatMessage({
                id: 'crm.import.reference.forAllHint',
                defaultMessage:
                  'With this ticked, “Create” or “Skip” on one company applies to every company still undecided.',
              })}
            </Typography>
          </Box>
          <GroupsTable
            groups={groups}
            names={names}
            busy={busy}
            onDecide={(...args) => void decide(...args)}
            onSearch={setLinking}
          />
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
          setNames((known) => ({ ...known, [customer.documentId]: customerName(customer) }));
          void decide(group, 'link', customer.documentId);
        }}
      />
      <StepFooter
        onBack={onBack}
        backLabel={formatMessage({
          id: 'crm.import.step.validation',
          defaultMessage: 'Validation',
        })}
        onNext={onNext}
        nextLabel={formatMessage({
          id: 'crm.import.step.review',
          defaultMessage: 'Review and start',
        })}
        nextDisabled={job.stage !== 'ready' || busy !== null}
      />
    </Flex>
  );
};
