import { Temporal } from 'temporal-polyfill';
import { occurrencesBetween, recurrenceProblem } from './plan-recurrence';

const ROME = 'Europe/Rome';
const isoWeekday = (day: string) => Temporal.PlainDate.from(day).dayOfWeek;

describe('occurrencesBetween', () => {
  it('every 6 months on the first Monday', () => {
    expect(
      occurrencesBetween('FREQ=MONTHLY;INTERVAL=6;BYDAY=1MO', '2026-01-01', ROME, '2026-01-01', '2027-12-31'),
    ).toEqual(['2026-01-05', '2026-07-06', '2027-01-04', '2027-07-05']);
  });

  it('weekly, on the weekday of the start date', () => {
    expect(occurrencesBetween('FREQ=WEEKLY', '2026-03-04', ROME, '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-04',
      '2026-03-11',
      '2026-03-18',
      '2026-03-25',
    ]);
  });

  it('yearly on a date; a yearly rule from 29 February falls on leap years only (RFC 5545)', () => {
    expect(
      occurrencesBetween(
        'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=8',
        '2025-12-08',
        ROME,
        '2025-01-01',
        '2028-12-31',
      ),
    ).toEqual(['2025-12-08', '2026-12-08', '2027-12-08', '2028-12-08']);
    expect(occurrencesBetween('FREQ=YEARLY', '2024-02-29', ROME, '2024-01-01', '2030-12-31')).toEqual([
      '2024-02-29',
      '2028-02-29',
    ]);
  });

  it('includes both bounds of the window, and nothing outside it', () => {
    const weekly = (from: string, to: string) =>
      occurrencesBetween('FREQ=WEEKLY', '2026-03-04', ROME, from, to);
    expect(weekly('2026-03-11', '2026-03-11')).toEqual(['2026-03-11']);
    expect(weekly('2026-03-11', '2026-03-18')).toEqual(['2026-03-11', '2026-03-18']);
    expect(weekly('2026-03-12', '2026-03-17')).toEqual([]);
    expect(weekly('2026-03-18', '2026-03-11')).toEqual([]);
  });

  it.each(['Pacific/Auckland', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'gives the local day in %s: the first Monday is the site’s first Monday',
    (timeZone) => {
      const days = occurrencesBetween(
        'FREQ=MONTHLY;BYDAY=1MO',
        '2026-01-01',
        timeZone,
        '2026-01-01',
        '2026-06-30',
      );
      expect(days).toEqual([
        '2026-01-05',
        '2026-02-02',
        '2026-03-02',
        '2026-04-06',
        '2026-05-04',
        '2026-06-01',
      ]);
      expect(days.map(isoWeekday)).toEqual([1, 1, 1, 1, 1, 1]);
      expect(
        occurrencesBetween('FREQ=WEEKLY;BYDAY=MO', '2026-03-01', timeZone, '2026-03-01', '2026-03-31'),
      ).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    },
  );

  it('keeps the day on which summer time starts at midnight (America/Santiago, 6 September 2026)', () => {
    expect(
      occurrencesBetween('FREQ=DAILY', '2026-01-01', 'America/Santiago', '2026-09-04', '2026-09-08'),
    ).toEqual(['2026-09-04', '2026-09-05', '2026-09-06', '2026-09-07', '2026-09-08']);
    expect(
      occurrencesBetween(
        'FREQ=WEEKLY;BYDAY=SU',
        '2026-01-01',
        'America/Santiago',
        '2026-09-01',
        '2026-09-30',
      ),
    ).toEqual(['2026-09-06', '2026-09-13', '2026-09-20', '2026-09-27']);
  });

  it('starts no earlier than a start date in the future', () => {
    expect(occurrencesBetween('FREQ=WEEKLY', '2026-03-18', ROME, '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-18',
      '2026-03-25',
    ]);
    expect(occurrencesBetween('FREQ=WEEKLY', '2026-04-01', ROME, '2026-03-01', '2026-03-31')).toEqual([]);
  });

  it('ends with COUNT, counted from the start date, not from the window', () => {
    expect(occurrencesBetween('FREQ=WEEKLY;COUNT=3', '2026-03-04', ROME, '2026-03-01', '2026-04-30')).toEqual(
      ['2026-03-04', '2026-03-11', '2026-03-18'],
    );
    expect(occurrencesBetween('FREQ=WEEKLY;COUNT=3', '2026-03-04', ROME, '2026-03-12', '2026-04-30')).toEqual(
      ['2026-03-18'],
    );
    expect(occurrencesBetween('FREQ=DAILY;COUNT=3', '2020-03-04', ROME, '2026-03-01', '2026-04-30')).toEqual(
      [],
    );
  });

  it('ends with UNTIL: a date includes that day in any zone; a date-time is an instant', () => {
    for (const timeZone of [ROME, 'Pacific/Auckland', 'America/Los_Angeles']) {
      expect(
        occurrencesBetween('FREQ=WEEKLY;UNTIL=20260318', '2026-03-04', timeZone, '2026-03-01', '2026-04-30'),
      ).toEqual(['2026-03-04', '2026-03-11', '2026-03-18']);
      expect(
        occurrencesBetween(
          'FREQ=WEEKLY;UNTIL=20260318T235959Z',
          '2026-03-04',
          timeZone,
          '2026-03-01',
          '2026-04-30',
        ),
      ).toEqual(['2026-03-04', '2026-03-11', '2026-03-18']);
    }
    // Midnight UTC on the 18th comes before the 18th's visit in Rome (and after it in Auckland).
    expect(
      occurrencesBetween(
        'FREQ=WEEKLY;UNTIL=20260318T000000Z',
        '2026-03-04',
        ROME,
        '2026-03-01',
        '2026-04-30',
      ),
    ).toEqual(['2026-03-04', '2026-03-11']);
  });

  it('accepts the RRULE: prefix and lower case', () => {
    const expected = ['2026-03-04', '2026-03-11'];
    expect(occurrencesBetween('RRULE:FREQ=WEEKLY', '2026-03-04', ROME, '2026-03-01', '2026-03-15')).toEqual(
      expected,
    );
    expect(occurrencesBetween('freq=weekly', '2026-03-04', ROME, '2026-03-01', '2026-03-15')).toEqual(
      expected,
    );
  });
});

describe('recurrenceProblem', () => {
  it.each([
    'FREQ=MONTHLY;INTERVAL=6;BYDAY=1MO',
    'FREQ=WEEKLY;BYDAY=MO,TH',
    'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=8',
    'FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR',
    'FREQ=DAILY;INTERVAL=10',
    'RRULE:FREQ=WEEKLY',
    ' freq=weekly;count=4 ',
  ])('accepts %s', (rrule) => {
    expect(recurrenceProblem(rrule, '2026-01-01')).toBeUndefined();
  });

  it('accepts a rule that has already ended: validation reads no clock', () => {
    expect(recurrenceProblem('FREQ=DAILY;COUNT=2', '2020-01-01')).toBeUndefined();
    expect(recurrenceProblem('FREQ=WEEKLY;UNTIL=20200301', '2020-01-01')).toBeUndefined();
  });

  it.each([
    'junk',
    'FREQ=FORTNIGHTLY',
    'FREQ=WEEKLY;BYDAY=XX',
    'FREQ=DAILY;INTERVAL=0',
    'FREQ=DAILY;INTERVAL=1.5',
    'FREQ=DAILY;INTERVAL=2;COUNT=abc',
    'FREQ=MONTHLY;COUNT=',
    'FREQ=DAILY;UNTIL=garbage',
  ])('refuses junk: %s', (rrule) => {
    expect(recurrenceProblem(rrule, '2026-01-01')).toMatch(/^Not an RFC 5545 recurrence rule: /);
  });

  it.each([
    'FREQ=HOURLY',
    'FREQ=MINUTELY;INTERVAL=30',
    'FREQ=SECONDLY',
    'FREQ=DAILY;BYHOUR=9',
    'FREQ=WEEKLY;BYMINUTE=30',
    'FREQ=DAILY;BYSECOND=1',
    'freq=daily;byhour=9',
    'RRULE:BYHOUR=9;FREQ=DAILY',
    'BYHOUR=9;FREQ=DAILY',
  ])('refuses hours: %s', (rrule) => {
    expect(recurrenceProblem(rrule, '2026-01-01')).toBe(
      'Visits fall on days: use FREQ=DAILY, WEEKLY, MONTHLY or YEARLY without hours',
    );
  });

  it.each([
    'FREQ=DAILY\nDTSTART:20200101T000000Z',
    'FREQ=DAILY\r\nEXDATE:20260105T000000Z',
    'FREQ=DAILY;COUNT=1\rRRULE:FREQ=HOURLY',
  ])('refuses another property injected by a newline: %j', (rrule) => {
    expect(recurrenceProblem(rrule, '2026-01-01')).toBe(
      'One RRULE line only (no DTSTART or other properties)',
    );
  });

  it.each([
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
    'FREQ=MONTHLY;BYMONTH=4;BYMONTHDAY=31',
    'FREQ=DAILY;COUNT=0',
  ])('says that %s never falls on any day', (rrule) => {
    expect(recurrenceProblem(rrule, '2026-01-01')).toBe('The rule never falls on any day');
  });
});
