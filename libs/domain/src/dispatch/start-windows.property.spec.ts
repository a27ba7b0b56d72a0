import fc from 'fast-check';
import { mergeIntervals } from '../calendar/epoch-intervals';
import {
  type Booking,
  type SlotQuestion,
  gridStarts,
  naiveEarliestStart,
  startWindows,
  visitFits,
} from './start-windows';
import { DEFAULT_TRAVEL_MODEL, type GeoPoint } from './travel-estimate';

const MINUTE = 60_000;
const DAY0 = Date.UTC(2026, 10, 30); // a Monday
const GRID = 15;

/** Places around Milan, a few km to some tens of km apart: drives of minutes to an hour. */
const place: fc.Arbitrary<GeoPoint | undefined> = fc.option(
  fc.record({
    lat: fc.double({ min: 45.2, max: 45.8, noNaN: true }),
    lon: fc.double({ min: 8.9, max: 9.6, noNaN: true }),
  }),
  { nil: undefined, freq: 4 },
);
/** Minutes into a three-day span, on a 5-minute grid so ends often touch. */
const minuteOf = fc.integer({ min: 0, max: (3 * 24 * 60) / 5 }).map((n) => DAY0 + n * 5 * MINUTE);

const open = fc
  .array(
    fc.tuple(
      minuteOf,
      fc.integer({ min: 1, max: 120 }).map((n) => n * 5 * MINUTE),
    ),
    { maxLength: 6 },
  )
  .map((stretches) => mergeIntervals(stretches.map(([from, length]) => ({ from, to: from + length }))));

const bookings: fc.Arbitrary<Booking[]> = fc
  .array(
    fc.record({
      from: minuteOf,
      length: fc.integer({ min: 3, max: 48 }).map((n) => n * 5 * MINUTE),
      location: place,
    }),
    { maxLength: 8 },
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
    open,
    bookings,
    durationMinutes: fc.integer({ min: 1, max: 36 }).map((n) => n * 5),
    site: place,
    notBefore: minuteOf,
    horizonMinutes: fc.integer({ min: 60, max: 3 * 24 * 60 }),
  })
  .map(({ site, horizonMinutes, ...rest }) => ({
    ...rest,
    ...(site && { site }),
    travel: DEFAULT_TRAVEL_MODEL,
    notAfter: rest.notBefore + horizonMinutes * MINUTE,
  }));

describe('start windows (property-based, against brute force)', () => {
  it('the earliest start on the grid is the earliest a scan of every grid step finds', () => {
    fc.assert(
      fc.property(question, (q) => {
        const [earliest] = gridStarts(startWindows(q), GRID);
        expect(earliest).toBe(naiveEarliestStart(q, GRID));
      }),
      { numRuns: 2_000 },
    );
  });

  it('every start a window offers fits: inside one open stretch, clear of every booking and its drives', () => {
    fc.assert(
      fc.property(question, fc.integer({ min: 0, max: 1_000 }), (q, pick) => {
        for (const window of startWindows(q)) {
          const inside = window.earliest + ((window.latest - window.earliest) * pick) / 1_000;
          for (const start of [window.earliest, inside, window.latest]) {
            expect(start).toBeGreaterThanOrEqual(q.notBefore);
            expect(start).toBeLessThanOrEqual(q.notAfter);
            expect(visitFits(q, start, q.durationMinutes * MINUTE)).toBe(true);
          }
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('no allowed start lies outside the windows: a minute before or after one does not fit, unless another window holds it', () => {
    fc.assert(
      fc.property(question, (q) => {
        const windows = startWindows(q);
        const inAny = (t: number) => windows.some((w) => w.earliest <= t && t <= w.latest);
        for (const window of windows) {
          for (const t of [window.earliest - MINUTE, window.latest + MINUTE]) {
            if (t < q.notBefore || t > q.notAfter || inAny(t)) continue;
            expect(visitFits(q, t, q.durationMinutes * MINUTE)).toBe(false);
          }
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('start windows (examples)', () => {
  const at = (hh: number, mm = 0) => DAY0 + (hh * 60 + mm) * MINUTE;
  const duomo = { lat: 45.4642, lon: 9.19 };
  const monza = { lat: 45.5845, lon: 9.2744 };

  it('leaves the drive from the previous appointment and to the next one free', () => {
    const q: SlotQuestion = {
      open: [{ from: at(8), to: at(17) }],
      bookings: [
        { id: 'A', from: at(8), to: at(10), location: monza, label: 'A' },
        { id: 'B', from: at(13), to: at(14), location: monza, label: 'B' },
      ],
      durationMinutes: 60,
      site: duomo,
      travel: DEFAULT_TRAVEL_MODEL,
      notBefore: at(8),
      notAfter: at(17),
    };
    // Monza–Duomo: about 15 km in a straight line, ~19.5 km by road at 40 km/h: 30 minutes.
    const windows = startWindows(q);
    expect(windows).toEqual([
      { earliest: at(10, 30), latest: at(11, 30) },
      { earliest: at(14, 30), latest: at(16) },
    ]);
    expect(gridStarts(windows, GRID)).toEqual([at(10, 30), at(14, 30)]);
  });

  it('does not split a visit over a closed stretch, and offers nothing in a window narrower than a grid step', () => {
    const q: SlotQuestion = {
      open: [
        { from: at(8), to: at(12) },
        { from: at(13), to: at(17) },
      ],
      bookings: [{ id: 'A', from: at(8), to: at(10, 50), label: 'A' }],
      durationMinutes: 70,
      travel: DEFAULT_TRAVEL_MODEL,
      notBefore: at(8),
      notAfter: at(17),
    };
    // 10:50–12:00 fits 70 minutes from 10:50 only: no quarter hour, so the afternoon it is.
    expect(startWindows(q)).toEqual([
      { earliest: at(10, 50), latest: at(10, 50) },
      { earliest: at(13), latest: at(15, 50) },
    ]);
    expect(gridStarts(startWindows(q), GRID)).toEqual([at(13)]);
  });
});
