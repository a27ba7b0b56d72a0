import type { NotificationWebhookView } from '@fieldstream/api-contract';
import { Box, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WebhookSecret } from './webhook-secret';

/** What the receiver needs (the secret) and when it last changed, with the two actions on it. */
export function WebhookDetails({
  webhook,
  onRotate,
  onRemove,
}: {
  webhook: NotificationWebhookView;
  onRotate: () => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation('notifications');
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      {/* A grid of name/value groups: each <div> holds one <dt> and its <dd>, as a <dl> allows. */}
      <Box
        component="dl"
        m={0}
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))',
          gap: 'var(--mantine-spacing-xs)',
        }}
      >
        {/* The secret and its buttons take a row of their own: they would wrap in a column. */}
        <div style={{ gridColumn: '1 / -1' }}>
          <Text component="dt" size="sm" fw={500}>
            {t('webhook.secret')}
          </Text>
          <Box component="dd" m={0}>
            <WebhookSecret secret={webhook.secret} />
          </Box>
        </div>
        <div>
          <Text component="dt" size="sm" fw={500}>
            {t('webhook.createdAt')}
          </Text>
          <Text component="dd" size="sm" m={0} data-testid="webhook-created">
            {format.format(new Date(webhook.createdAt))}
          </Text>
        </div>
        <div>
          <Text component="dt" size="sm" fw={500}>
            {t('webhook.secretRotatedAt')}
          </Text>
          <Text component="dd" size="sm" m={0} data-testid="webhook-rotated">
            {format.format(new Date(webhook.secretRotatedAt))}
          </Text>
        </div>
      </Box>
      <Group gap="sm">
        <Button variant="default" onClick={onRotate}>
          {t('webhook.rotate')}
        </Button>
        <Button variant="outline" color="red.9" onClick={onRemove}>
          {t('webhook.remove')}
        </Button>
      </Group>
    </>
  );
}
