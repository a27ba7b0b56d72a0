import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import type {
  CalendarException,
  CalendarLayer,
  HolidayRule,
  LocalTimeInterval,
  Weekday,
} from '../calendar/calendar-layer';
import { closingHolidays } from '../calendar/public-holidays';
import { afterServiceMinutes } from '../calendar/service-minutes';
import { type ClockPause, instantAfterServiceMs, serviceMsBetween } from './service-time';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// Zones with DST on either hemisphere, none, and a half-hour offset.
const zones = ['Europe/Rome', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'UTC'];
const holidayRules: (HolidayRule | undefined)[] = [
  undefined,
  { country: 'IT' },
  { country: 'US', subdivision: 'NY' },
];
// Days on which clocks change in one of the zones above, so DST is hit far more often than by chance.
const dstDays = [
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-10-04',
  '2026-10-25',
  '2026-11-01',
  '2027-03-28',
];
const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// Every boundary (hours, exceptions, pauses, the start) falls on a whole minute, so a minute is
// either wholly in service or wholly out of it and a minute-by-minute scan is exact.
const halfHour = fc
  .integer({ min: 0, max: 47 })
  .map((n) => `${String(Math.floor(n / 2)).padStart(2, '0')}:${n % 2 ? '30' : '00'}`);
const interval: fc.Arbitrary<LocalTimeInterval> = fc.record({ from: halfHour, to: halfHour });
const weeklyHours = fc.option(
  fc
    .tuple(...weekdays.map(() => fc.array(interval, { maxLength: 2 })))
    .map((perDay) => Object.fromEntries(weekdays.map((day, i) => [day, perDay[i]]))),
  { nil: undefined, freq: 5 },
);

const start = fc
  .oneof(
    fc.integer({ min: 0, max: 720 }).map((d) => Temporal.PlainDate.from('2026-01-01').add({ days: d })),
    fc.constantFrom(...dstDays).map((d) => Temporal.PlainDate.from(d).subtract({ days: 1 })),
  )
  .chain((day) =>
    fc
      .integer({ min: 0, max: 24 * 60 - 1 })
      .map((m) => Temporal.Instant.from(`${day.toString()}T00:00:00Z`).epochMilliseconds + m * MINUTE),
  );

const localMinute = (ms: number, timeZone: string) =>
  Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });

/** An exception near the start, as people write them: local date-times, or whole local days. */
const exception = (timeZone: string, from: number): fc.Arbitrary<CalendarException> =>
  fc
    .record({
      kind: fc.constantFrom('open' as const, 'closed' as const),
      offset: fc.integer({ min: -DAY / MINUTE, max: (6 * DAY) / MINUTE }),
      length: fc.integer({ min: 30, max: (3 * DAY) / MINUTE }),
      wholeDays: fc.boolean(),
    })
    .map(({ kind, offset, length, wholeDays }) => {
      const a = localMinute(from + offset * MINUTE, timeZone);
      const b = localMinute(from + (offset + length) * MINUTE, timeZone);
      return wholeDays
        ? { kind, from: a.slice(0, 10), to: b.slice(0, 10), reason: `${kind} days` }
        : { kind, from: a, to: b, reason: `${kind} hours` };
    });

const layer = (from: number): fc.Arbitrary<CalendarLayer> =>
  fc.constantFrom(...zones).chain((timeZone) =>
    fc
      .record({
        weeklyHours,
        holidays: fc.constantFrom(...holidayRules),
        exceptions: fc.array(exception(timeZone, from), { maxLength: 3 }),
      })
      .map(({ weeklyHours, holidays, exceptions }) => ({
        name: `${timeZone} layer`,
        timeZone,
        ...(weeklyHours ? { weeklyHours } : {}),
        ...(holidays ? { holidays } : {}),
        exceptions,
      })),
  );

const closedPause = (from: number): fc.Arbitrary<ClockPause> =>
  fc
    .tuple(
      fc.integer({ min: -DAY / MINUTE, max: (6 * DAY) / MINUTE }),
      fc.integer({ min: 1, max: (2 * DAY) / MINUTE }),
    )
    .map(([offset, length]) => ({ from: from + offset * MINUTE, to: from + (offset + length) * MINUTE }));

