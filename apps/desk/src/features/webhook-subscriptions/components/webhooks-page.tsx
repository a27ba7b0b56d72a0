import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { webhookScreenOf } from '../api/webhook-screen-paths';
import { useWebhookPermissions } from '../format/use-webhook-permissions';
import { useWebhookSubscriptions } from '../hooks/use-webhook-subscriptions';
import { WebhookFormDialog } from './webhook-form-dialog';
import { WebhooksTable } from './webhooks-table';

/**
 * `/app/integrations/webhooks`: the webhook subscriptions the user may see, with their status, lag
 * and last delivery, read again every few seconds. Administrators and integrations make new ones
 * here; each opens on its own page.
 */
export function WebhooksPage() {
  const { t } = useTranslation('webhooks');
  useDocumentTitle(`${t('title')} · Fieldstream`);
  const permissions = useWebhookPermissions();
  const subscriptions = useWebhookSubscriptions();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  if (!permissions.mayRead) return <Alert color="orange">{t('forbidden')}</Alert>;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} fz="h2">
          {t('title')}
        </Title>
        {permissions.mayCreate && <Button onClick={() => setCreating(true)}>{t('new')}</Button>}
      </Group>
      <Text size="sm" maw={760}>
        {t('intro')}
      </Text>
      {subscriptions.error ? (
        <ProblemAlert error={subscriptions.error} />
      ) : !subscriptions.data ? (
        <Loader size="sm" role="status" aria-label={t('loading')} />
      ) : subscriptions.data.subscriptions.length === 0 ? (
        <Text size="sm" data-testid="webhooks-empty">
          {t('empty')}
        </Text>
      ) : (
        <WebhooksTable subscriptions={subscriptions.data.subscriptions} />
      )}
      {creating && (
        <WebhookFormDialog
          subscription={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => void navigate(webhookScreenOf(saved.id), { state: { notice: 'created' } })}
        />
      )}
    </Stack>
  );
}
