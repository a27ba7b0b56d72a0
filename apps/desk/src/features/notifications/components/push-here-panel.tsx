import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/components/problem-alert';
import { useEnablePushHere } from '../hooks/use-enable-push-here';
import { useRemovePushDevice } from '../hooks/use-remove-push-device';
import { BrowserPushError } from '../push/browser-push-error';
import type { PushHereState } from '../push/push-here-state';
import { SUBSCRIBE_TIMEOUT_MS } from '../push/subscribe-this-browser';

/** The browser's own failure, in words: what happened, and the browser's message as it gave it. */
function BrowserPushProblem({ error }: { error: BrowserPushError }) {
  const { t } = useTranslation('notifications');
  const text =
    error.kind === 'timeout'
      ? t('push.timeout', { seconds: SUBSCRIBE_TIMEOUT_MS / 1000 })
      : error.kind === 'dismissed'
        ? t('push.dismissed')
        : t('push.failed', { reason: error.reason });
  return (
    <Alert role="alert" color="red" variant="light" title={t('push.failedTitle')} data-testid="push-error">
      <Text size="sm">{text}</Text>
    </Alert>
  );
}

/**
 * Push in this browser: why it cannot be had (unsupported, blocked and how to unblock), or the one
 * button that turns it on or off here. A failure to subscribe changes nothing but the message.
 */
export function PushHerePanel({ here, publicKey }: { here: PushHereState; publicKey: string }) {
  const { t } = useTranslation('notifications');
  const enable = useEnablePushHere();
  const turnOff = useRemovePushDevice();

  if (here.state === 'unsupported') {
    return (
      <Alert
        color="gray"
        variant="light"
        title={t('push.unsupportedTitle')}
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
      >
        <Text size="sm">{t('push.unsupported')}</Text>
      </Alert>
    );
  }
  if (here.state === 'blocked') {
    return (
      // Mantine's yellow title on its light yellow reads at 2.7:1: the text's colour keeps WCAG AA (so for gray above).
      <Alert
        color="yellow"
        variant="light"
        title={t('push.blockedTitle')}
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
        data-testid="push-blocked"
      >
        <Text size="sm">{t('push.blocked')}</Text>
      </Alert>
    );
  }
  // A refusal is shown by the blocked state itself; any other failure says what went wrong.
  const enableError =
    enable.error instanceof BrowserPushError ? (
      enable.error.kind === 'denied' ? null : (
        <BrowserPushProblem error={enable.error} />
      )
    ) : enable.error ? (
      <ProblemAlert error={enable.error} />
    ) : null;
  return (
    <>
      {here.state === 'off' && enableError}
      {turnOff.error ? <ProblemAlert error={turnOff.error} /> : null}
      <Group gap="sm" justify="space-between">
        <Text size="sm" fw={500} role="status" data-testid="push-here-state">
          {here.state === 'on' ? t('push.on') : t('push.off')}
        </Text>
        {here.state === 'on' ? (
          <Button
            variant="default"
            loading={turnOff.isPending}
            onClick={() => turnOff.mutate({ deviceId: here.deviceId, thisDevice: true })}
          >
            {t('push.disable')}
          </Button>
        ) : (
          <Button loading={enable.isPending} onClick={() => enable.mutate({ publicKey })}>
            {t('push.enable')}
          </Button>
        )}
      </Group>
    </>
  );
}
