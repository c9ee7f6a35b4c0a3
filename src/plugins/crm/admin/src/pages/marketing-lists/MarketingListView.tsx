import {
  Box,
  Button,
  Checkbox,
  Dialog,
  EmptyStateLayout,
  Flex,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { ArrowLeft, Download, Trash, WarningCircle } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import * as React from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';

import { MARKETING_CHANNELS, type MarketingListMember } from '../../../../contracts';
import { useCrmApi } from '../../api';
import { ActiveBadge } from '../../components/ActiveBadge';
import { CrmNav } from '../../components/common/CrmNav';
import { Pager } from '../../components/common/Pager';
import { HeaderCells, PageLoadError, PageLoader } from '../../components/common/PageStates';
import { contactPath } from '../../components/contacts/model';
import { customerPath } from '../../components/customers/model';
import { useCrmActions } from '../../content-manager/useCrmActions';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { useValueLabel } from '../../hooks/useValueLabel';
import { saveBlob } from '../../utils/download';
import { formatCount } from '../../utils/format';
import { statusOf } from '../../utils/serverErrors';
import { useAsyncResource } from '../../utils/useAsyncResource';
import { useLeftOutReason } from './reasons';

const PAGE_SIZE = 25;
/** How many of those left out the page lists after an export. */
const LEFT_OUT_SHOWN = 100;

const BackToLists = () => {
  const { formatMessage } = useIntl();
  return (
    <RouterLink to="/plugins/crm/marketing-lists" style={{ textDecoration: 'none' }}>
      <Flex gap={2} paddingBottom={2}>
        <ArrowLeft /> {formatMessage({ id: 'crm.lists.back', defaultMessage: 'Marketing lists' })}
      </Flex>
    </RouterLink>
  );
};

interface ExportOutcome {
  fileName: string;
  exported?: number;
  leftOut?: number;
  members: MarketingListMember[];
  total: number;
}

/** One list: its counts, its members with whether the export reaches them, removal and export. */
export const MarketingListView = ({ documentId }: { documentId: string }) => {
  const { formatMessage } = useIntl();
  const valueLabel = useValueLabel();
  const reasonOf = useLeftOutReason();
  const api = useCrmApi();
  const { messageOf, notifyError, notifySuccess } = useRequestErrors();
  const { canAddToMarketingList: canAddToList } = useCrmActions();
  const [page, setPage] = React.useState(1);
  const [selected, setSelected] = React.useState<Set<string>>(new Set());
  const [confirming, setConfirming] = React.useState(false);
  const [removing, setRemoving] = React.useState(false);
  const [exporting, setExporting] = React.useState(false);
  const [outcome, setOutcome] = React.useState<ExportOutcome>();
  const list = useAsyncResource(documentId, () => api.marketingLists.one(documentId));
  const members = useAsyncResource(`${documentId}|${page}`, () =>
    api.marketingLists.members(documentId, { page, pageSize: PAGE_SIZE })
  );

  const rows = members.data?.data ?? [];
  const pagination = members.data?.meta.pagination;
  const allOnPage = rows.length > 0 && rows.every((row) => selected.has(row.documentId));

  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const remove = async () => {
    setRemoving(true);
    try {
      await api.marketingLists.removeMembers(documentId, [...selected]);
      notifySuccess(
        formatMessage(
          {
            id: 'crm.lists.removed',
            defaultMessage: '{count, plural, one {# member} other {# members}} removed',
          },
          { count: selected.size }
        )
      );
      setSelected(new Set());
      setConfirming(false);
      list.reload();
      members.reload();
    } catch (failure) {
      notifyError(failure);
    } finally {
      setRemoving(false);
    }
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      const file = await api.marketingLists.exportCsv(documentId);
      saveBlob(file.blob, file.fileName);
      const left = await api.marketingLists.members(documentId, {
        reachable: false,
        page: 1,
        pageSize: LEFT_OUT_SHOWN,
      });
      setOutcome({
        fileName: file.fileName,
        exported: file.exported,
        leftOut: file.leftOut,
        members: left.data,
        total: left.meta.pagination?.total ?? left.data.length,
      });
    } catch (failure) {
      notifyError(failure);
    } finally {
      setExporting(false);
    }
  };

  if (!list.data) {
    return (
      <Page.Main>
        <Layouts.Header
          title={formatMessage({ id: 'crm.lists.list', defaultMessage: 'Marketing list' })}
          navigationAction={<BackToLists />}
        />
        <Layouts.Content>
          {list.isLoading ? (
            <PageLoader
              label={formatMessage({
                id: 'crm.lists.loadingList',
                defaultMessage: 'Loading the list',
              })}
            />
          ) : statusOf(list.error) === 404 ? (
            <Page.NoData
              content={formatMessage(
                {
                  id: 'crm.lists.noSuchList',
                  defaultMessage: 'No marketing list has the id {documentId}.',
                },
                { documentId }
              )}
            />
          ) : (
            <PageLoadError error={list.error} onRetry={list.reload} />
          )}
        </Layouts.Content>
      </Page.Main>
    );
  }

  const summary = list.data;
  const headers = [
    formatMessage({ id: 'crm.lists.memberName', defaultMessage: 'Name' }),
    formatMessage({ id: 'crm.lists.company', defaultMessage: 'Company' }),
    formatMessage({ id: 'crm.lists.email', defaultMessage: 'E-mail' }),
    formatMessage({ id: 'crm.lists.phone', defaultMessage: 'Phone' }),
    formatMessage({ id: 'crm.lists.reachable', defaultMessage: 'In the export' }),
  ];
  const yes = formatMessage({ id: 'crm.lists.yes', defaultMessage: 'Yes' });

  return (
    <Page.Main>
      <Page.Title>{summary.name}</Page.Title>
      <Layouts.Header
        title={summary.name}
        subtitle={formatMessage(
          {
            id: 'crm.lists.summary',
            defaultMessage:
              '{channel} · {members, plural, one {# member} other {# members}}, {exported} in the export',
          },
          {
            channel: valueLabel(summary.channel),
            members: summary.counts.members,
            exported: formatCount(summary.counts.exported),
          }
        )}
        navigationAction={<BackToLists />}
        primaryAction={
          <Button startIcon={<Download />} loading={exporting} onClick={() => void exportCsv()}>
            {formatMessage({ id: 'crm.lists.exportCsv', defaultMessage: 'Export CSV' })}
          </Button>
        }
      />
      <Layouts.Content>
        <CrmNav />
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={6} wrap="wrap" data-testid="crm-list-counts">
            {MARKETING_CHANNELS.map((channel) => (
              <Typography key={channel} textColor="neutral600">
                {formatMessage(
                  {
                    id: 'crm.lists.reachableCount',
                    defaultMessage: 'Reachable by {channel}: {count}',
                  },
                  {
                    channel: valueLabel(channel),
                    count: formatCount(summary.counts.reachable[channel]),
                  }
                )}
              </Typography>
            ))}
          </Flex>

          {outcome && (
            <Box
              background="neutral0"
              padding={6}
              hasRadius
              shadow="tableShadow"
              data-testid="crm-list-export"
              tag="section"
              aria-live="polite"
            >
              <Flex direction="column" alignItems="stretch" gap={3}>
                <Typography variant="delta" tag="h2">
                  {formatMessage({
                    id: 'crm.lists.exportDone',
                    defaultMessage: 'Export downloaded',
                  })}
                </Typography>
                <Typography>
                  {formatMessage(
                    {
                      id: 'crm.lists.exportCounts',
                      defaultMessage: '{fileName}: {exported} exported, {leftOut} left out.',
                    },
                    {
                      fileName: outcome.fileName,
                      exported: formatCount(outcome.exported ?? summary.counts.exported),
                      leftOut: formatCount(outcome.leftOut ?? outcome.total),
                    }
                  )}
                </Typography>
                {outcome.members.length > 0 && (
                  <Table
                    colCount={2}
                    rowCount={outcome.members.length + 1}
                    aria-label={formatMessage({
                      id: 'crm.lists.leftOut',
                      defaultMessage: 'Left out of the export',
                    })}
                  >
                    <Thead>
                      <Tr>
                        <Th>
                          <Typography variant="sigma">
                            {formatMessage({ id: 'crm.lists.memberName', defaultMessage: 'Name' })}
                          </Typography>
                        </Th>
                        <Th>
                          <Typography variant="sigma">
                            {formatMessage({ id: 'crm.lists.why', defaultMessage: 'Why' })}
                          </Typography>
                        </Th>
                      </Tr>
                    </Thead>
                    <Tbody>
                      {outcome.members.map((member) => (
                        <Tr key={member.documentId}>
                          <Td>
                            <RouterLink to={contactPath(member.documentId)}>
                              <Typography textColor="primary600">{member.displayName}</Typography>
                            </RouterLink>
                          </Td>
                          <Td>
                            <Typography>{reasonOf(member.leftOutReason)}</Typography>
                          </Td>
                        </Tr>
                      ))}
                    </Tbody>
                  </Table>
                )}
                {outcome.total > outcome.members.length && (
                  <Typography variant="pi" textColor="neutral600">
                    {formatMessage(
                      {
                        id: 'crm.lists.leftOutMore',
                        defaultMessage: 'And {count} more.',
                      },
                      { count: formatCount(outcome.total - outcome.members.length) }
                    )}
                  </Typography>
                )}
              </Flex>
            </Box>
          )}

          {members.isLoading && !members.data && (
            <PageLoader
              label={formatMessage({
                id: 'crm.lists.loadingMembers',
                defaultMessage: 'Loading the members',
              })}
            />
          )}
          {members.error !== undefined && (
            <Typography textColor="danger600">{messageOf(members.error)}</Typography>
          )}
          {members.data && rows.length === 0 && (
            <EmptyStateLayout
              content={formatMessage({
                id: 'crm.lists.noMembers',
                defaultMessage: 'This list has no members yet.',
              })}
            />
          )}
          {rows.length > 0 && canAddToList && (
            <Flex gap={4} alignItems="center" justifyContent="space-between">
              <Typography variant="pi" textColor="neutral600" aria-live="polite">
                {formatMessage(
                  {
                    id: 'crm.lists.selected',
                    defaultMessage:
                      '{count, plural, =0 {Tick members to remove them from the list} one {# member selected} other {# members selected}}',
                  },
                  { count: selected.size }
                )}
              </Typography>
              <Button
                variant="danger-light"
                startIcon={<Trash />}
                disabled={selected.size === 0}
                onClick={() => setConfirming(true)}
              >
                {formatMessage(
                  {
                    id: 'crm.lists.removeSelected',
                    defaultMessage:
                      'Remove {count, plural, =0 {members} one {# member} other {# members}}',
                  },
                  { count: selected.size }
                )}
              </Button>
            </Flex>
          )}
          {rows.length > 0 && (
            <Table
              colCount={headers.length + (canAddToList ? 1 : 0)}
              rowCount={rows.length + 1}
              aria-label={formatMessage({ id: 'crm.lists.members', defaultMessage: 'Members' })}
            >
              <Thead>
                <Tr>
                  {canAddToList && (
                    <Th>
                      <Checkbox
                        aria-label={formatMessage({
                          id: 'crm.lists.selectAll',
                          defaultMessage: 'Select every member on this page',
                        })}
                        checked={allOnPage}
                        onCheckedChange={(checked: boolean | 'indeterminate') =>
                          rows.forEach((row) => toggle(row.documentId, checked === true))
                        }
                      />
                    </Th>
                  )}
                  <HeaderCells headers={headers} />
                </Tr>
              </Thead>
              <Tbody>
                {rows.map((member) => (
                  <Tr key={member.documentId}>
                    {canAddToList && (
                      <Td>
                        <Checkbox
                          aria-label={formatMessage(
                            { id: 'crm.lists.select', defaultMessage: 'Select {name}' },
                            { name: member.displayName }
                          )}
                          checked={selected.has(member.documentId)}
                          onCheckedChange={(checked: boolean | 'indeterminate') =>
                            toggle(member.documentId, checked === true)
                          }
                        />
                      </Td>
                    )}
                    <Td>
                      <RouterLink to={contactPath(member.documentId)}>
                        <Typography fontWeight="bold" textColor="primary600">
                          {member.displayName}
                        </Typography>
                      </RouterLink>
                    </Td>
                    <Td>
                      {member.company ? (
                        <RouterLink to={customerPath(member.company.documentId)}>
                          <Typography textColor="primary600">
                            {member.company.displayName}
                          </Typography>
                        </RouterLink>
                      ) : (
                        <Typography textColor="neutral600">—</Typography>
                      )}
                    </Td>
                    <Td>
                      <Typography>{member.email || '—'}</Typography>
                    </Td>
                    <Td>
                      <Typography>{member.phone || '—'}</Typography>
                    </Td>
                    <Td>
                      {member.reachable ? (
                        <ActiveBadge>{yes}</ActiveBadge>
                      ) : (
                        <Typography textColor="danger600">
                          {formatMessage(
                            { id: 'crm.lists.notReached', defaultMessage: 'No: {reason}' },
                            { reason: reasonOf(member.leftOutReason) }
                          )}
                        </Typography>
                      )}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
          {pagination && <Pager page={page} pageCount={pagination.pageCount} onChange={setPage} />}
        </Flex>
      </Layouts.Content>
      <Dialog.Root open={confirming} onOpenChange={(open: boolean) => setConfirming(open)}>
        <Dialog.Content>
          <Dialog.Header>
            {formatMessage({
              id: 'crm.lists.removeTitle',
              defaultMessage: 'Remove from the list?',
            })}
          </Dialog.Header>
          <Dialog.Body icon={<WarningCircle fill="danger600" />}>
            <Typography textAlign="center">
              {formatMessage(
                {
                  id: 'crm.lists.removeConfirm',
                  defaultMessage:
                    '{count, plural, one {# member leaves} other {# members leave}} {list}; the contacts themselves stay.',
                },
                { count: selected.size, list: summary.name }
              )}
            </Typography>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button fullWidth variant="tertiary">
                {formatMessage({ id: 'crm.common.cancel', defaultMessage: 'Cancel' })}
              </Button>
            </Dialog.Cancel>
            <Button
              fullWidth
              variant="danger-light"
              loading={removing}
              onClick={() => void remove()}
            >
              {formatMessage({ id: 'crm.lists.remove', defaultMessage: 'Remove' })}
            </Button>
          </Dialog.Footer>
        </Dialog.Content>
      </Dialog.Root>
    </Page.Main>
  );
};
