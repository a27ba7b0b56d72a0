import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import {
  DAY_MS,
  epochDayOfDate,
  epochDayOfIsoDate,
  startOfLocalDay,
  wallMsOfIsoDateTime,
} from './zone-offsets';
import { DST_EDGE_ZONES } from './testing/dst-edge-zones';

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Dates and date-times as people write them, some that do not exist (31 April, 29 February 2027, 24:00). */
const isoDate = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
const isoTime = fc
  .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }))
  .map(([h, m]) => `${pad(h, 2)}:${pad(m, 2)}`);

/** Temporal's answer, or undefined where it refuses the text. */
function temporal<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

describe('dates and date-times read by hand', () => {
  it("read 'YYYY-MM-DD' as Temporal.PlainDate does, and leave what does not exist to it", () => {
    fc.assert(
      fc.property(isoDate, (text) => {
        const date = temporal(() => Temporal.PlainDate.from(text));
        expect(epochDayOfIsoDate(text)).toBe(date && epochDayOfDate(date));
      }),
      { numRuns: 5_000 },
    );
  });

  it("read 'YYYY-MM-DDTHH:MM' as Temporal.PlainDateTime does, and leave what does not exist to it", () => {
    fc.assert(
      fc.property(isoDate, isoTime, (date, time) => {
        const text = `${date}T${time}`;
        const read = wallMsOfIsoDateTime(text);
        const dateTime = temporal(() => Temporal.PlainDateTime.from(text));
        if (read === undefined) {
          // Only what Temporal refuses, or 24:00 (which it reads its own way), is left to it.
          if (dateTime) expect(time).toBe('24:00');
        } else {
          expect(dateTime).toBeDefined();
          expect(read).toBe(
            epochDayOfDate(dateTime!) * DAY_MS + dateTime!.hour * 3_600_000 + dateTime!.minute * 60_000,
          );
        }
      }),
      { numRuns: 5_000 },
    );
  });

  it('leave every other form to Temporal', () => {
    for (const text of [
      '2026-08-14T08:00:00',
      '2026-08-14 08:00',
      '2026-08-14t08:00',
      '20260814',
      '+002026-08-14',
    ]) {
      expect(epochDayOfIsoDate(text)).toBeUndefined();
      expect(wallMsOfIsoDateTime(text)).toBeUndefined();
    }
    expect(epochDayOfIsoDate('2026-08-14T08:00')).toBeUndefined();
    expect(epochDayOfIsoDate('2026-08-1x')).toBeUndefined();
  });
});

describe('the start of a local day', () => {
  const zones = DST_EDGE_ZONES;

  it("is Temporal's start of that day, at and away from transitions", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: epochDayOfIsoDate('2010-01-01')!, max: epochDayOfIsoDate('2030-12-31')! }),
        (timeZone, epochDay) => {
          const date = Temporal.PlainDate.from('1970-01-01').add({ days: epochDay });
          expect(startOfLocalDay(epochDay, timeZone)).toBe(
            date.toZonedDateTime({ timeZone }).epochMilliseconds,
          );
        },
      ),
      { numRuns: 3_000 },
    );
  });
});
