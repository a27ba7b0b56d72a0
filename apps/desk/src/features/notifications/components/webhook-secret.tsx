import { Button, Code, CopyButton, Group, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Standard Webhooks writes secrets `whsec_…`: the prefix says what it is without giving anything away. */
const maskOf = (secret: string) => `${secret.startsWith('whsec_') ? 'whsec_' : ''}${'•'.repeat(16)}`;

/**
 * The webhook's signing secret, hidden until asked for (it is on screen for anyone looking over a
 * shoulder), and copied without being shown.
 */
export function WebhookSecret({ secret }: { secret: string }) {
  const { t } = useTranslation('notifications');
  const [revealed, setRevealed] = useState(false);
  return (
    <Group gap="xs" align="center">
      <Code data-testid="webhook-secret" style={{ wordBreak: 'break-all' }}>
        {revealed ? (
          secret
        ) : (
          <>
            <span aria-hidden="true">{maskOf(secret)}</span>
            <VisuallyHidden>{t('webhook.secretHidden')}</VisuallyHidden>
          </>
        )}
      </Code>
      <Button
        size="xs"
        variant="default"
        aria-label={revealed ? t('webhook.hideLabel') : t('webhook.revealLabel')}
        onClick={() => setRevealed((shown) => !shown)}
      >
        {revealed ? t('webhook.hide') : t('webhook.reveal')}
      </Button>
      <CopyButton value={secret}>
        {({ copied, copy }) => (
          <Button
            size="xs"
            variant="light"
            aria-label={copied ? t('webhook.copied') : t('webhook.copyLabel')}
            onClick={copy}
          >
            {copied ? t('webhook.copied') : t('webhook.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
