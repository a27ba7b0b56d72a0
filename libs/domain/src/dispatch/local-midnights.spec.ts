import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { localMidnights } from './local-midnights';
import { DST_EDGE_ZONES } from '../calendar/testing/dst-edge-zones';

const DAY = 24 * 60 * 60_000;

/** What proposals did before: Temporal all the way, a day added to the previous midnight at a time. */
function temporalMidnights(from: number, to: number, timeZone: string): number[] {
  let day = Temporal.Instant.fromEpochMilliseconds(from).toZonedDateTimeISO(timeZone).startOfDay();
  const midnights = [day.epochMilliseconds];
  while (day.epochMilliseconds <= to) {
    day = day.add({ days: 1 });
    midnights.push(day.epochMilliseconds);
  }
  return midnights;
}

describe('local midnights', () => {
  const zones = [...DST_EDGE_ZONES, 'Europe/Berlin'];

  it('are the midnights Temporal gives, a day added at a time, across every kind of transition', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 11, 31) }),
        fc.integer({ min: 0, max: 40 * DAY }),
        (timeZone, from, span) => {
          expect(localMidnights(from, from + span, timeZone)).toEqual(
            temporalMidnights(from, from + span, timeZone),
          );
        },
      ),
      { numRuns: 1_500 },
    );
  });

  it('follow Temporal where a day starts at 01:00 or is skipped altogether', () => {
    const cases: [string, number][] = [
      ['America/Santiago', Date.UTC(2022, 8, 8)], // 11 September 2022 starts at 01:00
      ['America/Havana', Date.UTC(2026, 2, 5)], // 8 March 2026 starts at 01:00
      ['Pacific/Apia', Date.UTC(2011, 11, 25)], // 30 December 2011 never was
      ['Europe/Rome', Date.UTC(2026, 2, 26)], // 29 March 2026 is 23 hours long
    ];
    for (const [timeZone, from] of cases) {
      expect(localMidnights(from, from + 10 * DAY, timeZone)).toEqual(
        temporalMidnights(from, from + 10 * DAY, timeZone),
      );
    }
  });
});
