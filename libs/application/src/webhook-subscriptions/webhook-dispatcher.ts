import {
  WEBHOOK_SUBSCRIPTION_EVENT_TYPES,
  WEBHOOK_SUBSCRIPTION_STREAM_PREFIX,
  type WebhookSubscriptionEvent,
  type WebhookSubscriptionState,
  webhookSubscriptionDecider,
} from '@fieldstream/domain';
import type { EventSubscription, RecordedEvent } from '@fieldstream/event-store';
import {
  type DeliveredSubscription,
  WebhookDelivery,
  type WebhookDeliveryDependencies,
  deliveryKeyOf,
} from './webhook-delivery';

/**
 * A hold on a subscription that one worker at a time has (a Redis key with a time to live, in
 * production). `hold` takes it, or keeps it when it is ours already; it answers false while another
 * worker has it.
 */
export interface DeliveryLease {
  hold(subscriptionId: string): Promise<boolean>;
  release(subscriptionId: string): Promise<void>;
}

export interface WebhookDispatcherOptions extends WebhookDeliveryDependencies {
  lease: DeliveryLease;
  /** How often leases are renewed and free subscriptions taken: a third of the lease's life. */
  holdEveryMs: number;
}

const PAGE = 500;

interface Known extends DeliveredSubscription {
  /** What a running delivery was started with: a change of it starts the delivery again. */
  runKey: string;
}

/**
 * The worker's side of webhook subscriptions. It folds every subscription from its stream (catching
 * up, then following the `webhook-subscription-` streams live) and delivers each active one for
 * which it holds the lease, one WebhookDelivery per subscription.
 *
 * Why a lease: deliveries of one subscription must keep each stream's order and must not send an
 * event twice at once, so only one worker may deliver it at a time; every worker may, so that one
 * stopping (or dying) leaves its subscriptions to the others within a lease's life. Each worker
 * renews what it holds every `holdEveryMs` and stops delivering the moment a renewal fails; a call
 * in flight then ends within its timeout, shorter than what is left of the lease, so no two workers
 * ever call a receiver for the same subscription at once.
 */
export class WebhookDispatcher {
  private readonly known = new Map<string, Known>();
  private readonly deliveries = new Map<string, WebhookDelivery>();
  /** The selection and replays each running delivery started with. */
  private readonly runKeys = new Map<string, string>();
  /** Deliveries being stopped: a new one of the same subscription starts after. */
  private readonly ending = new Map<string, Promise<void>>();
  private follow: EventSubscription | undefined;
  private following: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private turn: Promise<void> = Promise.resolve();
  private stopped = false;
  private caughtUp = false;

  constructor(private readonly options: WebhookDispatcherOptions) {}

  /** Reads every subscription, then delivers and follows; resolves once the first holds were tried. */
  async start(): Promise<void> {
    this.stopped = false;
    const after = await this.catchUp();
    this.caughtUp = true;
    this.following = this.followLive(after);
    this.timer = setInterval(() => void this.reconcile(), this.options.holdEveryMs);
    this.timer.unref();
    await this.reconcile();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.follow?.close();
    await this.following;
    await this.turn;
    // A clean stop lets calls in flight end (within their timeout) and saves where each delivery got
    // to, so that the worker taking over sends nothing twice; only a crash does.
    for (const id of [...this.deliveries.keys()])
      void this.stopDelivery(id, { abortCalls: false, release: true });
    await Promise.all([...this.ending.values()]);
  }

  /** The subscriptions this worker delivers now, for health and tests. */
  status(): { known: number; delivering: ReturnType<WebhookDelivery['health']>[] } {
    return { known: this.known.size, delivering: [...this.deliveries.values()].map((d) => d.health()) };
  }

  private async catchUp(): Promise<number | undefined> {
    let after: number | undefined;
    for (;;) {
      const page = await this.options.events.readAll({
        ...(after !== undefined && { after }),
        maxCount: PAGE,
        streamPrefixes: [WEBHOOK_SUBSCRIPTION_STREAM_PREFIX],
        eventTypes: WEBHOOK_SUBSCRIPTION_EVENT_TYPES,
      });
      for (const recorded of page) this.fold(recorded);
      if (page.length > 0) after = page.at(-1)!.position;
      if (page.length < PAGE) return after;
    }
  }

