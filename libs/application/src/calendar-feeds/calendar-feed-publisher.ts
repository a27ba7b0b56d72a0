import { createHash, randomUUID } from 'node:crypto';
import {
  FEED_FETCH_RECORD_MINUTES,
  type Principal,
  agendaFeedToICalendar,
  calendarFeedsDecider,
  calendarFeedsStreamName,
} from '@fieldstream/domain';
import {
  CALENDAR_FEEDS_COLLECTION,
  type CalendarFeedDocument,
  USERS_COLLECTION,
  type UserDocument,
} from '@fieldstream/projections';
import { principalOf } from '../auth/auth.service';
import { executeCommand } from '../commands/execute-command';
import { FieldValidationError, ForbiddenError, NotFoundError } from '../errors';
import { FEED_REFRESH_MINUTES, feedWindow } from './calendar-feed-window';
import type { CalendarFeedsOptions } from './calendar-feed-subscriptions';
import { feedSecretMatches, parseFeedToken } from './calendar-feed-token';
import { loadFeedEvents } from './feed-events';
import { resolveFeedScope } from './feed-scope-access';
import { FEED_WORDS } from './feed-wording';

/** One fetch's answer: the calendar and its validator. */
export interface PublishedFeed {
  body: string;
  /** A strong ETag of the body: the same agenda, the same tag, and a 304 to a phone that has it. */
  etag: string;
  /** For Content-Disposition: the feed's name, made safe for a header. */
  fileName: string;
}

/** Every refusal reads alike: nobody learns whether a token was close, revoked or never existed. */
const gone = () =>
  new NotFoundError('There is no such calendar feed', { kind: 'calendar-feed', id: 'token' });

/**
 * Serves a feed to whoever holds its URL: a phone's calendar, without credentials. The token's
 * secret is checked against its hash; the owner must still be an active user who may follow the
 * feed's scope (judged now, as at creation), so a leaver's or a moved dispatcher's feed goes quiet
 * without anyone having to remember it. Fetches are recorded at most hourly, never failing one.
 */
export class CalendarFeedPublisher {
  private readonly now: () => Date;

  constructor(private readonly options: CalendarFeedsOptions) {
    this.now = options.now ?? (() => new Date());
  }

  /** `client`: the calendar app's User-Agent, to show its owner which app still fetches. */
  async publish(token: string, client: string): Promise<PublishedFeed> {
    const { reads, masterData } = this.options;
    const parsed = parseFeedToken(token);
    if (!parsed) throw gone();
    const feed = await reads.collection<CalendarFeedDocument>(CALENDAR_FEEDS_COLLECTION).get(parsed.feedId);
    if (!feed || feed.status !== 'active' || !feedSecretMatches(feed.secretHash, parsed.secret)) throw gone();
    const user = await reads.collection<UserDocument>(USERS_COLLECTION).get(feed.ownerId);
    if (!user || user.status !== 'active') throw gone();
    const owner = principalOf(user);
    const scope = await resolveFeedScope(reads, masterData, owner, feed.scope).catch((error: unknown) => {
      const refused =
        error instanceof ForbiddenError ||
        error instanceof NotFoundError ||
        error instanceof FieldValidationError;
      throw refused ? gone() : error;
    });

    const now = this.now();
    const window = feedWindow(now);
    const language = user.profile.language;
    const events = await loadFeedEvents({
      reads,
      owner,
      feedId: feed._id,
      technicians: scope.technicians,
      window,
      now,
      language,
      team: feed.scope.kind === 'unit',
      publicUrl: this.options.publicUrl,
    });
    const body = agendaFeedToICalendar({
      name: feed.name,
      description: FEED_WORDS[language].description(scope.name),
      timeZone: scope.timeZone,
      refreshMinutes: FEED_REFRESH_MINUTES,
      window,
      events,
    });
    await this.recordFetch(feed, owner, now, client);
    return {
      body,
      etag: `"${createHash('sha256').update(body, 'utf8').digest('base64url')}"`,
      fileName:
        feed.name
          .replace(/[^A-Za-z0-9 ._-]+/g, '')
          .trim()
          .slice(0, 80) || 'agenda',
    };
  }

  /**
   * "Last fetched" for the owner's list: an event at most once an hour per feed (the decider's rule;
   * the read model spares loading the stream on the other fetches). A fetch never fails for it.
   */
  private async recordFetch(
    feed: CalendarFeedDocument,
    owner: Principal,
    now: Date,
    client: string,
  ): Promise<void> {
    const last = feed.lastFetchedAt === null ? undefined : Date.parse(feed.lastFetchedAt);
    if (last !== undefined && now.getTime() - last < FEED_FETCH_RECORD_MINUTES * 60_000) return;
    const at = now.toISOString();
    try {
      await executeCommand(
        this.options.events,
        calendarFeedsStreamName(feed.ownerId),
        calendarFeedsDecider,
        { type: 'recordFetch', feedId: feed._id, at, client },
        { actor: owner, at, correlationId: randomUUID(), extra: { client: 'calendar-feed' } },
      );
    } catch {
      // The calendar still gets its feed; the next fetch records it.
    }
  }
}
