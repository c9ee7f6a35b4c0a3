import { Box, Button, Field, Flex, Loader, Textarea, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import { useCrmApi } from '../../api';
import { useRequestErrors } from '../../hooks/useRequestErrors';
import { formatDateTime } from '../../utils/format';
import { useAsyncResource } from '../../utils/useAsyncResource';
import { useActorLabel } from '../common/actors';
import { Pager } from '../common/Pager';

interface ActivityFeedProps {
  /** The contact's documentId. */
  contactId: string;
  /** Whether the admin may post comments (`activity.comment`). */
  canComment: boolean;
  pageSize?: number;
}

/** A contact's activity feed, newest first, with its author and date, and a box to comment. */
export const ActivityFeed = ({ contactId, canComment, pageSize = 10 }: ActivityFeedProps) => {
  const { formatMessage } = useIntl();
  const actorLabel = useActorLabel();
  const api = useCrmApi();
  const { messageOf, notifyError } = useRequestErrors();
  const [page, setPage] = React.useState(1);
  const [body, setBody] = React.useState('');
  const [posting, setPosting] = React.useState(false);
  const feed = useAsyncResource(`${contactId}|${page}`, () =>
    api.contacts.activity(contactId, page, pageSize)
  );

  const post = async (event: React.FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) return;
    setPosting(true);
    try {
      await api.contacts.comment(contactId, text);
      setBody('');
      if (page === 1) feed.reload();
      else setPage(1);
    } catch (failure) {
      notifyError(failure);
    } finally {
      setPosting(false);
    }
  };

  const entries = feed.data?.data ?? [];
  const pagination = feed.data?.meta.pagination;

  return (
    <Flex direction="column" alignItems="stretch" gap={4} data-testid="crm-activity-feed">
      {canComment && (
        <form onSubmit={(event) => void post(event)}>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Field.Root name="comment">
              <Field.Label>
                {formatMessage({ id: 'crm.contacts.comment', defaultMessage: 'Comment' })}
              </Field.Label>
              <Textarea
                value={body}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                  setBody(event.target.value)
                }
              />
            </Field.Root>
            <Flex justifyContent="flex-end">
              <Button type="submit" loading={posting} disabled={!body.trim()}>
                {formatMessage({ id: 'crm.contacts.postComment', defaultMessage: 'Post comment' })}
              </Button>
            </Flex>
          </Flex>
        </form>
      )}
      {feed.isLoading && !feed.data && (
        <Loader small>
          {formatMessage({
            id: 'crm.contacts.loadingActivity',
            defaultMessage: 'Loading the activity',
          })}
        </Loader>
      )}
      {feed.error !== undefined && (
        <Typography textColor="danger600">{messageOf(feed.error)}</Typography>
      )}
      {feed.data && entries.length === 0 && (
        <Typography textColor="neutral600">
          {formatMessage({ id: 'crm.contacts.noActivity', defaultMessage: 'No activity yet.' })}
        </Typography>
      )}
      {entries.length > 0 && (
        <ol
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
          aria-label={formatMessage({ id: 'crm.contacts.activity', defaultMessage: 'Activity' })}
        >
          {entries.map((entry) => (
            <li key={entry.documentId}>
              <Box
                paddingTop={2}
                paddingBottom={2}
                borderColor="neutral150"
                borderStyle="solid"
                borderWidth="0 0 1px 0"
              >
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {formatMessage(
                    {
                      id: 'crm.contacts.activityBy',
                      defaultMessage: '{author} · {date}',
                    },
                    {
                      author: entry.authorName ?? actorLabel(entry.authorType),
                      date: formatDateTime(entry.createdAt),
                    }
                  )}
                </Typography>
                <Typography tag="p" style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.body}
                </Typography>
              </Box>
            </li>
          ))}
        </ol>
      )}
      {pagination && (
        <Pager page={page} pageCount={pagination.pageCount} onChange={setPage} size="S" />
      )}
    </Flex>
  );
};
