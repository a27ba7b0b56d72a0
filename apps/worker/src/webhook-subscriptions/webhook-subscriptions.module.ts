import { WebhookDeliveryRecords, WebhookDispatcher } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import {
  APP_CONFIG,
  type AppConfig,
  EVENT_STORE,
  READ_STORE,
  REDIS,
  StandardWebhookPoster,
} from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Logger, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { WORKER_CLOCK } from '../worker-clock';
import { RedisDeliveryLease } from './redis-delivery-lease';
import { WebhookDeliveries } from './webhook-deliveries.service';
import { WEBHOOK_DISPATCHER } from './webhook-tokens';

/**
 * Integrators' webhook subscriptions, delivered: each active subscription by the one worker holding
 * its lease in Redis, following the published log from its own position (see WebhookDispatcher).
 */
@Module({
  providers: [
    {
      provide: WebhookDeliveryRecords,
      inject: [READ_STORE, APP_CONFIG],
      useFactory: (reads: ReadStore, config: AppConfig) =>
        new WebhookDeliveryRecords(reads, config.webhooks.logLimit),
    },
    {
      provide: WEBHOOK_DISPATCHER,
      inject: [EVENT_STORE, REDIS, WebhookDeliveryRecords, APP_CONFIG, WORKER_CLOCK],
      useFactory: (
        events: EventStore,
        redis: Redis,
        records: WebhookDeliveryRecords,
        config: AppConfig,
        now: () => Date,
      ) => {
        const logger = new Logger('Webhooks');
        const { webhooks } = config;
        // A call in flight when a renewal fails must end before the lease does (see WebhookDispatcher).
        if (webhooks.timeoutMs * 2 > webhooks.leaseMs)
          logger.warn(
            `WEBHOOK_TIMEOUT_MS (${webhooks.timeoutMs}) should be under half of WEBHOOK_LEASE_MS (${webhooks.leaseMs})`,
          );
        return new WebhookDispatcher({
          events,
          records,
          poster: new StandardWebhookPoster(webhooks.timeoutMs),
          lease: new RedisDeliveryLease(redis, config.queuePrefix, webhooks.leaseMs),
          holdEveryMs: Math.floor(webhooks.leaseMs / 3),
          settings: {
            initialMs: webhooks.retryInitialMs,
            maxMs: webhooks.retryMaxMs,
            jitter: webhooks.retryJitter,
            failingAfterMs: webhooks.failingAfterMs,
            concurrency: webhooks.concurrency,
          },
          now,
          random: Math.random,
          log: { warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
        });
      },
    },
    WebhookDeliveries,
  ],
  exports: [WebhookDeliveries],
})
export class WebhookSubscriptionsModule {}