const scenario = start.chain((from) =>
  fc.record({
    from: fc.constant(from),
    layers: fc.array(layer(from), { maxLength: 2 }),
    pauses: fc.array(closedPause(from), { maxLength: 3 }),
  }),
);

/** Up to five days of service time, in milliseconds (not only whole minutes). */
const amount = fc.integer({ min: 0, max: 5 * DAY });

/**
 * Which minutes of [from, from + days) are in service, worked out straight from Temporal, one local
 * day at a time: (weekly hours − holidays) ∪ openings − closures in every layer, minus the pauses.
 */
function serviceMinutes(
  layers: readonly CalendarLayer[],
  from: number,
  days: number,
  pauses: readonly ClockPause[],
) {
  const count = days * 24 * 60;
  const inService = new Uint8Array(count).fill(1);
  const paint = (minutes: Uint8Array, a: number, b: number, value: 0 | 1) => {
    const i = Math.max(0, Math.ceil((a - from) / MINUTE));
    const j = Math.min(count, Math.ceil((b - from) / MINUTE));
    if (i < j) minutes.fill(value, i, j);
  };
  for (const layer of layers) {
    const zone = layer.timeZone;
    const zoned = (date: Temporal.PlainDate, time?: Temporal.PlainTime) =>
      time
        ? date.toPlainDateTime(time).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds
        : date.toZonedDateTime({ timeZone: zone }).epochMilliseconds;
    const local = (ms: number) =>
      Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate();
    const first = local(from).subtract({ days: 2 });
    const last = local(from + days * DAY).add({ days: 1 });
    const open = new Uint8Array(count);
    const unrestricted = !layer.weeklyHours && !layer.holidays && (layer.exceptions ?? []).length === 0;
    if (!layer.weeklyHours || unrestricted) open.fill(1);
    else {
      for (let day = first; Temporal.PlainDate.compare(day, last) <= 0; day = day.add({ days: 1 })) {
        for (const hours of layer.weeklyHours[weekdays[day.dayOfWeek - 1]!] ?? []) {
          const a = Temporal.PlainTime.from(hours.from);
          const b = Temporal.PlainTime.from(hours.to);
          const endDay = Temporal.PlainTime.compare(b, a) > 0 ? day : day.add({ days: 1 });
          paint(open, zoned(day, a), zoned(endDay, b), 1);
        }
      }
    }
    if (layer.holidays) {
      for (const holiday of closingHolidays(layer.holidays, first, last)) {
        paint(open, zoned(holiday.date), zoned(holiday.date.add({ days: 1 })), 0);
      }
    }
    const dateTime = (text: string) =>
      Temporal.PlainDateTime.from(text).toZonedDateTime(zone, { disambiguation: 'compatible' })
        .epochMilliseconds;
    const bounds = (e: CalendarException): [number, number] =>
      e.from.length === 10
        ? [zoned(Temporal.PlainDate.from(e.from)), zoned(Temporal.PlainDate.from(e.to).add({ days: 1 }))]
        : [dateTime(e.from), dateTime(e.to)];
    for (const e of (layer.exceptions ?? []).filter((e) => e.kind === 'open')) paint(open, ...bounds(e), 1);
    for (const e of (layer.exceptions ?? []).filter((e) => e.kind === 'closed')) paint(open, ...bounds(e), 0);
    for (let i = 0; i < count; i++) inService[i]! &= open[i]!;
  }
  for (const pause of pauses) paint(inService, pause.from, pause.to ?? Infinity, 0);
  return inService;
}

