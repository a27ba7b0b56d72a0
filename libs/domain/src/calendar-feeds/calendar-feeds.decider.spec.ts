import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import type { CalendarFeedEvent } from './calendar-feed-events';
import { MAX_CALENDAR_FEEDS, calendarFeedsDecider } from './calendar-feeds.decider';

const spec = deciderSpecification(calendarFeedsDecider);
const AT = '2026-11-27T09:00:00.000Z';
const scope = { kind: 'technician', code: 'T-MI-1' } as const;

const created = (feedId = 'f1'): CalendarFeedEvent => ({
  type: 'CalendarFeedCreated',
  data: { ownerId: 'u1', feedId, name: 'My agenda', scope, secretHash: 'h1', at: AT },
});
const revoked = (feedId = 'f1'): CalendarFeedEvent => ({
  type: 'CalendarFeedRevoked',
  data: { ownerId: 'u1', feedId, at: AT },
});
const fetched = (at: string): CalendarFeedEvent => ({
  type: 'CalendarFeedFetched',
  data: { ownerId: 'u1', feedId: 'f1', at, client: 'Google-Calendar-Importer' },
});
const create = (feedId = 'f1', name = ' My agenda ') => ({
  type: 'create' as const,
  ownerId: 'u1',
  feedId,
  name,
  scope,
  secretHash: 'h1',
  at: AT,
});
const isCode = (code: string) => (error: DomainError) => error.code === code;

describe('calendar feeds decider', () => {
  it('creates a feed with its trimmed name, scope and the hash of its secret', () => {
    spec.given([]).when(create()).then([created()]);
  });

  it('refuses a blank name, and a feed id already used, even by a revoked feed', () => {
    spec.given([]).when(create('f1', '  ')).thenThrows(DomainError, isCode('required'));
    spec.given([created(), revoked()]).when(create()).thenThrows(DomainError, isCode('already_exists'));
  });

  it(`holds at most ${MAX_CALENDAR_FEEDS} active feeds per user; a revoked one frees its place`, () => {
    const full = Array.from({ length: MAX_CALENDAR_FEEDS }, (_, i) => created(`f${i}`));
    spec
      .given(full)
      .when(create('one-more'))
      .thenThrows(DomainError, (error) => error.code === 'too_many_feeds' && error.details['max'] === 20);
    spec
      .given([...full, revoked('f3')])
      .when(create('one-more'))
      .then([{ ...created('one-more') }]);
  });

  it('regenerates the secret of an active feed, never of a revoked or unknown one', () => {
    spec
      .given([created()])
      .when({ type: 'regenerate', feedId: 'f1', secretHash: 'h2', at: AT })
      .then([
        {
          type: 'CalendarFeedSecretRegenerated',
          data: { ownerId: 'u1', feedId: 'f1', secretHash: 'h2', at: AT },
        },
      ]);
    spec
      .given([created(), revoked()])
      .when({ type: 'regenerate', feedId: 'f1', secretHash: 'h2', at: AT })
      .thenThrows(DomainError, isCode('not_found'));
    spec
      .given([created()])
      .when({ type: 'regenerate', feedId: 'nope', secretHash: 'h2', at: AT })
      .thenThrows(DomainError, isCode('not_found'));
  });

  it('revokes once; revoking again changes nothing', () => {
    spec.given([created()]).when({ type: 'revoke', feedId: 'f1', at: AT }).then([revoked()]);
    spec.given([created(), revoked()]).when({ type: 'revoke', feedId: 'f1', at: AT }).thenNothingHappens();
    spec
      .given([created()])
      .when({ type: 'revoke', feedId: 'f2', at: AT })
      .thenThrows(DomainError, isCode('not_found'));
  });

  it('records a fetch at most once an hour per feed, and none for a revoked feed', () => {
    const fetch = (at: string, client = '  Google-Calendar-Importer ') => ({
      type: 'recordFetch' as const,
      feedId: 'f1',
      at,
      client,
    });
    spec
      .given([created()])
      .when(fetch(AT))
      .then([fetched(AT)]);
    spec
      .given([created(), fetched(AT)])
      .when(fetch('2026-11-27T09:59:59.000Z'))
      .thenNothingHappens();
    spec
      .given([created(), fetched(AT)])
      .when(fetch('2026-11-27T10:00:00.000Z'))
      .then([fetched('2026-11-27T10:00:00.000Z')]);
    spec.given([created(), revoked()]).when(fetch(AT)).thenNothingHappens();
    spec
      .given([created()])
      .when(fetch(AT, 'x'.repeat(500)))
      .then([
        {
          type: 'CalendarFeedFetched',
          data: { ownerId: 'u1', feedId: 'f1', at: AT, client: 'x'.repeat(200) },
        },
      ]);
  });

  it("keeps each feed's state apart", () => {
    spec
      .given([created('f1'), created('f2'), revoked('f2'), fetched(AT)])
      .when({ type: 'regenerate', feedId: 'f1', secretHash: 'h3', at: AT })
      .then([
        {
          type: 'CalendarFeedSecretRegenerated',
          data: { ownerId: 'u1', feedId: 'f1', secretHash: 'h3', at: AT },
        },
      ]);
  });
});
