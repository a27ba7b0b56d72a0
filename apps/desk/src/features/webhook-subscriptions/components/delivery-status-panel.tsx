import type { WebhookDeliveryStatus } from '@fieldstream/api-contract';
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { PendingEvents } from './pending-events';
import { WebhookFact } from './webhook-fact';

/** Where deliveries stand against the log's head, and how the receiver has been answering. */
export function DeliveryStatusPanel({ delivery }: { delivery: WebhookDeliveryStatus }) {
  const { t } = useTranslation('webhooks');
  const format = useFormatters();
  const instant = (value: string | null) =>
    value ? <time dateTime={value}>{format.dateTime(value)}</time> : t('never');
  return (
    <Stack component="section" aria-labelledby="webhook-delivery" gap="xs">
      <Title order={2} fz="h4" id="webhook-delivery">
        {t('delivery.heading')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" verticalSpacing="sm" m={0}>
        <WebhookFact term={t('delivery.pending')}>
          <PendingEvents delivery={delivery} />
        </WebhookFact>
        <WebhookFact term={t('delivery.position')}>
          {delivery.position === null ? t('delivery.none') : format.number(delivery.position)}
        </WebhookFact>
        <WebhookFact term={t('delivery.head')}>{format.number(delivery.headPosition)}</WebhookFact>
        <WebhookFact term={t('delivery.failures')}>{format.number(delivery.consecutiveFailures)}</WebhookFact>
        <WebhookFact term={t('delivery.lastSuccess')}>{instant(delivery.lastSuccessAt)}</WebhookFact>
        <WebhookFact term={t('delivery.lastAttempt')}>{instant(delivery.lastAttemptAt)}</WebhookFact>
        <WebhookFact term={t('delivery.delivered')}>{format.number(delivery.delivered)}</WebhookFact>
        <WebhookFact term={t('delivery.refused')}>{format.number(delivery.refused)}</WebhookFact>
      </SimpleGrid>
      {delivery.lastError && (
        <Text size="sm" c={delivery.consecutiveFailures > 0 ? 'red.9' : undefined}>
          {t('delivery.lastError')}: {delivery.lastError}
        </Text>
      )}
    </Stack>
  );
}
