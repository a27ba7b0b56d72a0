import { WebhookDeliveryRecords, WebhookDispatcher } from '@fieldstream/application';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { WEBHOOK_DISPATCHER } from './webhook-tokens';

const RETRY_START_MS = 2_000;

/**
 * Starts the webhook dispatcher with the worker, and stops it (releasing its leases, so another
 * worker takes its subscriptions at once) before the stores and Redis close. A store that cannot
 * be read at start is tried again until it can.
 */
@Injectable()
export class WebhookDeliveries implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private starting: Promise<void> | undefined;
  private stopped = false;

  constructor(
    @Inject(WEBHOOK_DISPATCHER) private readonly dispatcher: WebhookDispatcher,
    private readonly records: WebhookDeliveryRecords,
  ) {}

  onApplicationBootstrap(): void {
    this.starting = this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.starting;
    await this.dispatcher.stop();
  }

  status() {
    return this.dispatcher.status();
  }

  private async start(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.records.ensureIndexes();
        await this.dispatcher.start();
        return;
      } catch (error) {
        this.logger.error(
          `Webhook deliveries could not start, trying again in ${RETRY_START_MS} ms: ${error instanceof Error ? error.message : error}`,
        );
        await new Promise((resolve) => setTimeout(resolve, RETRY_START_MS));
      }
    }
  }
}
