import { randomUUID } from 'node:crypto';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  DEFAULT_PREVIOUS_SECRET_VALID_MINUTES,
  WEBHOOK_DELIVERY_PAGE_DEFAULT,
  WEBHOOK_PENDING_COUNT_CAP,
  WEBHOOK_PING_TYPE,
  type WebhookDeliveryPage,
  type WebhookDeliveryStatus,
  type WebhookEventTypes,
  type WebhookSecretView,
  type WebhookSubscriptionList,
  type WebhookSubscriptionView,
  type WebhookSubscriptionWithSecret,
  type WebhookTestAnswer,
  replayWebhookBodySchema,
  rotateWebhookSecretBodySchema,
  webhookDeliveryQuerySchema,
  webhookSubscriptionBodySchema,
  webhookSubscriptionListQuerySchema,
} from '@fieldstream/api-contract';
import {
  type Principal,
  type WebhookSubscription,
  type WebhookSubscriptionCommand,
  signingSecretsAt,
  webhookSubscriptionDecider,
  webhookSubscriptionStreamName,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import {
  WEBHOOK_SUBSCRIPTIONS_COLLECTION,
  type WebhookSubscriptionDocument,
  webhookSubscriptionsProjection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import type { z } from 'zod';
import type { CommandContext } from '../commands/command-context';
import { executeCommand, loadStream } from '../commands/execute-command';
import { nameBasedUuid } from '../commands/stream-names';
import { waitForProjection } from '../commands/wait-for-projection';
import { FieldValidationError } from '../errors';
import { EVENT_CATALOGUE } from '../event-stream/event-catalogue';
import { newWebhookSecret } from '../notifications/notification-endpoints.service';
import { fieldIssues } from '../notifications/queries/field-issues';
import { subscribedEvents, unknownEventTypes } from './subscribed-events';
import {
  assertMayCreate,
  assertMayManage,
  assertMayRead,
  assertMaySeeSecret,
  notFound,
  readScopeOf,
} from './webhook-subscription-access';
import { type WebhookDeliveryRecords, type WebhookDeliveryStatusDocument } from './webhook-delivery-records';
import { type WebhookPoster, describeAnswer, outcomeOf } from './webhook-poster';

export interface WebhookSubscriptionsOptions {
  events: EventStore;
  reads: ReadStore;
  records: WebhookDeliveryRecords;
  /** Sends the test ping (the worker sends the events). */
  poster: WebhookPoster;
  /** NOTIFY_ALLOW_HTTP_ENDPOINTS: plain-http targets (a receiver on this machine, tests). */
  allowHttpEndpoints: boolean;
  projectionWaitMs?: number;
  now?: () => Date;
}

const LIST_LIMIT = 1000;

interface Loaded {
  subscription: WebhookSubscription;
  version: number;
  /** The position of the event that created it. */
  startPosition: number;
}

type Shown = Omit<WebhookSubscription, 'secret' | 'previousSecret' | 'status'> & {
  status: WebhookSubscription['status'];
};

/** What the API shows of a subscription (from its stream or from the list's read model): no secret. */
function viewOf(
  subscription: Shown,
  version: number,
  previousSecretValidUntil: string | null,
  delivery: WebhookDeliveryStatus,
): WebhookSubscriptionView {
  return {
    id: subscription.subscriptionId,
    name: subscription.name,
    description: subscription.description,
    url: subscription.url,
    eventTypes: subscription.eventTypes,
    categories: subscription.categories as WebhookSubscriptionView['categories'],
    status: subscription.status === 'paused' ? 'paused' : 'active',
    paused: subscription.paused,
    failing: subscription.failing,
    owner: subscription.owner,
    createdAt: subscription.createdAt,
    updatedAt: subscription.updatedAt,
    secretRotatedAt: subscription.secretRotatedAt,
    previousSecretValidUntil,
    lastReplay: subscription.lastReplay,
    version,
    delivery,
  };
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parsed<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const result = schema.safeParse(value ?? {});
  if (!result.success)
    throw new FieldValidationError(`The ${what} has invalid fields; see errors`, fieldIssues(result.error));
  return result.data;
}

/**
 * Integrators' webhook subscriptions, as the API serves them: made, changed, paused, resumed,
 * replayed, tested and deleted in their own streams; listed from their read model, with where each
 * one's deliveries stand (the delivery worker's records) and how far behind the log they are.
 */
export class WebhookSubscriptions {
  constructor(private readonly options: WebhookSubscriptionsOptions) {}

  /** What may be subscribed to: every category of the published catalogue and its types. */
  eventTypes(principal: Principal): WebhookEventTypes {
    readScopeOf(principal);
    return {
      categories: EVENT_CATALOGUE.map((category) => ({
        name: category.name,
        title: category.title,
        description: category.description,
        types: category.types.map((type) => ({ type: type.cloudEventType, summary: type.summary })),
      })),
    };
  }

  async list(principal: Principal, query: unknown): Promise<WebhookSubscriptionList> {
    const scope = readScopeOf(principal);
    const filter = parsed(webhookSubscriptionListQuerySchema, query, 'query');
    const documents = await this.options.reads
      .collection<WebhookSubscriptionDocument>(WEBHOOK_SUBSCRIPTIONS_COLLECTION)
      .find(
        {
          ...(filter.status && { status: filter.status }),
          ...(scope === 'own'
            ? { ownerId: principal.id }
            : filter.ownerId !== undefined && { ownerId: filter.ownerId }),
        },
        { sort: { createdAt: 1, _id: 1 }, limit: LIST_LIMIT },
      );
    const [statuses, head] = await Promise.all([
      this.options.records.statusesOf(documents.map((document) => document._id)),
      this.options.events.headPosition(),
    ]);
    return {
      subscriptions: await Promise.all(
        documents.map(async (document) =>
          viewOf(
            { ...document, subscriptionId: document._id },
            document.version,
            document.previousSecretValidUntil,
            await this.deliveryStatus(
              document,
              statuses.get(document._id) ?? null,
              document.startPosition,
              head,
            ),
          ),
        ),
      ),
    };
  }

  async get(principal: Principal, id: string): Promise<WebhookSubscriptionView> {
    const loaded = await this.load(id);
    assertMayRead(principal, id, loaded.subscription.owner);
    return this.view(loaded);
  }

  async create(context: CommandContext, body: unknown): Promise<WebhookSubscriptionWithSecret> {
    assertMayCreate(context.actor);
    const settings = this.settingsFrom(body);
    // A retry with the same Idempotency-Key names the same subscription, and so makes no second one.
    const id = context.idempotencyKey
      ? nameBasedUuid(`webhook-subscription:${context.actor.id}:${context.idempotencyKey}`)
      : randomUUID();
    const actor = context.actor;
    await this.execute(context, id, {
      type: 'create',
      subscriptionId: id,
      settings,
      secret: newWebhookSecret(),
      owner: { id: actor.id, kind: actor.kind, name: actor.displayName, role: actor.role },
      at: context.at,
    });
    return this.withSecret(id);
  }

  async update(
    context: CommandContext,
    id: string,
    body: unknown,
    expectedVersion?: number,
  ): Promise<WebhookSubscriptionView> {
    await this.manageable(context.actor, id);
    const settings = this.settingsFrom(body);
    await this.execute(context, id, { type: 'change', settings, at: context.at }, expectedVersion);
    return this.get(context.actor, id);
  }

  /** Ends the subscription; its delivery status and log go with it. */
  async remove(context: CommandContext, id: string, expectedVersion?: number): Promise<void> {
    await this.manageable(context.actor, id);
    await this.execute(context, id, { type: 'delete', at: context.at }, expectedVersion);
    await this.options.records.forget(id);
  }

  async pause(context: CommandContext, id: string): Promise<WebhookSubscriptionView> {
    await this.manageable(context.actor, id);
    await this.execute(context, id, { type: 'pause', reason: 'requested', at: context.at });
    return this.get(context.actor, id);
  }

  async resume(context: CommandContext, id: string): Promise<WebhookSubscriptionView> {
    await this.manageable(context.actor, id);
    await this.execute(context, id, { type: 'resume', at: context.at });
    return this.get(context.actor, id);
  }

  /** A new secret; the previous one still signs (beside it) for the grace asked for, a day by default. */
  async rotateSecret(
    context: CommandContext,
    id: string,
    body: unknown,
  ): Promise<WebhookSubscriptionWithSecret> {
    // Whoever may manage it may see its secret: administrators, and its own integrator.
    await this.manageable(context.actor, id);
    const { previousSecretValidMinutes = DEFAULT_PREVIOUS_SECRET_VALID_MINUTES } = parsed(
      rotateWebhookSecretBodySchema,
      body,
      'rotation',
    );
    const validUntil =
      previousSecretValidMinutes > 0
        ? new Date(Date.parse(context.at) + previousSecretValidMinutes * 60_000).toISOString()
        : null;
    await this.execute(context, id, {
      type: 'rotateSecret',
      secret: newWebhookSecret(),
      previousSecretValidUntil: validUntil,
      at: context.at,
    });
    return this.withSecret(id);
  }

  async secret(principal: Principal, id: string): Promise<WebhookSecretView> {
    const { subscription } = await this.load(id);
    assertMaySeeSecret(principal, id, subscription.owner);
    return {
      secret: subscription.secret,
      secretRotatedAt: subscription.secretRotatedAt,
      previousSecretValidUntil: subscription.previousSecret?.validUntil ?? null,
    };
  }

  /**
   * Sends the events from `fromPosition` on again (or skips ahead to it): the delivery worker moves
   * the subscription's position there, and each event goes out with its own id, as the first time.
   */
  async replay(context: CommandContext, id: string, body: unknown): Promise<WebhookSubscriptionView> {
    await this.manageable(context.actor, id);
    const { fromPosition } = parsed(replayWebhookBodySchema, body, 'replay');
    const head = await this.options.events.headPosition();
    if (fromPosition > head + 1)
      throw new FieldValidationError('The log does not reach that position yet', [
        {
          field: 'fromPosition',
          code: 'beyond_head',
          message: `The log's last position is ${head}: replay from ${head + 1} at most`,
        },
      ]);
    await this.execute(context, id, { type: 'replay', fromPosition, at: context.at });
    return this.get(context.actor, id);
  }

  /**
   * A signed ping, sent now and answered with what the receiver made of it: a CloudEvent of type
   * `io.fieldstream.webhook.ping.v1`, never an event of the log. Logged with the deliveries.
   */
  async test(context: CommandContext, id: string): Promise<WebhookTestAnswer> {
    const { subscription } = await this.manageable(context.actor, id);
    const now = this.options.now?.() ?? new Date();
    const webhookId = randomUUID();
    const body = JSON.stringify({
      specversion: '1.0',
      id: webhookId,
      source: '/fieldstream/webhooks',
      type: WEBHOOK_PING_TYPE,
      subject: webhookSubscriptionStreamName(id),
      time: now.toISOString(),
      datacontenttype: 'application/json',
      data: {
        subscriptionId: id,
        name: subscription.name,
        message: 'A test from Fieldstream: this endpoint receives the subscription’s events, signed alike.',
      },
    });
    const answer = await this.options.poster.post({
      url: subscription.url,
      secrets: signingSecretsAt(subscription, now),
      messageId: webhookId,
      timestamp: now,
      body,
      contentType: CLOUDEVENTS_CONTENT_TYPE,
    });
    const outcome = outcomeOf(answer);
    const error = outcome === 'delivered' ? null : describeAnswer(answer);
    await this.options.records.recordAttempt({
      subscriptionId: id,
      kind: 'ping',
      eventId: webhookId,
      eventType: WEBHOOK_PING_TYPE,
      subject: null,
      position: null,
      attempt: 1,
      outcome,
      status: answer.status,
      error,
      durationMs: answer.durationMs,
      at: now.toISOString(),
    });
    return { webhookId, outcome, status: answer.status, error, durationMs: answer.durationMs };
  }

  async deliveries(principal: Principal, id: string, query: unknown): Promise<WebhookDeliveryPage> {
    const { subscription, startPosition } = await this.load(id);
    assertMayRead(principal, id, subscription.owner);
    const { limit = WEBHOOK_DELIVERY_PAGE_DEFAULT, ...filter } = parsed(
      webhookDeliveryQuerySchema,
      query,
      'query',
    );
    const [page, status, head] = await Promise.all([
      this.options.records.page(id, { ...filter, limit }),
      this.options.records.status(id),
      this.options.events.headPosition(),
    ]);
    return {
      ...page,
      status: await this.deliveryStatus(subscription, status, startPosition, head),
      kept: this.options.records.logLimit,
    };
  }

  /** The body's settings, checked: fields, known types, and https unless plain http is allowed. */
  private settingsFrom(body: unknown) {
    const settings = parsed(webhookSubscriptionBodySchema, body, 'subscription');
    const eventTypes = settings.eventTypes ?? [];
    const issues = unknownEventTypes(eventTypes);
    if (new URL(settings.url).protocol !== 'https:' && !this.options.allowHttpEndpoints)
      issues.push({
        field: 'url',
        code: 'https_required',
        message: 'Events are sent to https URLs only (this server does not allow plain http)',
      });
    if (issues.length > 0)
      throw new FieldValidationError('The subscription has invalid fields; see errors', issues);
    return {
      name: settings.name,
      description: settings.description ?? '',
      url: settings.url,
      eventTypes,
      categories: settings.categories ?? [],
    };
  }

  private async withSecret(id: string): Promise<WebhookSubscriptionWithSecret> {
    const loaded = await this.load(id);
    return { ...(await this.view(loaded)), secret: loaded.subscription.secret };
  }

  /** The subscription from its stream (what was just written is there), and where its deliveries began. */
  private async load(id: string): Promise<Loaded> {
    if (!UUID.test(id)) throw notFound(id);
    const stream = webhookSubscriptionStreamName(id);
    const { state, version } = await loadStream(this.options.events, stream, webhookSubscriptionDecider);
    const subscription = state.subscription;
    if (!subscription || subscription.status === 'deleted') throw notFound(id);
    const [created] = await this.options.events.readStream(stream, { maxCount: 1 });
    return { subscription, version, startPosition: created?.position ?? 0 };
  }

  private async manageable(principal: Principal, id: string) {
    const loaded = await this.load(id);
    assertMayManage(principal, id, loaded.subscription.owner);
    return loaded;
  }

  private async view({ subscription, version, startPosition }: Loaded): Promise<WebhookSubscriptionView> {
    const id = subscription.subscriptionId;
    const [status, head] = await Promise.all([
      this.options.records.status(id),
      this.options.events.headPosition(),
    ]);
    return viewOf(
      subscription,
      version,
      subscription.previousSecret?.validUntil ?? null,
      await this.deliveryStatus(subscription, status, startPosition, head),
    );
  }

  /**
   * Where deliveries stand, and how many events of the subscription's types wait after that
   * position: counted up to a cap with one filtered read, since log positions alone would count
   * every other event too. Before the worker's first record, deliveries stand at the creation (or
   * at a replay not yet applied).
   */
  private async deliveryStatus(
    subscription: Pick<WebhookSubscription, 'eventTypes' | 'categories' | 'replays' | 'lastReplay'>,
    status: WebhookDeliveryStatusDocument | null,
    startPosition: number,
    head: number,
  ): Promise<WebhookDeliveryStatus> {
    const replayPending = subscription.lastReplay && (status?.replaysApplied ?? 0) < subscription.replays;
    const after = replayPending
      ? Math.max(subscription.lastReplay!.fromPosition - 1, 0)
      : ((status ? status.after : startPosition) ?? 0);
    const selection = subscribedEvents(subscription);
    const ahead = await this.options.events.readAll({
      after,
      maxCount: WEBHOOK_PENDING_COUNT_CAP + 1,
      streamPrefixes: selection.streamPrefixes,
      ...(selection.eventTypes && { eventTypes: selection.eventTypes }),
    });
    const pending = ahead.filter((event) => selection.pick(event) !== undefined).length;
    return {
      position: status?.after ?? null,
      headPosition: head,
      pendingEvents: Math.min(pending, WEBHOOK_PENDING_COUNT_CAP),
      pendingCapped: ahead.length > WEBHOOK_PENDING_COUNT_CAP,
      consecutiveFailures: status?.consecutiveFailures ?? 0,
      failingSince: status?.failingSince ?? null,
      lastAttemptAt: status?.lastAttemptAt ?? null,
      lastSuccessAt: status?.lastSuccessAt ?? null,
      lastError: status?.lastError ?? null,
      delivered: status?.delivered ?? 0,
      refused: status?.refused ?? 0,
    };
  }

  /** Decides on the subscription's stream, then waits for the lists to show it. */
  private async execute(
    context: CommandContext,
    id: string,
    command: WebhookSubscriptionCommand,
    expectedVersion?: number,
  ): Promise<void> {
    const outcome = await executeCommand(
      this.options.events,
      webhookSubscriptionStreamName(id),
      webhookSubscriptionDecider,
      command,
      context,
      expectedVersion === undefined ? {} : { expectedVersion },
    );
    await waitForProjection(
      this.options.reads,
      webhookSubscriptionsProjection.name,
      outcome.position,
      this.options.projectionWaitMs ?? 5_000,
    );
  }
}
