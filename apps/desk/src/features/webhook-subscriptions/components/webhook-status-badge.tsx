import type { WebhookSubscriptionView } from '@fieldstream/api-contract';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_STATE_COLOURS, webhookStateOf } from '../format/webhook-state';

/** Active, paused (by request or by the receiver), or failing: in words, with a colour beside them. */
export function WebhookStatusBadge({
  subscription,
}: {
  subscription: Pick<WebhookSubscriptionView, 'status' | 'paused' | 'failing'>;
}) {
  const { t } = useTranslation('webhooks');
  const state = webhookStateOf(subscription);
  return (
    <Badge color={WEBHOOK_STATE_COLOURS[state]} variant="filled" miw="fit-content" data-state={state}>
      {t(`status.${state}`)}
    </Badge>
  );
}
