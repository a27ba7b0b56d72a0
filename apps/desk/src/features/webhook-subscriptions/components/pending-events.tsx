import type { WebhookDeliveryStatus } from '@fieldstream/api-contract';
import { useTranslation } from 'react-i18next';

/** How many events of its types a subscription still has to send: "Up to date", "12 events", "More than 1000 events". */
export function PendingEvents({ delivery }: { delivery: WebhookDeliveryStatus }) {
  const { t } = useTranslation('webhooks');
  if (delivery.pendingCapped) return <>{t('pending.capped', { count: delivery.pendingEvents })}</>;
  if (delivery.pendingEvents === 0) return <>{t('pending.none')}</>;
  return <>{t('pending.some', { count: delivery.pendingEvents })}</>;
}
