import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { vtimezoneFromIana } from './vtimezone-from-iana';

/** The UTC offset (minutes) ical.js reads from our VTIMEZONE for a local wall-clock time. */
function icalOffsetMinutes(vtimezone: ICAL.Component, local: Temporal.PlainDateTime): number {
  const zone = new ICAL.Timezone(vtimezone);
  const time = new ICAL.Time(
    {
      year: local.year,
      month: local.month,
      day: local.day,
      hour: local.hour,
      minute: local.minute,
      isDate: false,
    },
    zone,
  );
  return zone.utcOffset(time) / 60;
}

describe('vtimezoneFromIana', () => {
  it('writes explicit changes, then yearly rules for the last year', () => {
    const text = vtimezoneFromIana('Europe/Rome', 2026, 2026).toString();
    expect(text.split('\r\n')).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Rome',
      'BEGIN:STANDARD',
      'DTSTART:20251026T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:20260329T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:20261025T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it('writes a single standard observance for zones without DST', () => {
    const text = vtimezoneFromIana('Asia/Kolkata', 2026, 2026).toString();
    expect(text).toContain('TZOFFSETTO:+0530');
    expect(text).not.toContain('DAYLIGHT');
  });

  it.each([
    'Europe/Rome',
    'America/New_York',
    'Australia/Sydney',
    'Asia/Kolkata',
    'America/Sao_Paulo',
    'UTC',
  ])(
    'agrees with Temporal, as ical.js reads it, from the first year to well past the last (%s)',
    (timeZone) => {
      const vtimezone = vtimezoneFromIana(timeZone, 2025, 2026);
      // Noon on the 1st and 15th of every month for 8 years: both sides of every DST change.
      for (let year = 2025; year <= 2032; year++) {
        for (let month = 1; month <= 12; month++) {
          for (const day of [1, 15]) {
            const local = Temporal.PlainDateTime.from({ year, month, day, hour: 12 });
            const expected = local.toZonedDateTime(timeZone).offsetNanoseconds / 60e9;
            expect([timeZone, local.toString(), icalOffsetMinutes(vtimezone, local)]).toEqual([
              timeZone,
              local.toString(),
              expected,
            ]);
          }
        }
      }
    },
  );
});
