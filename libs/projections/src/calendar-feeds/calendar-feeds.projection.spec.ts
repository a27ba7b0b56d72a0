import {
  type CalendarFeedCommand,
  type CalendarFeedsState,
  calendarFeedsDecider,
  calendarFeedsStreamName,
} from '@fieldstream/domain';
import type { JsonObject, RecordedEvent } from '@fieldstream/event-store';
import { foldProjection } from '../fold-projection';
import type { AnyProjection } from '../projection-definition';
import { CALENDAR_FEEDS_COLLECTION, type CalendarFeedDocument } from './calendar-feed-collections';
import { calendarFeedsProjection } from './calendar-feeds.projection';

const STREAM = calendarFeedsStreamName('u-rossi');
const AT = '2026-11-27T09:00:00.000Z';

/** The owner's stream as the decider writes it, recorded as a store would. */
function decided(commands: readonly [CalendarFeedCommand, string][]): RecordedEvent[] {
  let state: CalendarFeedsState = calendarFeedsDecider.initialState;
  const events: RecordedEvent[] = [];
  for (const [command, actorName] of commands) {
    for (const event of calendarFeedsDecider.decide(command, state)) {
      state = calendarFeedsDecider.evolve(state, event);
      const position = events.length + 1;
      events.push({
        id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
        type: event.type,
        data: event.data as unknown as JsonObject,
        metadata: {
          correlationId: 'c',
          causationId: 'c',
          actorId: actorName,
          actorName,
          actorRole: 'technician',
          occurredAt: AT,
        },
        streamName: STREAM,
        revision: events.length,
        position,
        recordedAt: AT,
      });
    }
  }
  return events;
}

const feeds = (events: readonly RecordedEvent[]) =>
  [
    ...(foldProjection(calendarFeedsProjection as unknown as AnyProjection, events)
      .get(CALENDAR_FEEDS_COLLECTION)
      ?.values() ?? []),
  ] as CalendarFeedDocument[];

const create: CalendarFeedCommand = {
  type: 'create',
  ownerId: 'u-rossi',
  feedId: 'f1',
  name: 'Phone',
  scope: { kind: 'technician', code: 'T-MI-1' },
  secretHash: 'h1',
  at: AT,
};

describe('calendar-feeds projection', () => {
  it('lists a feed with its owner, scope and hash; a regeneration replaces the hash', () => {
    const events = decided([
      [create, 'Mario Rossi'],
      [{ type: 'regenerate', feedId: 'f1', secretHash: 'h2', at: '2026-11-28T09:00:00.000Z' }, 'Mario Rossi'],
    ]);
    expect(feeds(events)).toEqual([
      {
        _id: 'f1',
        ownerId: 'u-rossi',
        ownerName: 'Mario Rossi',
        name: 'Phone',
        scope: { kind: 'technician', code: 'T-MI-1' },
        secretHash: 'h2',
        status: 'active',
        createdAt: AT,
        urlIssuedAt: '2026-11-28T09:00:00.000Z',
        lastFetchedAt: null,
        lastFetchedBy: null,
        revokedAt: null,
        revokedBy: null,
        lastRevision: 1,
      },
    ]);
  });

  it('records the last fetch and who revoked the feed, and applies a redelivery once', () => {
    const events = decided([
      [create, 'Mario Rossi'],
      [{ type: 'recordFetch', feedId: 'f1', at: AT, client: 'Google-Calendar-Importer' }, 'Mario Rossi'],
      [{ type: 'revoke', feedId: 'f1', at: '2026-11-29T09:00:00.000Z' }, 'Administrator'],
    ]);
    const [feed] = feeds([...events, ...events]);
    expect(feed).toEqual(
      expect.objectContaining({
        status: 'revoked',
        lastFetchedAt: AT,
        lastFetchedBy: 'Google-Calendar-Importer',
        revokedAt: '2026-11-29T09:00:00.000Z',
        revokedBy: 'Administrator',
        lastRevision: 2,
      }),
    );
  });
});
