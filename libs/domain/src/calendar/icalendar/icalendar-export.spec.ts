import type { CalendarLayer } from '../calendar-layer';
import { DomainError } from '../../kernel/domain-error';
import { calendarLayerToICalendar } from './icalendar-export';

const NOW = '2026-03-25T09:15:00Z';

const milanOffice: CalendarLayer = {
  name: 'Milan office, Rossi',
  timeZone: 'Europe/Rome',
  weeklyHours: {
    mon: [
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ],
    tue: [
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ],
    fri: [{ from: '22:00', to: '06:00' }],
  },
  holidays: { country: 'IT' },
  exceptions: [
    { kind: 'closed', from: '2026-08-10', to: '2026-08-21', reason: 'Annual leave; summer, part 1' },
    { kind: 'open', from: '2026-04-04T09:00', to: '2026-04-04T13:00', reason: 'Saturday stock-take' },
  ],
};

function lines(text: string): string[] {
  return text.split('\r\n');
}

describe('calendarLayerToICalendar', () => {
  const text = calendarLayerToICalendar(milanOffice, { calendarId: 'cal-42', now: NOW });

  it('writes a VCALENDAR naming the layer and its zone, with CRLF line ends', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        'X-WR-CALNAME:Milan office\\, Rossi',
        'X-WR-TIMEZONE:Europe/Rome',
        'X-FIELDSTREAM-HOLIDAYS:IT',
        'X-FIELDSTREAM-WEEKLY-HOURS:RESTRICTED',
      ]),
    );
  });

  it('carries a VTIMEZONE for the zone with its yearly DST rules', () => {
    expect(text).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT',
    );
  });

  it('writes days sharing hours as one weekly event starting in the week of now', () => {
    const morning = text
      .split('BEGIN:VEVENT')
      .find((e) => e.includes('DTSTART;TZID=Europe/Rome:20260323T080000'));
    expect(morning).toContain('DTEND;TZID=Europe/Rome:20260323T120000');
    expect(morning).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,TU');
    expect(morning).toContain('TRANSP:TRANSPARENT');
    expect(morning).toContain('CATEGORIES:working-hours');
    const night = text.split('BEGIN:VEVENT').find((e) => e.includes('BYDAY=FR'));
    expect(night).toContain('DTSTART;TZID=Europe/Rome:20260327T220000');
    expect(night).toContain('DTEND;TZID=Europe/Rome:20260328T060000');
  });

  it('writes whole-day closures as all-day events ending the day after, reason as SUMMARY', () => {
    const leave = text.split('BEGIN:VEVENT').find((e) => e.includes('CATEGORIES:closed'));
    expect(leave).toContain('DTSTART;VALUE=DATE:20260810');
    expect(leave).toContain('DTEND;VALUE=DATE:20260822');
    expect(leave).toContain('SUMMARY:Annual leave\\; summer\\, part 1');
    expect(leave).toContain('TRANSP:OPAQUE');
    const opening = text.split('BEGIN:VEVENT').find((e) => e.includes('CATEGORIES:open'));
    expect(opening).toContain('DTSTART;TZID=Europe/Rome:20260404T090000');
    expect(opening).toContain('DTSTAMP:20260325T091500Z');
  });

  it('is byte-identical for the same layer and now, and UIDs depend on content only', () => {
    expect(calendarLayerToICalendar(milanOffice, { calendarId: 'cal-42', now: NOW })).toBe(text);
    const later = calendarLayerToICalendar(milanOffice, {
      calendarId: 'cal-42',
      now: '2026-03-26T10:00:00Z',
    });
    const uids = (t: string) => t.match(/^UID:.*$/gm);
    expect(uids(later)).toEqual(uids(text));
    const otherCalendar = calendarLayerToICalendar(milanOffice, { calendarId: 'cal-43', now: NOW });
    expect(uids(otherCalendar)).not.toEqual(uids(text));
  });

  it('keeps UIDs unique when the same exception is listed twice', () => {
    const twice = calendarLayerToICalendar(
      {
        name: 'x',
        timeZone: 'UTC',
        exceptions: [
          { kind: 'closed', from: '2026-05-01', to: '2026-05-01', reason: 'Off' },
          { kind: 'closed', from: '2026-05-01', to: '2026-05-01', reason: 'Off' },
        ],
      },
      { calendarId: 'c', now: NOW },
    );
    const uids = twice.match(/^UID:.*$/gm) ?? [];
    expect(new Set(uids).size).toBe(2);
  });

  it('expands the holidays of the requested years as closed all-day events', () => {
    const withHolidays = calendarLayerToICalendar(milanOffice, {
      calendarId: 'cal-42',
      now: NOW,
      holidayYears: { from: 2026, to: 2026 },
    });
    const christmas = withHolidays
      .split('BEGIN:VEVENT')
      .find((e) => e.includes('DTSTART;VALUE=DATE:20261225'));
    expect(christmas).toContain('CATEGORIES:holiday');
    expect(christmas).toContain('SUMMARY:Natale');
  });

  it('writes a subdivision and closing types into the holiday rule', () => {
    const bavaria = calendarLayerToICalendar(
      {
        name: 'Munich',
        timeZone: 'Europe/Berlin',
        holidays: { country: 'DE', subdivision: 'BY', closedTypes: ['public', 'bank'] },
      },
      { calendarId: 'c', now: NOW },
    );
    expect(lines(bavaria)).toContain('X-FIELDSTREAM-HOLIDAYS;X-CLOSED-TYPES="public,bank":DE;BY');
    expect(bavaria).not.toContain('X-FIELDSTREAM-WEEKLY-HOURS');
  });

  it('refuses an unknown zone and mixed exception bounds with a DomainError', () => {
    expect(() =>
      calendarLayerToICalendar({ ...milanOffice, timeZone: 'Europe/Milano' }, { calendarId: 'c', now: NOW }),
    ).toThrow(DomainError);
    expect(() =>
      calendarLayerToICalendar(
        {
          ...milanOffice,
          exceptions: [{ kind: 'closed', from: '2026-05-01', to: '2026-05-01T10:00', reason: 'x' }],
        },
        { calendarId: 'c', now: NOW },
      ),
    ).toThrow(expect.objectContaining({ code: 'mixed_exception_bounds' }));
  });
});
