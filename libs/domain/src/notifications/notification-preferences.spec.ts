import {
  DEFAULT_NOTIFICATION_PREFERENCES,
  deliverableFrom,
  notificationPreferencesSchema,
} from './notification-preferences';
import { NOTIFICATION_TOPICS, URGENT_TOPICS, type NotificationTopic } from './notification-topics';

const ms = (iso: string) => Date.parse(iso);
const iso = (epochMs: number) => new Date(epochMs).toISOString();

const rome = { quietHours: { from: '22:00', to: '07:00' }, timeZone: 'Europe/Rome' };
const lunch = { quietHours: { from: '12:00', to: '14:00' }, timeZone: 'Europe/Rome' };
const newYork = { quietHours: { from: '22:00', to: '07:00' }, timeZone: 'America/New_York' };

/** When an assignment raised at `at` may go out, as an ISO instant (UTC). */
const assignment = (preferences: Parameters<typeof deliverableFrom>[0], at: string) =>
  iso(deliverableFrom(preferences, 'assignment', ms(at)));

describe('deliverableFrom: quiet hours spanning midnight (22:00–07:00, Europe/Rome)', () => {
  // January: Rome is UTC+1.
  it('holds a notification raised at 23:30 until 07:00 local the next day', () => {
    expect(assignment(rome, '2026-01-15T22:30:00.000Z')).toBe('2026-01-16T06:00:00.000Z');
  });

  it('holds one raised at 03:00 until 07:00 local the same day', () => {
    expect(assignment(rome, '2026-01-16T02:00:00.000Z')).toBe('2026-01-16T06:00:00.000Z');
  });

  it('lets one raised at 12:00 go at once, to the millisecond', () => {
    expect(assignment(rome, '2026-01-16T11:00:00.123Z')).toBe('2026-01-16T11:00:00.123Z');
  });

  it('counts 22:00 as quiet and 07:00 as awake', () => {
    expect(assignment(rome, '2026-01-15T21:00:00.000Z')).toBe('2026-01-16T06:00:00.000Z');
    expect(assignment(rome, '2026-01-15T20:59:59.999Z')).toBe('2026-01-15T20:59:59.999Z');
    expect(assignment(rome, '2026-01-16T05:59:59.999Z')).toBe('2026-01-16T06:00:00.000Z');
    expect(assignment(rome, '2026-01-16T06:00:00.000Z')).toBe('2026-01-16T06:00:00.000Z');
  });

  it('reads the hours in the user zone, not in UTC: 23:30 UTC is 00:30 in Rome, same night', () => {
    expect(assignment(rome, '2026-01-15T23:30:00.000Z')).toBe('2026-01-16T06:00:00.000Z');
  });
});

describe('deliverableFrom: quiet hours within a day (12:00–14:00)', () => {
  it('holds a notification raised at 13:00 until 14:00 the same day', () => {
    expect(assignment(lunch, '2026-01-16T12:00:00.000Z')).toBe('2026-01-16T13:00:00.000Z');
  });

  it('holds from 12:00 included and lets go from 14:00, before noon and in the evening', () => {
    expect(assignment(lunch, '2026-01-16T11:00:00.000Z')).toBe('2026-01-16T13:00:00.000Z');
    expect(assignment(lunch, '2026-01-16T13:00:00.000Z')).toBe('2026-01-16T13:00:00.000Z');
    expect(assignment(lunch, '2026-01-16T10:59:00.000Z')).toBe('2026-01-16T10:59:00.000Z');
    expect(assignment(lunch, '2026-01-16T22:30:00.000Z')).toBe('2026-01-16T22:30:00.000Z');
  });
});

describe('deliverableFrom across a change of daylight saving time (Europe/Rome)', () => {
  it('ends at 07:00 local on 29 Mar 2026, the night the clocks go forward (UTC+1 → UTC+2)', () => {
    // 23:30 on the 28th is UTC+1; 07:00 on the 29th is UTC+2.
    expect(assignment(rome, '2026-03-28T22:30:00.000Z')).toBe('2026-03-29T05:00:00.000Z');
    // 01:30 UTC is 03:30 CEST, just after the jump.
    expect(assignment(rome, '2026-03-29T01:30:00.000Z')).toBe('2026-03-29T05:00:00.000Z');
  });

  it('ends at 07:00 local on 25 Oct 2026, the night the clocks go back (UTC+2 → UTC+1)', () => {
    expect(assignment(rome, '2026-10-24T21:30:00.000Z')).toBe('2026-10-25T06:00:00.000Z');
    // 02:30 happens twice that night: once in summer time, once in winter time.
    expect(assignment(rome, '2026-10-25T00:30:00.000Z')).toBe('2026-10-25T06:00:00.000Z');
    expect(assignment(rome, '2026-10-25T01:30:00.000Z')).toBe('2026-10-25T06:00:00.000Z');
  });

  it('never answers before the notification was raised when the end itself happens twice', () => {
    const early = { quietHours: { from: '01:00', to: '02:30' }, timeZone: 'Europe/Rome' };
    // 02:15 in summer time: the hours end at the first 02:30 (00:30 UTC).
    expect(assignment(early, '2026-10-25T00:15:00.000Z')).toBe('2026-10-25T00:30:00.000Z');
    // 02:15 in winter time, an hour later: they end at the second 02:30 (01:30 UTC).
    expect(assignment(early, '2026-10-25T01:15:00.000Z')).toBe('2026-10-25T01:30:00.000Z');
  });
});

