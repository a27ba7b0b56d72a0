import type { CalendarFeedList, CalendarFeedView, CalendarFeedWithUrl } from '@fieldstream/api-contract';
import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogActions } from '../../../shared/components/dialog-actions';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { useRegenerateCalendarFeed } from '../hooks/use-regenerate-calendar-feed';
import { useRevokeCalendarFeed } from '../hooks/use-revoke-calendar-feed';

type Pending = { action: 'regenerate' | 'revoke'; feed: CalendarFeedView };

export interface MyFeedsListProps {
  list: CalendarFeedList | undefined;
  loading: boolean;
  error: unknown;
  /** A new address was made: the dialog shows it, once. */
  onRegenerated: (feed: CalendarFeedWithUrl) => void;
}

/**
 * The user's feeds with what says whether a phone still reads each (when, and which app), and the
 * two ways to end an address: a new one in its place, or none. Both are asked twice: subscribed
 * calendars stop updating.
 */
export function MyFeedsList({ list, loading, error, onRegenerated }: MyFeedsListProps) {
  const { t } = useTranslation('calendarFeeds');
  const format = useFormatters();
  const regenerate = useRegenerateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [pending, setPending] = useState<Pending | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);

  const confirm = () => {
    if (!pending) return;
    const { action, feed } = pending;
    if (action === 'regenerate') {
      regenerate.mutate(feed.id, {
        onSuccess: (fresh) => {
          setPending(null);
          onRegenerated(fresh);
        },
      });
    } else {
      revoke.mutate(feed.id, {
        onSuccess: () => {
          setPending(null);
          setRevoked(feed.name);
        },
      });
    }
  };

  const fetched = (feed: CalendarFeedView) =>
    feed.lastFetchedAt === null
      ? t('list.neverFetched')
      : feed.lastFetchedBy
        ? t('list.lastFetchedBy', { date: format.dateTime(feed.lastFetchedAt), client: feed.lastFetchedBy })
        : t('list.lastFetched', { date: format.dateTime(feed.lastFetchedAt) });

  return (
    <Stack gap="xs" component="section" aria-labelledby="calendar-feeds-list-heading">
      <Group justify="space-between">
        <Title order={3} fz="md" id="calendar-feeds-list-heading">
          {t('list.heading')}
        </Title>
        {list && (
          <Text size="sm" c="dimmed">
            {t('list.count', { active: list.feeds.length, max: list.maxFeeds })}
          </Text>
        )}
      </Group>
      {loading && <Loader size="sm" role="status" aria-label={t('list.loading')} />}
      {error !== null && error !== undefined && <ProblemAlert error={error} />}
      {revoked && (
        <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setRevoked(null)}>
          {t('list.revoked', { name: revoked })}
        </Alert>
      )}
      {list && list.feeds.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('list.empty')}
        </Text>
      )}
      {list?.feeds.map((feed) => (
        <Paper key={feed.id} withBorder p="sm" radius="md" data-testid="calendar-feed-row">
          <Stack gap={4}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <div>
                <Text fw={600}>{feed.name}</Text>
                <Text size="sm">
                  {t(`list.scope.${feed.scope.kind}`, { name: feed.scope.name ?? feed.scope.code })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('list.created', { date: format.dateTime(feed.createdAt) })} · {fetched(feed)}
                </Text>
              </div>
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  aria-label={t('list.regenerateLabel', { name: feed.name })}
                  onClick={() => setPending({ action: 'regenerate', feed })}
                >
                  {t('list.regenerate')}
                </Button>
                <Button
                  size="xs"
                  variant="outline"
                  color="red.9"
                  aria-label={t('list.revokeLabel', { name: feed.name })}
                  onClick={() => setPending({ action: 'revoke', feed })}
                >
                  {t('list.revoke')}
                </Button>
              </Group>
            </Group>
            {pending?.feed.id === feed.id && (
              <Alert color={pending.action === 'revoke' ? 'red' : 'orange'} variant="light" role="alert">
                <Stack gap="xs">
                  <Text size="sm">
                    {t(pending.action === 'revoke' ? 'list.confirmRevoke' : 'list.confirmRegenerate', {
                      name: feed.name,
                    })}
                  </Text>
                  {(pending.action === 'revoke' ? revoke.error : regenerate.error) && (
                    <ProblemAlert error={pending.action === 'revoke' ? revoke.error : regenerate.error} />
                  )}
                  <DialogActions
                    cancelLabel={t('list.cancel')}
                    onCancel={() => setPending(null)}
                    confirmLabel={t(pending.action === 'revoke' ? 'list.revoke' : 'list.regenerate')}
                    pending={regenerate.isPending || revoke.isPending}
                    destructive={pending.action === 'revoke'}
                    onConfirm={confirm}
                  />
                </Stack>
              </Alert>
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