describe('service time properties', () => {
  it('counts back to the amount asked for, and the instant found is the first at which it is reached', () => {
    fc.assert(
      fc.property(scenario, amount, ({ from, layers, pauses }, ms) => {
        const reached = instantAfterServiceMs(layers, from, ms, pauses);
        if (reached === undefined) return;
        expect(serviceMsBetween(layers, from, reached, pauses)).toBe(ms);
        if (ms > 0) {
          // The clock was running just before: the amount was not reached any earlier.
          expect(serviceMsBetween(layers, reached - 1, reached, pauses)).toBe(1);
          for (const pause of pauses) expect(pause.from < reached && reached < pause.to!).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('is monotone in the amount: more service time never ends earlier', () => {
    fc.assert(
      fc.property(scenario, amount, amount, ({ from, layers, pauses }, x, y) => {
        const [less, more] = x <= y ? [x, y] : [y, x];
        const early = instantAfterServiceMs(layers, from, less, pauses);
        const late = instantAfterServiceMs(layers, from, more, pauses);
        if (late !== undefined) {
          expect(early).toBeDefined();
          expect(early!).toBeLessThanOrEqual(late);
        }
        if (less < more && early !== undefined && late !== undefined) expect(early).toBeLessThan(late);
      }),
      { numRuns: 100 },
    );
  });

  it('stops for good at a pause that has not ended: reached before it as without it, else never', () => {
    fc.assert(
      fc.property(
        scenario,
        amount,
        fc.integer({ min: 0, max: (5 * DAY) / MINUTE }),
        ({ from, layers, pauses }, ms, standsAfter) => {
          const stands = from + standsAfter * MINUTE;
          const without = instantAfterServiceMs(layers, from, ms, pauses);
          const withStanding = instantAfterServiceMs(layers, from, ms, [...pauses, { from: stands }]);
          expect(withStanding).toBe(without !== undefined && without <= stands ? without : undefined);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('agrees with a minute-by-minute scan over a few days', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0, max: 1.1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ from, layers, pauses }, days, share, cut) => {
          const minutes = serviceMinutes(layers, from, days, pauses);
          const total = minutes.reduce((sum, m) => sum + m, 0);

          const k = Math.floor(cut * minutes.length);
          const upToK = minutes.subarray(0, k).reduce((sum, m) => sum + m, 0);
          expect(serviceMsBetween(layers, from, from + k * MINUTE, pauses)).toBe(upToK * MINUTE);

          const target = Math.round(share * total);
          let expected: number | undefined = target === 0 ? from : undefined;
          for (let i = 0, seen = 0; i < minutes.length && expected === undefined; i++) {
            seen += minutes[i]!;
            if (seen === target) expected = from + (i + 1) * MINUTE;
          }
          expect(instantAfterServiceMs(layers, from, target * MINUTE, pauses, days)).toBe(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with a minute-by-minute scan across the 92-day search windows (sparse calendars)', () => {
    // A few hours a week, so that a target can lie months ahead.
    const sparse = start.chain((from) =>
      fc.record({
        from: fc.constant(from),
        layers: fc
          .tuple(
            layer(from),
            fc.constantFrom(...zones),
            fc.constantFrom(...weekdays),
            interval.filter((i) => i.from < i.to),
          )
          .map(([other, timeZone, day, hours]) => [
            other,
            { name: 'One window a week', timeZone, weeklyHours: { [day]: [hours] } } as CalendarLayer,
          ]),
        pauses: fc.array(closedPause(from), { maxLength: 3 }),
      }),
    );
    fc.assert(
      fc.property(
        sparse,
        fc.integer({ min: 93, max: 200 }),
        fc.double({ min: 0.3, max: 1.05, noNaN: true }),
        ({ from, layers, pauses }, days, share) => {
          const minutes = serviceMinutes(layers, from, days, pauses);
          const total = minutes.reduce((sum, m) => sum + m, 0);
          const target = Math.max(1, Math.round(share * total));
          let expected: number | undefined;
          for (let i = 0, seen = 0; i < minutes.length && expected === undefined; i++) {
            seen += minutes[i]!;
            if (seen === target) expected = from + (i + 1) * MINUTE;
          }
          expect(instantAfterServiceMs(layers, from, target * MINUTE, pauses, days)).toBe(expected);
          expect(serviceMsBetween(layers, from, from + days * DAY, pauses)).toBe(total * MINUTE);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('matches the calendar’s afterServiceMinutes when nothing pauses (from one minute on)', () => {
    // Not at 0: afterServiceMinutes answers the next opening, an SLA clock its own start.
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 3 * 24 * 60 }), ({ from, layers }, minutes) => {
        expect(instantAfterServiceMs(layers, from, minutes * MINUTE, [], 92)).toBe(
          afterServiceMinutes(layers, from, minutes, 92),
        );
      }),
      { numRuns: 100 },
    );
  });
});
