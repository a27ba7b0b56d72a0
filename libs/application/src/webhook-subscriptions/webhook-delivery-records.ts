import { randomUUID } from 'node:crypto';
import type { WebhookAttemptOutcome, WebhookDeliveryAttempt } from '@fieldstream/api-contract';
import type { ReadDocument, ReadStore } from '@fieldstream/read-store';

/**
 * Where each subscription's delivery stands (one document per subscription, written by the worker
 * holding its lease) and its delivery log (one document per attempt, the newest kept). Not read
 * models of the log: what a receiver answered is not an event, and a bounded log of it needs no
 * rebuild. Both live in the read store so that the API reads them without asking the worker.
 */
export const WEBHOOK_DELIVERY_STATUS_COLLECTION = 'webhook_delivery_status';
export const WEBHOOK_DELIVERY_ATTEMPTS_COLLECTION = 'webhook_delivery_attempts';

export type WebhookDeliveryStatusDocument = ReadDocument & {
  /** The subscription id. */
  _id: string;
  /** Delivered through this position (taken, or refused and skipped); null: from the start of the log. */
  after: number | null;
  /** The subscription's replays this position has taken into account. */
  replaysApplied: number;
  consecutiveFailures: number;
  failingSince: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  delivered: number;
  refused: number;
  updatedAt: string;
};

/** One attempt of the delivery log, as written. */
export type NewDeliveryAttempt = Omit<WebhookDeliveryAttempt, 'id'> & { subscriptionId: string };

export type WebhookDeliveryAttemptDocument = ReadDocument &
  NewDeliveryAttempt & {
    /** `<subscriptionId>|<at>|<random>`: sorts by time within a subscription, and pages by itself. */
    _id: string;
  };

export function freshDeliveryStatus(subscriptionId: string, after: number | null, at: string) {
  return {
    _id: subscriptionId,
    after,
    replaysApplied: 0,
    consecutiveFailures: 0,
    failingSince: null,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastError: null,
    delivered: 0,
    refused: 0,
    updatedAt: at,
  } satisfies WebhookDeliveryStatusDocument;
}

/** Attempts written between two trims of a subscription's log. */
const TRIM_EVERY = 100;
const TRIM_BATCH = 1000;

export class WebhookDeliveryRecords {
  private readonly sinceTrim = new Map<string, number>();

  constructor(
    private readonly reads: ReadStore,
    /** Attempts kept per subscription. */
    readonly logLimit: number,
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.attempts().ensureIndexes([
      { name: 'by_subscription', keys: { subscriptionId: 1, _id: -1 } },
      { name: 'by_event', keys: { subscriptionId: 1, eventId: 1 } },
    ]);
  }

  status(subscriptionId: string): Promise<WebhookDeliveryStatusDocument | null> {
    return this.statuses().get(subscriptionId);
  }

  async statusesOf(subscriptionIds: readonly string[]): Promise<Map<string, WebhookDeliveryStatusDocument>> {
    if (subscriptionIds.length === 0) return new Map();
    const documents = await this.statuses().find({ _id: { $in: [...subscriptionIds] } });
    return new Map(documents.map((document) => [document._id, document]));
  }

  async saveStatus(status: WebhookDeliveryStatusDocument): Promise<void> {
    await this.statuses().put({ ...status });
  }

  /** A deleted subscription's status and log go with it. */
  async forget(subscriptionId: string): Promise<void> {
    await this.statuses().delete(subscriptionId);
    for (;;) {
      const attempts = await this.attempts().find(
        { subscriptionId },
        { limit: TRIM_BATCH, projection: { _id: 1 } },
      );
      if (attempts.length === 0) return;
      await this.attempts().bulkWrite(
        attempts.map((document) => ({ op: 'delete' as const, id: document._id })),
      );
    }
  }

  async recordAttempt(attempt: NewDeliveryAttempt): Promise<string> {
    const _id = `${attempt.subscriptionId}|${attempt.at}|${randomUUID().slice(0, 8)}`;
    await this.attempts().insert({ ...attempt, _id });
    const written = (this.sinceTrim.get(attempt.subscriptionId) ?? 0) + 1;
    this.sinceTrim.set(attempt.subscriptionId, written);
    if (written >= TRIM_EVERY) {
      this.sinceTrim.set(attempt.subscriptionId, 0);
      await this.trim(attempt.subscriptionId);
    }
    return _id;
  }

  /** Drops a subscription's attempts beyond the newest `logLimit`. */
  async trim(subscriptionId: string): Promise<number> {
    let dropped = 0;
    for (;;) {
      const surplus = await this.attempts().find(
        { subscriptionId },
        { sort: { _id: -1 }, skip: this.logLimit, limit: TRIM_BATCH, projection: { _id: 1 } },
      );
      if (surplus.length === 0) return dropped;
      await this.attempts().bulkWrite(
        surplus.map((document) => ({ op: 'delete' as const, id: document._id })),
      );
      dropped += surplus.length;
    }
  }

  /** Newest first, before the cursor (an attempt's id) when given. */
  async page(
    subscriptionId: string,
    query: { before?: string; limit: number; outcome?: WebhookAttemptOutcome; eventId?: string },
  ): Promise<{ deliveries: WebhookDeliveryAttempt[]; next: string | null }> {
    const documents = await this.attempts().find(
      {
        subscriptionId,
        ...(query.before !== undefined && { _id: { $lt: query.before } }),
        ...(query.outcome !== undefined && { outcome: query.outcome }),
        ...(query.eventId !== undefined && { eventId: query.eventId }),
      },
      { sort: { _id: -1 }, limit: query.limit + 1 },
    );
    const page = documents.slice(0, query.limit);
    return {
      deliveries: page.map(({ _id, subscriptionId: _subscription, ...attempt }) => ({ id: _id, ...attempt })),
      next: documents.length > query.limit ? page.at(-1)!._id : null,
    };
  }

  private statuses() {
    return this.reads.collection<WebhookDeliveryStatusDocument>(WEBHOOK_DELIVERY_STATUS_COLLECTION);
  }

  private attempts() {
    return this.reads.collection<WebhookDeliveryAttemptDocument>(WEBHOOK_DELIVERY_ATTEMPTS_COLLECTION);
  }
}
