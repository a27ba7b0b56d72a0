import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { availableIntervals, isAvailable } from './availability-queries';
import type {
  CalendarException,
  CalendarLayer,
  HolidayRule,
  LocalTimeInterval,
  Weekday,
} from './calendar-layer';
import { closingHolidays } from './public-holidays';

// Zones with DST on either hemisphere, none, and a half-hour offset.
const zones = ['Europe/Rome', 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];
const holidayRules: (HolidayRule | undefined)[] = [
  undefined,
  { country: 'IT' },
  { country: 'DE', subdivision: 'BY' },
  { country: 'US', subdivision: 'NY' },
];
// Days on which clocks change somewhere above, so DST is hit far more often than by chance.
const dstDays = [
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-10-04',
  '2026-10-25',
  '2026-11-01',
  '2027-03-28',
];
const MINUTE = 60_000;
const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const halfHour = fc
  .integer({ min: 0, max: 47 })
  .map((n) => `${String(Math.floor(n / 2)).padStart(2, '0')}:${n % 2 ? '30' : '00'}`);
const hours: fc.Arbitrary<LocalTimeInterval> = fc.record({ from: halfHour, to: halfHour });
const weeklyHours = fc.option(
  fc
    .tuple(...weekdays.map(() => fc.array(hours, { minLength: 1, maxLength: 2 })))
    .map((perDay) => Object.fromEntries(weekdays.map((day, i) => [day, perDay[i]]))),
  { nil: undefined },
);

const windowStart = fc
  .oneof(
    fc.integer({ min: 0, max: 720 }).map((d) => Temporal.PlainDate.from('2026-01-01').add({ days: d })),
    fc.constantFrom(...dstDays).map((d) => Temporal.PlainDate.from(d).subtract({ days: 1 })),
  )
  .chain((day) =>
    fc
      .integer({ min: 0, max: 24 * 60 - 1 })
      .map((m) => Temporal.Instant.from(`${day.toString()}T00:00:00Z`).epochMilliseconds + m * MINUTE),
  );

/** An exception as local date-times, placed around the window so that it often overlaps it. */
const exception = (
  kind: 'open' | 'closed',
  timeZone: string,
  start: number,
): fc.Arbitrary<CalendarException> =>
  fc
    .tuple(fc.integer({ min: -2 * 24 * 60, max: 4 * 24 * 60 }), fc.integer({ min: 30, max: 3 * 24 * 60 }))
    .map(([offset, length]) => {
      const local = (ms: number) =>
        Temporal.Instant.fromEpochMilliseconds(ms)
          .toZonedDateTimeISO(timeZone)
          .toPlainDateTime()
          .toString({ smallestUnit: 'minute' });
      const from = start + offset * MINUTE;
      return { kind, from: local(from), to: local(from + length * MINUTE), reason: `${kind} ${offset}` };
    });

const layer = (start: number, withOpenings: boolean): fc.Arbitrary<CalendarLayer> =>
  fc.constantFrom(...zones).chain((timeZone) =>
    fc
      .record({
        weeklyHours,
        holidays: fc.constantFrom(...holidayRules),
        closures: fc.array(exception('closed', timeZone, start), { maxLength: 3 }),
        openings: withOpenings
          ? fc.array(exception('open', timeZone, start), { maxLength: 2 })
          : fc.constant([]),
      })
      .map(({ weeklyHours, holidays, closures, openings }) => ({
        name: `${timeZone} layer`,
        timeZone,
        ...(weeklyHours ? { weeklyHours } : {}),
        ...(holidays ? { holidays } : {}),
        exceptions: [...closures, ...openings],
      })),
  );

const scenario = (withOpenings: boolean) =>
  windowStart.chain((start) =>
    fc.record({
      start: fc.constant(start),
      length: fc.integer({ min: 60, max: 6 * 24 * 60 }).map((m) => m * MINUTE),
      layers: fc.array(layer(start, withOpenings), { minLength: 1, maxLength: 2 }),
    }),
  );

const iso = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toString();
const epoch = (instant: string) => Temporal.Instant.from(instant).epochMilliseconds;

/** What must stay closed, computed straight from Temporal rather than through the composition. */
function closedStretches(layer: CalendarLayer, from: number, to: number): { from: number; to: number }[] {
  const zoned = (dateTime: string) =>
    Temporal.PlainDateTime.from(dateTime).toZonedDateTime(layer.timeZone, { disambiguation: 'compatible' })
      .epochMilliseconds;
  const stretches = (layer.exceptions ?? [])
    .filter((e) => e.kind === 'closed')
    .map((e) => ({ from: zoned(e.from), to: zoned(e.to) }));
  if (layer.holidays) {
    const day = (ms: number) => Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(layer.timeZone);
    for (const holiday of closingHolidays(layer.holidays, day(from).toPlainDate(), day(to).toPlainDate())) {
      const start = holiday.date.toZonedDateTime({ timeZone: layer.timeZone });
      stretches.push({ from: start.epochMilliseconds, to: start.add({ days: 1 }).epochMilliseconds });
    }
  }
  return stretches;
}

describe('availability properties', () => {
  it('never opens during a closure or a holiday (no extra openings)', () => {
    fc.assert(
      fc.property(scenario(false), ({ start, length, layers }) => {
        const intervals = availableIntervals(layers, iso(start), iso(start + length));
        for (const layer of layers) {
          for (const closed of closedStretches(layer, start, start + length)) {
            for (const open of intervals) {
              expect(epoch(open.to) <= closed.from || epoch(open.from) >= closed.to).toBe(true);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is available exactly when the question lies inside one available interval of a wider window', () => {
    fc.assert(
      fc.property(
        scenario(true),
        fc.double({ min: 0, max: 1, noNaN: true }),
        // Mostly questions of a visit's length, so that many of them are available.
        fc.integer({ min: 1, max: 12 * 60 }),
        ({ start, length, layers }, x, visitMinutes) => {
          const a = start + Math.floor((x * length) / MINUTE) * MINUTE;
          const b = Math.min(a + visitMinutes * MINUTE, start + length);
          fc.pre(a < b);
          const inside = availableIntervals(layers, iso(start), iso(start + length)).some(
            (i) => epoch(i.from) <= a && b <= epoch(i.to),
          );
          const answer = isAvailable(layers, iso(a), iso(b));
          expect(answer.available).toBe(inside);
          if (answer.blockedBy) {
            // The named stretch must touch the question: the reason is about this visit.
            expect(epoch(answer.blockedBy.from) < b && epoch(answer.blockedBy.to) > a).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
