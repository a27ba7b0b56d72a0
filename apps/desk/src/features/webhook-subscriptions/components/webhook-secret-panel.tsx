import type { WebhookSubscriptionView } from '@fieldstream/api-contract';
import {
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useFormatters } from '../../service-requests/format/use-formatters';
import type { useWebhookCommands } from '../hooks/use-webhook-commands';
import { WebhookConfirmDialog } from './webhook-confirm-dialog';

const MASK = `whsec_${'•'.repeat(16)}`;
const DEFAULT_GRACE_HOURS = 24;

/**
 * The secret that signs the subscription's calls: fetched only when revealed (and forgotten when
 * hidden), copied, rotated after confirming with the grace during which the previous one signs too.
 * Readers who may not see it are told so.
 */
export function WebhookSecretPanel({
  subscription,
  commands,
  maySee,
  onRotated,
}: {
  subscription: WebhookSubscriptionView;
  commands: ReturnType<typeof useWebhookCommands>;
  maySee: boolean;
  onRotated: (previousValidUntil: string | null) => void;
}) {
  const { t } = useTranslation('webhooks');
  const format = useFormatters();
  const [secret, setSecret] = useState<string | null>(null);
  const [rotating, setRotating] = useState(false);
  const [graceHours, setGraceHours] = useState<number | string>(DEFAULT_GRACE_HOURS);
  const { revealSecret, rotateSecret } = commands;
  const reveal = () => revealSecret.mutate(undefined, { onSuccess: (answer) => setSecret(answer.secret) });
  const closeRotation = () => {
    rotateSecret.reset();
    setRotating(false);
  };
  return (
    <Stack component="section" aria-labelledby="webhook-secret" gap="xs">
      <Title order={2} fz="h4" id="webhook-secret">
        {t('secret.heading')}
      </Title>
      <Text size="sm">{t('secret.intro')}</Text>
      {!maySee ? (
        <Text size="sm" c="dimmed">
          {t('secret.notYours')}
        </Text>
      ) : (
        <>
          {revealSecret.error ? <ProblemAlert error={revealSecret.error} /> : null}
          <Group gap="xs" align="center">
            <Code data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
              {secret ?? (
                <>
                  <span aria-hidden="true">{MASK}</span>
                  <VisuallyHidden>{t('secret.hidden')}</VisuallyHidden>
                </>
              )}
            </Code>
            <Button
              size="xs"
              variant="default"
              loading={revealSecret.isPending}
              aria-label={secret ? t('secret.hideLabel') : t('secret.revealLabel')}
              onClick={() => (secret ? setSecret(null) : reveal())}
            >
              {secret ? t('secret.hide') : t('secret.reveal')}
            </Button>
            {secret && (
              <CopyButton value={secret}>
                {({ copied, copy }) => (
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={copied ? t('secret.copied') : t('secret.copyLabel')}
                    onClick={copy}
                  >
                    {copied ? t('secret.copied') : t('secret.copy')}
                  </Button>
                )}
              </CopyButton>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t('secret.rotatedAt', { when: format.dateTime(subscription.secretRotatedAt) })}
            {subscription.previousSecretValidUntil &&
              ` ${t('secret.previousUntil', { until: format.dateTime(subscription.previousSecretValidUntil) })}`}
          </Text>
          <Group>
            <Button size="xs" variant="default" onClick={() => setRotating(true)}>
              {t('secret.rotate')}
            </Button>
          </Group>
        </>
      )}
      {rotating && (
        <WebhookConfirmDialog
          title={t('secret.rotateTitle')}
          body={t('secret.rotateBody')}
          confirmLabel={t('secret.rotate')}
          pending={rotateSecret.isPending}
          error={rotateSecret.error}
          onClose={closeRotation}
          onConfirm={() =>
            rotateSecret.mutate(
              { previousSecretValidMinutes: Math.round(Number(graceHours || 0) * 60) },
              {
                onSuccess: (rotated) => {
                  setSecret(rotated.secret);
                  closeRotation();
                  onRotated(rotated.previousSecretValidUntil);
                },
              },
            )
          }
        >
          <NumberInput
            label={t('secret.grace')}
            min={0}
            max={168}
            allowDecimal={false}
            value={graceHours}
            onChange={setGraceHours}
          />
        </WebhookConfirmDialog>
      )}
    </Stack>
  );
}
