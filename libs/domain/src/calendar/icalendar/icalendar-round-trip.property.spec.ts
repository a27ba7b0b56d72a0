import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import type {
  CalendarException,
  CalendarLayer,
  HolidayRule,
  LocalTimeInterval,
  Weekday,
} from '../calendar-layer';
import { canonicalCalendarLayer } from './canonical-calendar-layer';
import { calendarLayerToICalendar } from './icalendar-export';
import { calendarLayerFromICalendar } from './icalendar-import';

const zones = ['Europe/Rome', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const holidayRules: (HolidayRule | undefined)[] = [
  undefined,
  { country: 'IT' },
  { country: 'DE', subdivision: 'BY' },
  { country: 'US', subdivision: 'NY', closedTypes: ['public', 'bank'] },
];

// Text with the characters iCalendar must escape, line breaks and non-ASCII.
const text = fc
  .array(
    fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(',', ';', '\\', '\n', '\r\n', 'é', '✓', ':', '"')),
    {
      maxLength: 6,
    },
  )
  .map((parts) => parts.join(''));

const quarterHour = fc
  .integer({ min: 0, max: 95 })
  .map((n) => `${String(Math.floor(n / 4)).padStart(2, '0')}:${String((n % 4) * 15).padStart(2, '0')}`);
const hours: fc.Arbitrary<LocalTimeInterval> = fc.record({ from: quarterHour, to: quarterHour });
const weeklyHours = fc.option(
  fc
    .tuple(...weekdays.map(() => fc.array(hours, { maxLength: 3 })))
    .map((perDay) => Object.fromEntries(weekdays.map((day, i) => [day, perDay[i]]))),
  { nil: undefined },
);

// Around DST days often, so that local times in gaps and overlaps are exercised.
const day = fc.oneof(
  fc.integer({ min: 0, max: 1100 }).map((d) => Temporal.PlainDate.from('2025-06-01').add({ days: d })),
  fc
    .constantFrom('2026-03-29', '2026-10-25', '2026-03-08', '2026-11-01', '2026-04-05')
    .map((d) => Temporal.PlainDate.from(d)),
);
const exception: fc.Arbitrary<CalendarException> = fc
  .tuple(
    fc.constantFrom<'open' | 'closed'>('open', 'closed'),
    fc.boolean(),
    day,
    fc.integer({ min: 0, max: 24 * 4 - 1 }),
    fc.integer({ min: 1, max: 4 * 24 * 10 }),
    text,
  )
  .map(([kind, wholeDays, start, quarter, length, reason]) => {
    if (wholeDays) {
      return { kind, from: start.toString(), to: start.add({ days: length % 20 }).toString(), reason };
    }
    const from = start.toPlainDateTime({ hour: Math.floor(quarter / 4), minute: (quarter % 4) * 15 });
    const to = from.add({ minutes: length * 15 });
    return {
      kind,
      from: from.toString({ smallestUnit: 'minute' }),
      to: to.toString({ smallestUnit: 'minute' }),
      reason,
    };
  });

const layer: fc.Arbitrary<CalendarLayer> = fc
  .record({
    name: text,
    timeZone: fc.constantFrom(...zones),
    weeklyHours,
    holidays: fc.constantFrom(...holidayRules),
    exceptions: fc.option(fc.array(exception, { maxLength: 6 }), { nil: undefined }),
  })
  .map(
    (l) =>
      Object.fromEntries(Object.entries(l).filter(([, v]) => v !== undefined)) as unknown as CalendarLayer,
  );

const now = fc.integer({ min: 0, max: 900 }).map((d) =>
  Temporal.Instant.from('2025-06-01T08:00:00Z')
    .add({ hours: d * 24 + (d % 24) })
    .toString(),
);

describe('iCalendar round trip', () => {
  it('reads back what it writes, up to the canonical form, with no warnings', () => {
    fc.assert(
      fc.property(layer, now, (original, at) => {
        const ics = calendarLayerToICalendar(original, { calendarId: 'cal', now: at });
        const { layer: back, warnings } = calendarLayerFromICalendar(ics, {
          defaultTimeZone: 'Europe/Lisbon',
          expandUntil: '2030-01-01',
        });
        expect(warnings).toEqual([]);
        expect(back).toEqual(canonicalCalendarLayer(original));
        // And writing the read-back layer again gives the same file.
        expect(calendarLayerToICalendar(back, { calendarId: 'cal', now: at })).toBe(
          calendarLayerToICalendar(canonicalCalendarLayer(original), { calendarId: 'cal', now: at }),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('keeps holidays out of the layer when they were only expanded for display', () => {
    const original: CalendarLayer = { name: 'Rome', timeZone: 'Europe/Rome', holidays: { country: 'IT' } };
    const ics = calendarLayerToICalendar(original, {
      calendarId: 'cal',
      now: '2026-01-05T08:00:00Z',
      holidayYears: { from: 2026, to: 2027 },
    });
    expect(ics).toContain('CATEGORIES:holiday');
    const { layer: back } = calendarLayerFromICalendar(ics, {
      defaultTimeZone: 'UTC',
      expandUntil: '2028-01-01',
    });
    expect(back).toEqual(original);
  });
});
