import type { WebhookEventTypes, WebhookSubscriptionView } from '@fieldstream/api-contract';
import { Code, Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../service-requests/format/use-formatters';
import { WebhookFact } from './webhook-fact';

/** What the subscription is: where it sends, what, whose it is, since when. */
export function WebhookFacts({
  subscription,
  catalogue,
}: {
  subscription: WebhookSubscriptionView;
  catalogue: WebhookEventTypes | undefined;
}) {
  const { t } = useTranslation('webhooks');
  const format = useFormatters();
  const titleOf = (name: string) =>
    catalogue?.categories.find((category) => category.name === name)?.title ?? name;
  return (
    <Stack component="section" aria-labelledby="webhook-facts" gap="xs">
      <Title order={2} fz="h4" id="webhook-facts">
        {t('detail.facts')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm" m={0}>
        <WebhookFact term={t('detail.url')} mono>
          {subscription.url}
        </WebhookFact>
        <WebhookFact term={t('detail.owner')}>{subscription.owner.name}</WebhookFact>
        {subscription.description && (
          <WebhookFact term={t('detail.description')}>{subscription.description}</WebhookFact>
        )}
        <WebhookFact term={t('detail.categories')}>
          {subscription.categories.length === 0
            ? t('detail.none')
            : subscription.categories.map(titleOf).join(', ')}
        </WebhookFact>
        <WebhookFact term={t('detail.types')}>
          {subscription.eventTypes.length === 0 ? (
            t('detail.none')
          ) : (
            <Group component="span" gap={4}>
              {subscription.eventTypes.map((type) => (
                <Code key={type}>{type}</Code>
              ))}
            </Group>
          )}
        </WebhookFact>
        <WebhookFact term={t('detail.created')}>
          <time dateTime={subscription.createdAt}>{format.dateTime(subscription.createdAt)}</time>
        </WebhookFact>
        <WebhookFact term={t('detail.updated')}>
          <time dateTime={subscription.updatedAt}>{format.dateTime(subscription.updatedAt)}</time>
        </WebhookFact>
      </SimpleGrid>
    </Stack>
  );
}