  private async followLive(after: number | undefined): Promise<void> {
    let delay = 500;
    while (!this.stopped) {
      const subscription = this.options.events.subscribeToAll({
        ...(after !== undefined && { after }),
        streamPrefixes: [WEBHOOK_SUBSCRIPTION_STREAM_PREFIX],
        eventTypes: WEBHOOK_SUBSCRIPTION_EVENT_TYPES,
      });
      this.follow = subscription;
      try {
        for await (const recorded of subscription) {
          this.fold(recorded);
          after = recorded.position;
          delay = 500;
          void this.reconcile();
        }
      } catch (error) {
        if (this.stopped) return;
        this.options.log.error(
          `Webhook subscriptions: following again in ${delay} ms after ${error instanceof Error ? error.message : error}`,
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 30_000);
      } finally {
        await subscription.close();
      }
    }
  }

  private fold(recorded: RecordedEvent): void {
    const id = recorded.streamName.slice(WEBHOOK_SUBSCRIPTION_STREAM_PREFIX.length);
    const before = this.known.get(id);
    const state: WebhookSubscriptionState = { subscription: before?.subscription ?? null };
    const event = { type: recorded.type, data: recorded.data } as unknown as WebhookSubscriptionEvent;
    const subscription = webhookSubscriptionDecider.evolve(state, event).subscription;
    if (!subscription) return;
    this.known.set(id, {
      subscription,
      startPosition: before?.startPosition ?? recorded.position,
      version: recorded.revision + 1,
      runKey: deliveryKeyOf(subscription),
    });
  }

  /**
   * Brings deliveries in line with the subscriptions and the leases: renews what is held, takes
   * what is free, stops what was lost, paused, deleted, or changed in what it selects (which then
   * starts again). Turns never overlap.
   */
  private reconcile(): Promise<void> {
    if (!this.caughtUp) return this.turn;
    this.turn = this.turn
      .then(() => this.reconcileNow())
      .catch((error: unknown) => {
        this.options.log.error(
          `Webhook subscriptions: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    return this.turn;
  }

  private async reconcileNow(): Promise<void> {
    if (this.stopped) return;
    for (const [id, known] of this.known) {
      const delivery = this.deliveries.get(id);
      if (known.subscription.status !== 'active') {
        if (delivery) this.stopDelivery(id, { abortCalls: false, release: true });
        continue;
      }
      let held: boolean;
      try {
        held = await this.options.lease.hold(id);
      } catch (error) {
        // Without Redis no lease can be trusted: stop, and try again at the next turn.
        held = false;
        this.options.log.warn(
          `Webhook subscription ${id}: lease not renewed (${error instanceof Error ? error.message : error})`,
        );
      }
      if (this.stopped) return;
      if (!held) {
        if (delivery) this.stopDelivery(id, { abortCalls: true, release: false });
        continue;
      }
      if (delivery && this.runKeys.get(id) !== known.runKey)
        this.stopDelivery(id, { abortCalls: false, release: false });
      if (!this.deliveries.has(id)) {
        const started = new WebhookDelivery(this.options, id, () => this.known.get(id));
        this.deliveries.set(id, started);
        this.runKeys.set(id, known.runKey);
        // Never two deliveries of one subscription in this worker: the next waits for the last to end.
        void (this.ending.get(id) ?? Promise.resolve()).then(() => started.start());
      }
    }
  }

  /**
   * Ends a delivery without holding up the turn (a call in flight may take its timeout to end);
   * `release` lets another worker take the subscription at once.
   */
  private stopDelivery(id: string, options: { abortCalls: boolean; release: boolean }): Promise<void> {
    const delivery = this.deliveries.get(id);
    this.deliveries.delete(id);
    this.runKeys.delete(id);
    const previous = this.ending.get(id) ?? Promise.resolve();
    const ended = previous
      .then(() => delivery?.stop({ abortCalls: options.abortCalls }))
      .then(() => (options.release ? this.options.lease.release(id) : undefined))
      .catch((error: unknown) =>
        this.options.log.warn(
          `Webhook subscription ${id}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => {
        if (this.ending.get(id) === ended) this.ending.delete(id);
      });
    this.ending.set(id, ended);
    return ended;
  }
}
