import type { InboxNotificationView } from '@fieldstream/api-contract';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { referenceOf } from '../../service-requests/format/reference-of';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { SEVERITY_COLOURS } from '../format/severity-colours';
import { AcknowledgeDialog } from './acknowledge-dialog';
import { EscalationAlertLine } from './escalation-alert-line';
import { SeverityBadge } from './severity-badge';

const requestPath = (id: string) => `/app/requests/${encodeURIComponent(id)}`;

/**
 * One notification: how serious, what and when, the request it is about, whether it is read, and
 * for an escalation its level and the acknowledgement it waits for. Unread ones say so in words
 * and carry their severity's colour on the edge.
 */
export function InboxItem({
  notification,
  onMarkRead,
}: {
  notification: InboxNotificationView;
  onMarkRead: (notificationId: string) => void;
}) {
  const { t } = useTranslation('notifications');
  const format = useFormatters();
  const titleId = useId();
  const [acknowledging, setAcknowledging] = useState(false);
  const unread = notification.readAt === null;
  const { requestId, escalation } = notification;
  const reference = notification.reference ?? (requestId ? referenceOf(requestId) : '');
  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p="sm"
      aria-labelledby={titleId}
      data-notification-id={notification.notificationId}
      data-unread={unread || undefined}
      style={{
        borderLeft: `6px solid ${unread ? SEVERITY_COLOURS[notification.severity] : 'var(--mantine-color-gray-3)'}`,
      }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <SeverityBadge severity={notification.severity} />
            {unread && (
              <Badge variant="outline" color="steel.7" miw="fit-content">
                {t('inbox.unread')}
              </Badge>
            )}
            <Text size="xs" c="dimmed" component="span">
              <time dateTime={notification.receivedAt}>
                {t('inbox.received', { time: format.dateTime(notification.receivedAt) })}
              </time>
            </Text>
          </Group>
          <Title order={2} fz="md" fw={unread ? 700 : 500} id={titleId}>
            {notification.title}
          </Title>
          {notification.body && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {notification.body}
            </Text>
          )}
          {requestId && (
            <Text size="sm">
              {t('inbox.request')}:{' '}
              <Anchor component={Link} to={requestPath(requestId)} fw={600}>
                {reference}
              </Anchor>
            </Text>
          )}
          {escalation && (
            <EscalationAlertLine
              escalation={escalation}
              reference={reference}
              onAcknowledge={requestId ? () => setAcknowledging(true) : undefined}
            />
          )}
        </Stack>
        {unread && (
          <Button variant="default" size="xs" onClick={() => onMarkRead(notification.notificationId)}>
            {t('inbox.markRead')}
            <VisuallyHidden> — {notification.title}</VisuallyHidden>
          </Button>
        )}
      </Group>
      {acknowledging && requestId && (
        <AcknowledgeDialog
          requestId={requestId}
          reference={reference}
          onClose={() => setAcknowledging(false)}
          // Whoever acknowledges an alert has read it.
          onAcknowledged={() => unread && onMarkRead(notification.notificationId)}
        />
      )}
    </Paper>
  );
}
