import { WebhookDeliveryRecords, WebhookSubscriptions } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  EVENT_STORE,
  READ_STORE,
  StandardWebhookPoster,
} from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Module } from '@nestjs/common';
import { WEBHOOK_SUBSCRIPTION_COMMAND_HANDLERS } from './webhook-subscription.commands';
import { WEBHOOK_SUBSCRIPTION_QUERY_HANDLERS } from './webhook-subscription.queries';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller';

/**
 * Integrators' webhook subscriptions over HTTP: managed here, delivered by the worker
 * (apps/worker/src/webhook-subscriptions); the test ping is sent from here, at once.
 */
@Module({
  controllers: [WebhookSubscriptionsController],
  providers: [
    {
      provide: WebhookDeliveryRecords,
      inject: [READ_STORE, APP_CONFIG],
      useFactory: (reads: ReadStore, config: AppConfig) =>
        new WebhookDeliveryRecords(reads, config.webhooks.logLimit),
    },
    {
      provide: WebhookSubscriptions,
      inject: [EVENT_STORE, READ_STORE, WebhookDeliveryRecords, APP_CONFIG],
      useFactory: (
        events: EventStore,
        reads: ReadStore,
        records: WebhookDeliveryRecords,
        config: AppConfig,
      ) =>
        new WebhookSubscriptions({
          events,
          reads,
          records,
          poster: new StandardWebhookPoster(config.webhooks.timeoutMs),
          allowHttpEndpoints: config.notifications.allowHttpEndpoints,
        }),
    },
    ...WEBHOOK_SUBSCRIPTION_COMMAND_HANDLERS,
    ...WEBHOOK_SUBSCRIPTION_QUERY_HANDLERS,
  ],
})
export class WebhookSubscriptionsModule {}
