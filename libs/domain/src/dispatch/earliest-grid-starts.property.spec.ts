import fc from 'fast-check';
import { mergeIntervals } from '../calendar/epoch-intervals';
import {
  type Booking,
  type SlotQuestion,
  earliestGridStarts,
  gridStarts,
  startWindows,
} from './start-windows';
import { DEFAULT_TRAVEL_MODEL, type GeoPoint, estimateTravel, travelMinutes } from './travel-estimate';

const MINUTE = 60_000;
const DAY0 = Date.UTC(2026, 10, 30); // a Monday

const place: fc.Arbitrary<GeoPoint | undefined> = fc.option(
  fc.record({
    lat: fc.double({ min: 45.2, max: 45.8, noNaN: true }),
    lon: fc.double({ min: 8.9, max: 9.6, noNaN: true }),
  }),
  { nil: undefined, freq: 4 },
);
/** Minutes into a five-day span, on a 5-minute grid so ends often touch. */
const minuteOf = fc.integer({ min: 0, max: (5 * 24 * 60) / 5 }).map((n) => DAY0 + n * 5 * MINUTE);

const bookings: fc.Arbitrary<Booking[]> = fc
  .array(
    fc.record({
      from: minuteOf,
      length: fc.integer({ min: 3, max: 48 }).map((n) => n * 5 * MINUTE),
      location: place,
    }),
    { maxLength: 12 },
  )
  .map((list) =>
    list.map(({ from, length, location }, index) => ({
      id: `B${index}`,
      from,
      to: from + length,
      label: `booking ${index}`,
      ...(location && { location }),
    })),
  );

const question: fc.Arbitrary<SlotQuestion> = fc
  .record({
    open: fc
      .array(
        fc.tuple(
          minuteOf,
          fc.integer({ min: 1, max: 120 }).map((n) => n * 5 * MINUTE),
        ),
        { maxLength: 10 },
      )
      .map((stretches) => mergeIntervals(stretches.map(([from, length]) => ({ from, to: from + length })))),
    bookings,
    durationMinutes: fc.integer({ min: 1, max: 36 }).map((n) => n * 5),
    site: place,
    notBefore: minuteOf,
    horizonMinutes: fc.integer({ min: 60, max: 5 * 24 * 60 }),
  })
  .map(({ site, horizonMinutes, ...rest }) => ({
    ...rest,
    ...(site && { site }),
    travel: DEFAULT_TRAVEL_MODEL,
    notAfter: rest.notBefore + horizonMinutes * MINUTE,
  }));

describe('earliest grid starts (property-based)', () => {
  it('are the first starts gridStarts offers over all the windows, however many are asked', () => {
    fc.assert(
      fc.property(question, fc.constantFrom(5, 15, 30), fc.integer({ min: 0, max: 6 }), (q, grid, count) => {
        expect(earliestGridStarts(q, grid, count)).toEqual(gridStarts(startWindows(q), grid).slice(0, count));
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('travel minutes', () => {
  it("are estimateTravel's minutes, 0 without an estimate", () => {
    fc.assert(
      fc.property(place, place, (a, b) => {
        expect(travelMinutes(a, b, DEFAULT_TRAVEL_MODEL)).toBe(
          estimateTravel(a, b, DEFAULT_TRAVEL_MODEL)?.minutes ?? 0,
        );
      }),
      { numRuns: 1_000 },
    );
  });
});
