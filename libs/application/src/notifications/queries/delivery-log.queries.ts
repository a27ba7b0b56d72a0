import {
  DELIVERY_STATUSES,
  type DeliveryLogEntry,
  type DeliveryLogPage,
  type deliveryLogQuerySchema,
} from '@fieldstream/api-contract';
import { type Principal, deliveryDecider, deliveryStreamName } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import {
  NOTIFICATION_DELIVERIES_COLLECTION,
  type NotificationDeliveryDocument,
  notificationDeliveriesProjection,
} from '@fieldstream/projections';
import type { Filter, ReadStore } from '@fieldstream/read-store';
import type { z } from 'zod';
import { loadStream } from '../../commands/execute-command';
import { waitForReadModels } from '../../commands/wait-for-projection';
import { ForbiddenError, NotFoundError } from '../../errors';
import type { Deliveries } from '../deliveries.service';
import { keysetPage, pagingInstant } from './keyset-page';
import { userNames } from './user-names';

export type DeliveryLogQuery = z.infer<typeof deliveryLogQuerySchema>;

export const DELIVERY_LOG_PAGE_SIZE = 100;

export interface DeliveryLogOptions {
  events: EventStore;
  reads: ReadStore;
  deliveries: Deliveries;
  /** How long a requeue waits for the read model to show it (read-your-writes). */
  projectionWaitMs?: number;
}

/** Who reads the log: it names people's addresses and what they were told. */
const LOG_READERS: ReadonlySet<Principal['role']> = new Set(['admin', 'auditor']);

/** What the log answers of a delivery; the message's text stays in its stream. */
const ENTRY_FIELDS = {
  _id: 1,
  deliveryId: 1,
  channel: 1,
  status: 1,
  userId: 1,
  address: 1,
  topic: 1,
  subject: 1,
  requestId: 1,
  reference: 1,
  scheduledAt: 1,
  notBefore: 1,
  attempts: 1,
  lastError: 1,
  sentAt: 1,
} as const;

/**
 * The delivery log, for administrators and auditors: every message sent through an outside
 * channel with its attempts, newest first, filtered by status (the dead letters), channel, user
 * and request, with the counts by status under the same filters. An administrator sends a dead
 * letter again.
 */
export class DeliveryLogQueries {
  constructor(private readonly options: DeliveryLogOptions) {}

  async page(principal: Principal, query: DeliveryLogQuery): Promise<DeliveryLogPage> {
    if (!LOG_READERS.has(principal.role) || principal.kind !== 'user') {
      throw new ForbiddenError('Only administrators and auditors read the delivery log');
    }
    const collection = this.options.reads.collection<NotificationDeliveryDocument>(
      NOTIFICATION_DELIVERIES_COLLECTION,
    );
    const filters: Filter = {
      ...(query.channel !== undefined && { channel: query.channel }),
      ...(query.userId !== undefined && { userId: query.userId }),
      ...(query.requestId !== undefined && { requestId: query.requestId }),
    };
    const [{ documents, nextBefore }, ...counts] = await Promise.all([
      keysetPage(
        collection,
        query.status === undefined ? filters : { ...filters, status: query.status },
        'scheduledAt',
        pagingInstant(query.before),
        query.limit ?? DELIVERY_LOG_PAGE_SIZE,
        ENTRY_FIELDS,
      ),
      ...DELIVERY_STATUSES.map((status) => collection.count({ ...filters, status })),
    ]);
    const nameOf = await userNames(
      this.options.reads,
      documents.map((document) => document.userId),
    );
    return {
      deliveries: documents.map((document) => entry(document, nameOf)),
      counts: { pending: counts[0]!, sent: counts[1]!, dead: counts[2]! },
      ...(nextBefore !== undefined && { nextBefore }),
    };
  }

  /**
   * Sends a dead letter again (administrators only): a delivery that is not dead is the domain's
   * `not_dead`. Answers the delivery as it stands after, pending again.
   */
  async requeue(principal: Principal, deliveryId: string): Promise<DeliveryLogEntry> {
    if (principal.role !== 'admin' || principal.kind !== 'user') {
      throw new ForbiddenError('Only an administrator sends a delivery again');
    }
    const { state } = await loadStream(this.options.events, deliveryStreamName(deliveryId), deliveryDecider);
    if (state.status === 'none') throw notFound(deliveryId);
    await this.options.deliveries.requeue(principal, deliveryId);
    await waitForReadModels(
      this.options.events,
      this.options.reads,
      [notificationDeliveriesProjection],
      await this.options.events.headPosition(),
      this.options.projectionWaitMs ?? 5_000,
    );
    const document = await this.options.reads
      .collection<NotificationDeliveryDocument>(NOTIFICATION_DELIVERIES_COLLECTION)
      .findOne({ _id: deliveryId }, { projection: ENTRY_FIELDS });
    if (!document) throw notFound(deliveryId);
    return entry(document, await userNames(this.options.reads, [document.userId]));
  }
}

function notFound(deliveryId: string): NotFoundError {
  return new NotFoundError('There is no such delivery', { kind: 'notification-delivery', id: deliveryId });
}

function entry(document: NotificationDeliveryDocument, nameOf: (id: string) => string): DeliveryLogEntry {
  return {
    deliveryId: document.deliveryId,
    channel: document.channel,
    status: document.status,
    userId: document.userId,
    userName: nameOf(document.userId),
    address: document.address,
    topic: document.topic,
    subject: document.subject,
    ...(document.requestId !== undefined && { requestId: document.requestId }),
    ...(document.reference !== undefined && { reference: document.reference }),
    scheduledAt: document.scheduledAt,
    notBefore: document.notBefore,
    attempts: document.attempts.map((attempt) => ({
      attempt: attempt.attempt,
      at: attempt.at,
      outcome: attempt.outcome,
      ...(attempt.error !== undefined && { error: attempt.error }),
    })),
    ...(document.lastError !== undefined && { lastError: document.lastError }),
    ...(document.sentAt !== undefined && { sentAt: document.sentAt }),
  };
}