describe('deliverableFrom in another zone (America/New_York)', () => {
  it('holds 22:30 in New York (03:30 UTC) until 07:00 New York time', () => {
    expect(assignment(newYork, '2026-01-15T03:30:00.000Z')).toBe('2026-01-15T12:00:00.000Z');
  });

  it('lets go what is night in Rome but afternoon in New York', () => {
    expect(assignment(newYork, '2026-01-15T22:30:00.000Z')).toBe('2026-01-15T22:30:00.000Z');
  });

  it('ends at 07:00 EDT on 8 Mar 2026, the night the US clocks go forward', () => {
    // 23:00 EST on the 7th (04:00 UTC on the 8th) → 07:00 EDT (11:00 UTC).
    expect(assignment(newYork, '2026-03-08T04:00:00.000Z')).toBe('2026-03-08T11:00:00.000Z');
  });
});

describe('deliverableFrom: what never waits', () => {
  it.each(['sla-breach', 'escalation'] as const)('%s breaks through quiet hours', (topic) => {
    const at = ms('2026-01-15T22:30:00.000Z');
    expect(deliverableFrom(rome, topic, at)).toBe(at);
  });

  it('knows exactly two urgent topics; an SLA alarm below the deadline waits for the morning', () => {
    expect([...URGENT_TOPICS].sort()).toEqual(['escalation', 'sla-breach']);
    const at = ms('2026-01-15T22:30:00.000Z');
    expect(iso(deliverableFrom(rome, 'sla-alarm', at))).toBe('2026-01-16T06:00:00.000Z');
  });

  it('sends every topic at once when the user keeps no quiet hours', () => {
    const at = ms('2026-01-15T22:30:00.000Z');
    for (const topic of NOTIFICATION_TOPICS as readonly NotificationTopic[]) {
      expect(deliverableFrom({ timeZone: 'Europe/Rome' }, topic, at)).toBe(at);
    }
    expect(deliverableFrom(DEFAULT_NOTIFICATION_PREFERENCES, 'assignment', at)).toBe(at);
  });
});

describe('notification preferences schema', () => {
  const fieldsOf = (input: unknown) =>
    (notificationPreferencesSchema.safeParse(input).error?.issues ?? [])
      .map((issue) => issue.path.map(String).join('.'))
      .sort();

  it('fills the defaults: e-mail and push on, SMS off, Rome, nothing muted, no quiet hours', () => {
    expect(notificationPreferencesSchema.parse({})).toEqual({
      email: true,
      sms: false,
      push: true,
      timeZone: 'Europe/Rome',
      mutedTopics: [],
    });
    expect(DEFAULT_NOTIFICATION_PREFERENCES).toEqual(notificationPreferencesSchema.parse({}));
  });

  it('accepts a full set of choices', () => {
    const preferences = {
      email: false,
      sms: true,
      push: false,
      quietHours: { from: '22:00', to: '07:00' },
      timeZone: 'America/New_York',
      mutedTopics: ['reschedule', 'closure'],
    };
    expect(notificationPreferencesSchema.parse(preferences)).toEqual(preferences);
  });

  it('refuses quiet hours that start and end at the same time', () => {
    expect(fieldsOf({ quietHours: { from: '22:00', to: '22:00' } })).toEqual(['quietHours']);
  });

  it.each(['24:00', '7:00', '07:60', '0700', '07:00:00', ''])('refuses %j as a time of day', (bad) => {
    expect(fieldsOf({ quietHours: { from: bad, to: '07:00' } })).toEqual(['quietHours.from']);
  });

  it('refuses an unknown topic among the muted ones, naming its index', () => {
    expect(fieldsOf({ mutedTopics: ['assignment', 'lunch-break'] })).toEqual(['mutedTopics.1']);
  });

  it('refuses an unknown zone and unknown fields', () => {
    expect(fieldsOf({ timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
    expect(notificationPreferencesSchema.safeParse({ fax: true }).success).toBe(false);
    expect(
      notificationPreferencesSchema.safeParse({ quietHours: { from: '22:00', to: '07:00', days: [] } })
        .success,
    ).toBe(false);
  });
});
