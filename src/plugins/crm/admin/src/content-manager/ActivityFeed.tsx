import { Box, Button, Field, Flex, Loader, Textarea, Typography } from '@strapi/design-system';
import * as React from 'react';
import { useIntl } from 'react-intl';

import type { ActivityEntry } from '../../../contracts';
import { useCrmApi } from '../api';
import { useRequestErrors } from '../hooks/useRequestErrors';
import { useAsyncResource } from '../utils/useAsyncResource';

/** How many entries the feed shows at first, and how many more each "Show older entries" adds. */
const PAGE = 10;
/** The server's limit on a comment (the activity's body). */
const MAX_COMMENT = 5000;

interface ActivityFeedProps {
  documentId: string;
  canComment: boolean;
}

/** One entry: who wrote it (or what made it), when, and what it says. */
const Entry = ({ entry }: { entry: ActivityEntry }) => {
  const { formatMessage, formatDate } = useIntl();
  const author =
    entry.authorName ||
    (entry.authorType === 'system'
      ? formatMessage({ id: 'crm.cm.activity.system', defaultMessage: 'System' })
      : formatMessage({ id: 'crm.cm.activity.unknownAuthor', defaultMessage: 'Unknown author' }));
  return (
    <Box tag="li" paddingTop={2} paddingBottom={2} data-testid="crm-activity-entry">
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Flex gap={2} wrap="wrap">
          <Typography variant="omega" fontWeight="bold" data-testid="crm-activity-author">
            {author}
          </Typography>
          <Typography variant="pi" textColor="neutral600">
            <time dateTime={entry.createdAt}>
              {formatDate(entry.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
            </time>
          </Typography>
        </Flex>
        <Typography variant="omega" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {entry.body}
        </Typography>
      </Flex>
    </Box>
  );
};

/** A contact's activity feed, newest first, with a comment box for admins holding `activity.comment`. */
export const ActivityFeed = ({ documentId, canComment }: ActivityFeedProps) => {
  const { formatMessage } = useIntl();
  const api = useCrmApi();
  const { messageOf, notifySuccess } = useRequestErrors();
  const [shown, setShown] = React.useState(PAGE);
  const feed = useAsyncResource(`${documentId}:${shown}`, () =>
    api.contacts.activity(documentId, 1, shown)
  );
  const [comment, setComment] = React.useState('');
  const [error, setError] = React.useState<string | undefined>();
  const [posting, setPosting] = React.useState(false);
  const entries = feed.data?.data ?? [];
  const total = feed.data?.meta.pagination.total ?? entries.length;

  const post = async (event: React.FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const body = comment.trim();
    if (!body) {
      setError(
        formatMessage({ id: 'crm.cm.activity.empty', defaultMessage: 'Write a comment first' })
      );
      return;
    }
    setPosting(true);
    setError(undefined);
    try {
      await api.contacts.comment(documentId, body);
      setComment('');
      notifySuccess(
        formatMessage({ id: 'crm.cm.activity.posted', defaultMessage: 'Comment posted' })
      );
      feed.reload();
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setPosting(false);
    }
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="crm-activity">
      {canComment && (
        <form onSubmit={(event) => void post(event)} noValidate>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <Field.Root name="comment" error={error}>
              <Field.Label>
                {formatMessage({ id: 'crm.cm.activity.comment', defaultMessage: 'Comment' })}
              </Field.Label>
              <Textarea
                value={comment}
                maxLength={MAX_COMMENT}
                onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                  setComment(event.target.value)
                }
              />
              <Field.Error />
            </Field.Root>
            <Button type="submit" variant="secondary" loading={posting} fullWidth>
              {formatMessage({ id: 'crm.cm.activity.post', defaultMessage: 'Post comment' })}
            </Button>
          </Flex>
        </form>
      )}
      {feed.isLoading && !feed.data ? (
        <Loader small>
          {formatMessage({ id: 'crm.cm.activity.loading', defaultMessage: 'Loading the activity' })}
        </Loader>
      ) : feed.error ? (
        <Typography role="alert" textColor="danger600">
          {messageOf(feed.error)}
        </Typography>
      ) : entries.length === 0 ? (
        <Typography textColor="neutral600">
          {formatMessage({ id: 'crm.cm.activity.none', defaultMessage: 'No activity yet.' })}
        </Typography>
      ) : (
        <Box
          tag="ol"
          aria-label={formatMessage({
            id: 'crm.cm.activity.listLabel',
            defaultMessage: 'Activity, newest first',
          })}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {entries.map((entry) => (
            <Entry key={entry.documentId} entry={entry} />
          ))}
        </Box>
      )}
      {total > entries.length && (
        <Button
          variant="tertiary"
          loading={feed.isLoading}
          onClick={() => setShown((count) => count + PAGE)}
        >
          {formatMessage({ id: 'crm.cm.activity.more', defaultMessage: 'Show older entries' })}
        </Button>
      )}
    </Flex>
  );
};
