import { Code, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useNotificationWebhook } from '../hooks/use-notification-webhook';
import { useRemoveNotificationWebhook } from '../hooks/use-remove-notification-webhook';
import { useRotateWebhookSecret } from '../hooks/use-rotate-webhook-secret';
import { ConfirmActionDialog } from './confirm-action-dialog';
import { WebhookDetails } from './webhook-details';
import { WebhookUrlForm } from './webhook-url-form';

type Notice = 'saved' | 'rotated' | 'removed';

/**
 * "Webhook": the user's own URL that each of their notifications is POSTed to, signed per the
 * Standard Webhooks specification with a secret the server makes. Saving, rotating and removing
 * say so in one status line; rotating and removing ask first, as the receiver is affected at once.
 */
export function WebhookSection() {
  const { t } = useTranslation('notifications');
  const webhook = useNotificationWebhook();
  const rotate = useRotateWebhookSecret();
  const remove = useRemoveNotificationWebhook();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState<'rotate' | 'remove' | null>(null);
  const current = webhook.data?.webhook ?? null;
  const close = () => {
    rotate.reset();
    remove.reset();
    setConfirming(null);
  };
  const done = (what: Notice) => () => {
    setConfirming(null);
    setNotice(what);
  };
  return (
    <Stack component="section" aria-labelledby="webhook-title" gap="sm">
      <Title order={2} fz="h3" id="webhook-title">
        {t('webhook.title')}
      </Title>
      <Text size="sm">{t('webhook.intro')}</Text>
      <Text size="sm">
        <Trans t={t} i18nKey="webhook.signing" components={{ code: <Code /> }} />
      </Text>
      {webhook.error ? (
        <ProblemAlert error={webhook.error} />
      ) : !webhook.data ? (
        <Loader size="sm" role="status" aria-label={t('webhook.loading')} />
      ) : (
        <>
          <WebhookUrlForm current={current?.url ?? ''} onSaved={() => setNotice('saved')} />
          {current && (
            <WebhookDetails
              webhook={current}
              onRotate={() => {
                setNotice(null);
                setConfirming('rotate');
              }}
              onRemove={() => {
                setNotice(null);
                setConfirming('remove');
              }}
            />
          )}
        </>
      )}
      <Text size="sm" fw={500} role="status" data-testid="webhook-notice">
        {notice ? t(`webhook.${notice}`) : ''}
      </Text>
      {confirming === 'rotate' && (
        <ConfirmActionDialog
          title={t('webhook.rotateTitle')}
          body={t('webhook.rotateBody')}
          confirmLabel={t('webhook.rotate')}
          pending={rotate.isPending}
          error={rotate.error}
          onClose={close}
          onConfirm={() => rotate.mutate(undefined, { onSuccess: done('rotated') })}
        />
      )}
      {confirming === 'remove' && current && (
        <ConfirmActionDialog
          title={t('webhook.removeTitle')}
          body={t('webhook.removeBody', { url: current.url })}
          confirmLabel={t('webhook.remove')}
          pending={remove.isPending}
          error={remove.error}
          onClose={close}
          onConfirm={() => remove.mutate(undefined, { onSuccess: done('removed') })}
        />
      )}
    </Stack>
  );
}
