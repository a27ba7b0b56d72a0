import type { WebhookTestAnswer } from '@fieldstream/api-contract';
import { Alert, Anchor, Button, Divider, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { WEBHOOKS_SCREEN } from '../api/webhook-screen-paths';
import { useWebhookPermissions } from '../format/use-webhook-permissions';
import { useWebhookCommands } from '../hooks/use-webhook-commands';
import { useWebhookEventTypes } from '../hooks/use-webhook-event-types';
import { useWebhookSubscription } from '../hooks/use-webhook-subscription';
import { DeliveryLog } from './delivery-log';
import { DeliveryStatusPanel } from './delivery-status-panel';
import { ReplayDialog } from './replay-dialog';
import { WebhookConfirmDialog } from './webhook-confirm-dialog';
import { WebhookFacts } from './webhook-facts';
import { WebhookFormDialog } from './webhook-form-dialog';
import { WebhookSecretPanel } from './webhook-secret-panel';
import { WebhookStatusBadge } from './webhook-status-badge';

type Dialog = 'edit' | 'replay' | 'delete' | null;

/**
 * `/app/integrations/webhooks/:id`: one subscription, its delivery status and log, kept current.
 * Whoever may manage it edits, pauses or resumes it, sends a test ping, replays from a position,
 * reveals or rotates its secret and deletes it; each action says what it did in one status line.
 */
export function WebhookDetailPage() {
  const { t } = useTranslation('webhooks');
  const format = useFormatters();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const subscription = useWebhookSubscription(id);
  const catalogue = useWebhookEventTypes();
  const commands = useWebhookCommands(id);
  const permissions = useWebhookPermissions();
  const [dialog, setDialog] = useState<Dialog>(null);
  const created = (location.state as { notice?: string } | null)?.notice === 'created';
  const [notice, setNotice] = useState<string | null>(created ? t('detail.made') : null);
  const data = subscription.data;
  useDocumentTitle(`${data?.name ?? t('title')} · Fieldstream`);

  const testNotice = (answer: WebhookTestAnswer) =>
    answer.outcome === 'delivered'
      ? t('test.delivered', { status: answer.status ?? '', duration: answer.durationMs })
      : t(`test.${answer.outcome}`, { error: answer.error ?? '' });
  const closeDialog = () => {
    commands.replay.reset();
    commands.remove.reset();
    setDialog(null);
  };

  if (!permissions.mayRead) return <Alert color="orange">{t('forbidden')}</Alert>;
  const back = (
    <Anchor component={Link} to={WEBHOOKS_SCREEN} size="sm">
      {t('detail.back')}
    </Anchor>
  );
  if (subscription.error)
    return (
      <Stack gap="md">
        {back}
        <ProblemAlert error={subscription.error} />
      </Stack>
    );
  if (!data) return <Loader size="sm" role="status" aria-label={t('detail.loading')} />;
  const mayManage = permissions.mayManage(data.owner);
  const actionError = commands.pause.error ?? commands.resume.error ?? commands.test.error;
  return (
    <Stack gap="lg">
      {back}
      <Stack gap="xs">
        <Group gap="sm" align="center">
          <Title order={1} fz="h2">
            {data.name}
          </Title>
          <WebhookStatusBadge subscription={data} />
        </Group>
        {data.paused && (
          <Text size="sm">
            {t('detail.pausedBy', {
              when: format.dateTime(data.paused.at),
              why: t(`detail.why.${data.paused.reason}`),
            })}
          </Text>
        )}
        {data.failing && data.status === 'active' && (
          <Text size="sm" c="red.9">
            {t('detail.failingSince', {
              since: format.dateTime(data.failing.since),
              error: data.failing.lastError,
            })}
          </Text>
        )}
      </Stack>
      {mayManage && (
        <Group gap="xs" role="group" aria-label={t('detail.actions')}>
          <Button variant="default" onClick={() => setDialog('edit')}>
            {t('detail.edit')}
          </Button>
          {data.status === 'active' ? (
            <Button
              variant="default"
              loading={commands.pause.isPending}
              onClick={() =>
                commands.pause.mutate(undefined, { onSuccess: () => setNotice(t('detail.paused')) })
              }
            >
              {t('detail.pause')}
            </Button>
          ) : (
            <Button
              variant="default"
              loading={commands.resume.isPending}
              onClick={() =>
                commands.resume.mutate(undefined, { onSuccess: () => setNotice(t('detail.resumed')) })
              }
            >
              {t('detail.resume')}
            </Button>
          )}
          <Button
            variant="default"
            loading={commands.test.isPending}
            onClick={() =>
              commands.test.mutate(undefined, { onSuccess: (answer) => setNotice(testNotice(answer)) })
            }
          >
            {t('detail.test')}
          </Button>
          <Button variant="default" onClick={() => setDialog('replay')}>
            {t('detail.replay')}
          </Button>
          <Button color="red.9" variant="outline" onClick={() => setDialog('delete')}>
            {t('detail.delete')}
          </Button>
        </Group>
      )}
      {actionError ? <ProblemAlert error={actionError} /> : null}
      <Text size="sm" fw={500} role="status" data-testid="webhook-notice">
        {notice ?? ''}
      </Text>
      <WebhookFacts subscription={data} catalogue={catalogue.data} />
      <Divider />
      <DeliveryStatusPanel delivery={data.delivery} />
      <Divider />
      <WebhookSecretPanel
        subscription={data}
        commands={commands}
        maySee={permissions.maySeeSecret(data.owner)}
        onRotated={(until) =>
          setNotice(until ? t('detail.rotated', { until: format.dateTime(until) }) : t('detail.rotatedNow'))
        }
      />
      <Divider />
      <DeliveryLog subscriptionId={data.id} />
      {dialog === 'edit' && (
        <WebhookFormDialog
          subscription={data}
          onClose={closeDialog}
          onSaved={() => setNotice(t('detail.saved'))}
        />
      )}
      {dialog === 'replay' && (
        <ReplayDialog
          pending={commands.replay.isPending}
          error={commands.replay.error}
          onClose={closeDialog}
          onReplay={(position) =>
            commands.replay.mutate(position, {
              onSuccess: () => {
                closeDialog();
                setNotice(t('detail.replayed', { position }));
              },
            })
          }
        />
      )}
      {dialog === 'delete' && (
        <WebhookConfirmDialog
          title={t('remove.title', { name: data.name })}
          body={t('remove.body', { url: data.url })}
          confirmLabel={t('remove.confirm')}
          pending={commands.remove.isPending}
          error={commands.remove.error}
          onClose={closeDialog}
          onConfirm={() =>
            commands.remove.mutate(undefined, { onSuccess: () => void navigate(WEBHOOKS_SCREEN) })
          }
        />
      )}
    </Stack>
  );
}
