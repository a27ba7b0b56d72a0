import { randomUUID } from 'node:crypto';
import {
  type CalendarFeedList,
  type CalendarFeedView,
  type CalendarFeedWithUrl,
  calendarFeedAdminQuerySchema,
  createCalendarFeedBodySchema,
} from '@fieldstream/api-contract';
import {
  type CalendarFeedCommand,
  MAX_CALENDAR_FEEDS,
  type Principal,
  calendarFeedsDecider,
  calendarFeedsStreamName,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import {
  CALENDAR_FEEDS_COLLECTION,
  type CalendarFeedDocument,
  calendarFeedsProjection,
} from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import type { CommandContext } from '../commands/command-context';
import { executeCommand } from '../commands/execute-command';
import { nameBasedUuid } from '../commands/stream-names';
import { waitForProjection } from '../commands/wait-for-projection';
import { FieldValidationError, ForbiddenError, NotFoundError } from '../errors';
import type { MasterDataService } from '../master-data/master-data.service';
import { fieldIssues } from '../notifications/queries/field-issues';
import { namesOf } from '../service-requests/queries/master-data-names';
import { FEED_WINDOW_DAYS } from './calendar-feed-window';
import { formatFeedToken, hashFeedSecret, newFeedSecret } from './calendar-feed-token';
import { resolveFeedScope } from './feed-scope-access';

export interface CalendarFeedsOptions {
  events: EventStore;
  reads: ReadStore;
  masterData: MasterDataService;
  /** The desk's address (PUBLIC_URL): feed URLs and each event's link start there when set. */
  publicUrl: string | null;
  projectionWaitMs?: number;
  /** The clock; a test's fixed one at the edge. */
  now?: () => Date;
}

const LIST_LIMIT = 1000;

/** Where a feed's token is fetched, under the API's base. */
export const feedPath = (token: string) => `/api/calendar-feeds/${token}.ics`;

const feedNotFound = (feedId: string) =>
  new NotFoundError('There is no such calendar feed', { kind: 'calendar-feed', id: feedId });

/**
 * The signed-in user's calendar feeds: made for a scope they may follow, listed, regenerated and
 * revoked by their owner. Administrators and auditors list everyone's, and administrators revoke
 * any (a lost phone, a leaver); nobody but the owner ever sees a URL, and only once.
 */
export class CalendarFeedSubscriptions {
  constructor(private readonly options: CalendarFeedsOptions) {}

  async mine(principal: Principal): Promise<CalendarFeedList> {
    this.requireUser(principal);
    return this.list({ ownerId: principal.id, status: 'active' });
  }

  /** Every active feed, or one user's: who has which agenda on which phone. */
  async all(principal: Principal, query: unknown): Promise<CalendarFeedList> {
    if (principal.kind !== 'user' || (principal.role !== 'admin' && principal.role !== 'auditor'))
      throw new ForbiddenError("Only administrators and auditors see other users' calendar feeds");
    const parsed = calendarFeedAdminQuerySchema.safeParse(query ?? {});
    if (!parsed.success)
      throw new FieldValidationError('The query has invalid fields; see errors', fieldIssues(parsed.error));
    return this.list({ status: 'active', ...(parsed.data.ownerId && { ownerId: parsed.data.ownerId }) });
  }

  /** `baseUrl`: where the API is reached (PUBLIC_URL, else the address the caller used). */
  async create(context: CommandContext, body: unknown, baseUrl: string): Promise<CalendarFeedWithUrl> {
    this.requireUser(context.actor);
    const parsed = createCalendarFeedBodySchema.safeParse(body);
    if (!parsed.success)
      throw new FieldValidationError('The feed has invalid fields; see errors', fieldIssues(parsed.error));
    const { name, scope } = parsed.data;
    await resolveFeedScope(this.options.reads, this.options.masterData, context.actor, scope);
    // A retry with the same Idempotency-Key names the same feed, and so makes no second one.
    const feedId = context.idempotencyKey
      ? nameBasedUuid(`calendar-feed:${context.actor.id}:${context.idempotencyKey}`)
      : randomUUID();
    const secret = newFeedSecret();
    const secretHash = hashFeedSecret(secret);
    const ownerId = context.actor.id;
    const replayed = await this.decide(context, ownerId, {
      type: 'create',
      ownerId,
      feedId,
      name,
      scope,
      secretHash,
      at: context.at,
    });
    if (replayed) return this.issued(context, await this.feed(feedId), undefined, baseUrl);
    // Answered from what was decided, as the read model shows it (or soon will, if it is late).
    const created: CalendarFeedDocument = {
      _id: feedId,
      ownerId,
      ownerName: context.actor.displayName,
      name,
      scope,
      secretHash,
      status: 'active',
      createdAt: context.at,
      urlIssuedAt: context.at,
      lastFetchedAt: null,
      lastFetchedBy: null,
      revokedAt: null,
      revokedBy: null,
      lastRevision: -1,
    };
    return this.issued(context, created, secret, baseUrl);
  }

  /** A new URL for one of the caller's feeds; the old one stops answering at once. */
  async regenerate(context: CommandContext, feedId: string, baseUrl: string): Promise<CalendarFeedWithUrl> {
    const feed = await this.ownFeed(context.actor, feedId);
    const secret = newFeedSecret();
    const replayed = await this.decide(context, feed.ownerId, {
      type: 'regenerate',
      feedId,
      secretHash: hashFeedSecret(secret),
      at: context.at,
    });
    return this.issued(context, { ...feed, urlIssuedAt: context.at }, replayed ? undefined : secret, baseUrl);
  }

  /** Ends one of the caller's feeds; revoking a revoked feed changes nothing. */
  async revokeMine(context: CommandContext, feedId: string): Promise<void> {
    const feed = await this.ownFeed(context.actor, feedId, true);
    await this.decide(context, feed.ownerId, { type: 'revoke', feedId, at: context.at });
  }

  /** An administrator ends anyone's feed. */
  async revokeAny(context: CommandContext, feedId: string): Promise<void> {
    if (context.actor.kind !== 'user' || context.actor.role !== 'admin')
      throw new ForbiddenError("Only administrators revoke other users' calendar feeds");
    const feed = await this.options.reads
      .collection<CalendarFeedDocument>(CALENDAR_FEEDS_COLLECTION)
      .get(feedId);
    if (!feed) throw feedNotFound(feedId);
    await this.decide(context, feed.ownerId, { type: 'revoke', feedId, at: context.at });
  }

  private async list(filter: { ownerId?: string; status: 'active' }): Promise<CalendarFeedList> {
    const documents = await this.options.reads
      .collection<CalendarFeedDocument>(CALENDAR_FEEDS_COLLECTION)
      .find(filter, { sort: { createdAt: 1, _id: 1 }, limit: LIST_LIMIT });
    const [technicians, units] = await Promise.all([
      namesOf(
        this.options.reads,
        'technician',
        documents.filter((d) => d.scope.kind === 'technician').map((d) => d.scope.code),
      ),
      namesOf(
        this.options.reads,
        'unit',
        documents.filter((d) => d.scope.kind === 'unit').map((d) => d.scope.code),
      ),
    ]);
    return {
      feeds: documents.map((document) =>
        viewOf(
          document,
          (document.scope.kind === 'technician' ? technicians : units).get(document.scope.code),
        ),
      ),
      maxFeeds: MAX_CALENDAR_FEEDS,
      window: { ...FEED_WINDOW_DAYS },
    };
  }

  /** The caller's own feed; anyone else's answers as a missing one. */
  private async ownFeed(
    principal: Principal,
    feedId: string,
    revokedToo = false,
  ): Promise<CalendarFeedDocument> {
    this.requireUser(principal);
    const feed = await this.options.reads
      .collection<CalendarFeedDocument>(CALENDAR_FEEDS_COLLECTION)
      .get(feedId);
    if (!feed || feed.ownerId !== principal.id || (!revokedToo && feed.status !== 'active'))
      throw feedNotFound(feedId);
    return feed;
  }

  private async feed(feedId: string): Promise<CalendarFeedDocument> {
    const feed = await this.options.reads
      .collection<CalendarFeedDocument>(CALENDAR_FEEDS_COLLECTION)
      .get(feedId);
    if (!feed) throw feedNotFound(feedId);
    return feed;
  }

  /**
   * The feed with the URL of `secret`, the one just stored. A retried request (same
   * Idempotency-Key) wrote nothing, and the first answer's URL cannot be shown again (only its hash
   * is kept): the retry gets a new URL instead, and the one nobody saw stops answering.
   */
  private async issued(
    context: CommandContext,
    feed: CalendarFeedDocument,
    secret: string | undefined,
    baseUrl: string,
  ): Promise<CalendarFeedWithUrl> {
    if (secret !== undefined) return this.withUrl(feed, secret, baseUrl);
    const { idempotencyKey: _replayed, ...once } = context;
    const fresh = newFeedSecret();
    await this.decide(once, feed.ownerId, {
      type: 'regenerate',
      feedId: feed._id,
      secretHash: hashFeedSecret(fresh),
      at: context.at,
    });
    return this.withUrl({ ...feed, urlIssuedAt: context.at }, fresh, baseUrl);
  }

  private async withUrl(
    feed: CalendarFeedDocument,
    secret: string,
    baseUrl: string,
  ): Promise<CalendarFeedWithUrl> {
    const url = new URL(feedPath(formatFeedToken(feed._id, secret)), this.options.publicUrl ?? baseUrl);
    const names = await namesOf(this.options.reads, feed.scope.kind, [feed.scope.code]);
    return {
      ...viewOf(feed, names.get(feed.scope.code)),
      url: url.toString(),
      webcalUrl: url.toString().replace(/^https?:/, 'webcal:'),
    };
  }

  /**
   * Decides on the owner's stream and waits for the feeds' read model: the list shows the change,
   * and a revoked or replaced URL, checked against that read model, is dead when this answers.
   * True when the command was a retry that wrote nothing (its Idempotency-Key found the first).
   */
  private async decide(
    context: CommandContext,
    ownerId: string,
    command: CalendarFeedCommand,
  ): Promise<boolean> {
    const outcome = await executeCommand(
      this.options.events,
      calendarFeedsStreamName(ownerId),
      calendarFeedsDecider,
      command,
      context,
    );
    await waitForProjection(
      this.options.reads,
      calendarFeedsProjection.name,
      outcome.position,
      this.options.projectionWaitMs ?? 5_000,
    );
    return outcome.replayed === true;
  }

  private requireUser(principal: Principal): void {
    if (principal.kind !== 'user')
      throw new ForbiddenError(
        'Calendar feeds belong to people; a machine reads the agendas through the API',
      );
  }
}

export function viewOf(document: CalendarFeedDocument, scopeName: string | undefined): CalendarFeedView {
  return {
    id: document._id,
    name: document.name,
    scope: { ...document.scope, ...(scopeName !== undefined && { name: scopeName }) },
    ownerId: document.ownerId,
    ownerName: document.ownerName,
    status: document.status,
    createdAt: document.createdAt,
    urlIssuedAt: document.urlIssuedAt,
    lastFetchedAt: document.lastFetchedAt,
    lastFetchedBy: document.lastFetchedBy,
    revokedAt: document.revokedAt,
  };
}
