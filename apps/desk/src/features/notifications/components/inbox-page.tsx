import { Anchor, Button, Group, Loader, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useInbox } from '../hooks/use-inbox';
import { useMarkRead } from '../hooks/use-mark-read';
import { InboxItem } from './inbox-item';

/**
 * `/app/inbox`, for every role: the user's notifications, newest first, a page at a time. Each can
 * be marked read, or all at once; escalation alerts can be acknowledged from here. The inbox keeps
 * everything, so someone back from a day off finds it all; live notices and a reconnect of the live
 * feed refetch it. "Unread only" lives in the URL.
 */
export function InboxPage() {
  const { t } = useTranslation('notifications');
  useDocumentTitle(`${t('inbox.title')} · Fieldstream`);
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const inbox = useInbox(unreadOnly);
  const markRead = useMarkRead();
  const pages = inbox.data?.pages ?? [];
  const notifications = pages.flatMap((page) => page.notifications);
  const unreadCount = pages[0]?.unreadCount ?? 0;
  const onMarkRead = (notificationId: string) => markRead.mutate({ notificationIds: [notificationId] });
  return (
    <Stack gap="md" maw={960}>
      <Group justify="space-between" align="flex-end">
        <Title order={1} fz="h2">
          {t('inbox.title')}
        </Title>
        <Anchor component={Link} to="/app/settings/notifications" size="sm">
          {t('inbox.settingsLink')}
        </Anchor>
      </Group>
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Switch
          label={t('inbox.unreadOnly')}
          checked={unreadOnly}
          onChange={(event) =>
            setParams(event.currentTarget.checked ? { unread: 'true' } : {}, { replace: true })
          }
        />
        <Group gap="sm">
          <Text size="sm" fw={500} role="status" data-testid="inbox-unread-count">
            {inbox.data
              ? unreadCount > 0
                ? t('inbox.unreadCount', { count: unreadCount })
                : t('inbox.allRead')
              : ''}
          </Text>
          <Button
            variant="default"
            disabled={unreadCount === 0}
            loading={markRead.isPending && markRead.variables && 'all' in markRead.variables}
            onClick={() => markRead.mutate({ all: true })}
          >
            {t('inbox.markAllRead')}
          </Button>
        </Group>
      </Group>
      {markRead.error && <ProblemAlert error={markRead.error} />}
      {inbox.error && <ProblemAlert error={inbox.error} />}
      {inbox.isPending && <Loader size="sm" role="status" aria-label={t('inbox.loading')} />}
      {inbox.data &&
        (notifications.length === 0 ? (
          <Paper withBorder p="lg" radius="md">
            <Text size="sm" data-testid="inbox-empty">
              {unreadOnly ? t('inbox.emptyUnread') : t('inbox.empty')}
            </Text>
          </Paper>
        ) : (
          <Stack
            component="ul"
            gap="sm"
            p={0}
            m={0}
            aria-label={t('inbox.listLabel')}
            style={{ listStyle: 'none' }}
            data-testid="inbox-list"
          >
            {notifications.map((notification) => (
              <li key={notification.notificationId}>
                <InboxItem notification={notification} onMarkRead={onMarkRead} />
              </li>
            ))}
          </Stack>
        ))}
      {inbox.hasNextPage ? (
        <Group>
          <Button
            variant="default"
            loading={inbox.isFetchingNextPage}
            onClick={() => void inbox.fetchNextPage()}
          >
            {t('inbox.loadMore')}
          </Button>
        </Group>
      ) : (
        notifications.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('inbox.end')}
          </Text>
        )
      )}
    </Stack>
  );
}
