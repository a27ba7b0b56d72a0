import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import type { CalendarFeedEvent, CalendarFeedScope } from './calendar-feed-events';

/** Active feeds one user may hold: enough for a phone, a laptop and a few teams; a bound on leaked URLs. */
export const MAX_CALENDAR_FEEDS = 20;

/**
 * A fetch is recorded at most this often per feed: phones poll every quarter of an hour, and "last
 * fetched" only has to tell whether a phone still does. Unthrottled, the log would grow by a
 * hundred events a day per phone.
 */
export const FEED_FETCH_RECORD_MINUTES = 60;

/** One stream per user, holding all their feeds: the cap on their number is the stream's own rule. */
export const calendarFeedsStreamName = (userId: string) => `calendar-feeds-${userId}`;

export type CalendarFeedCommand =
  | {
      type: 'create';
      ownerId: string;
      feedId: string;
      name: string;
      scope: CalendarFeedScope;
      secretHash: string;
      at: string;
    }
  | { type: 'regenerate'; feedId: string; secretHash: string; at: string }
  | { type: 'revoke'; feedId: string; at: string }
  | { type: 'recordFetch'; feedId: string; at: string; client: string };

interface FeedState {
  status: 'active' | 'revoked';
  lastFetchedAt?: string;
}

export interface CalendarFeedsState {
  ownerId?: string;
  feeds: Readonly<Record<string, FeedState>>;
}

const MINUTE = 60_000;

function feedOf(state: CalendarFeedsState, feedId: string): FeedState {
  const feed = state.feeds[feedId];
  if (!feed) throw new DomainError('not_found', 'There is no such calendar feed', { feedId });
  return feed;
}

/**
 * A user's private calendar feeds: each publishes the appointments of a scope at a secret URL,
 * shown once. Regenerating replaces the secret (the old URL dies), revoking ends the feed for good;
 * revoking twice changes nothing, as does a fetch recorded within the hour of the last one.
 */
export const calendarFeedsDecider: Decider<CalendarFeedsState, CalendarFeedCommand, CalendarFeedEvent> = {
  initialState: { feeds: {} },
  evolve(state, event) {
    const { feedId } = event.data;
    switch (event.type) {
      case 'CalendarFeedCreated':
        return {
          ownerId: event.data.ownerId,
          feeds: { ...state.feeds, [feedId]: { status: 'active' } },
        };
      case 'CalendarFeedRevoked':
        return { ...state, feeds: { ...state.feeds, [feedId]: { status: 'revoked' } } };
      case 'CalendarFeedFetched': {
        const feed = state.feeds[feedId];
        if (!feed) return state;
        return { ...state, feeds: { ...state.feeds, [feedId]: { ...feed, lastFetchedAt: event.data.at } } };
      }
      default:
        return state;
    }
  },
  decide(command, state) {
    if (command.type === 'create') {
      if (state.feeds[command.feedId])
        throw new DomainError('already_exists', 'This feed id is taken', { feedId: command.feedId });
      const name = command.name.trim();
      if (name === '') throw new DomainError('required', 'A feed needs a name', { field: 'name' });
      const active = Object.values(state.feeds).filter((feed) => feed.status === 'active').length;
      if (active >= MAX_CALENDAR_FEEDS) {
        throw new DomainError(
          'too_many_feeds',
          `You have ${MAX_CALENDAR_FEEDS} calendar feeds already; revoke one you no longer use`,
          { max: MAX_CALENDAR_FEEDS },
        );
      }
      const { ownerId, feedId, scope, secretHash, at } = command;
      return [{ type: 'CalendarFeedCreated', data: { ownerId, feedId, name, scope, secretHash, at } }];
    }
    const feed = feedOf(state, command.feedId);
    const ownerId = state.ownerId ?? '';
    const { feedId, at } = command;
    switch (command.type) {
      case 'regenerate':
        // A revoked feed stays dead: a new URL for it would bring back what its owner ended.
        if (feed.status === 'revoked')
          throw new DomainError('not_found', 'This calendar feed was revoked', { feedId });
        return [
          {
            type: 'CalendarFeedSecretRegenerated',
            data: { ownerId, feedId, secretHash: command.secretHash, at },
          },
        ];
      case 'revoke':
        return feed.status === 'revoked'
          ? []
          : [{ type: 'CalendarFeedRevoked', data: { ownerId, feedId, at } }];
      case 'recordFetch': {
        if (feed.status === 'revoked') return [];
        const last = feed.lastFetchedAt === undefined ? undefined : Date.parse(feed.lastFetchedAt);
        if (last !== undefined && Date.parse(at) - last < FEED_FETCH_RECORD_MINUTES * MINUTE) return [];
        const client = command.client.trim().slice(0, 200);
        return [{ type: 'CalendarFeedFetched', data: { ownerId, feedId, at, client } }];
      }
    }
  },
};
