import { DomainError } from '../../kernel/domain-error';
import { isAvailable } from '../availability-queries';
import { calendarLayerFromICalendar } from './icalendar-import';

const crlf = (lines: string[]): string => `${lines.join('\r\n')}\r\n`;

// Hand-written in the shape Google Calendar exports (.ics of a personal calendar).
const google = crlf([
  'BEGIN:VCALENDAR',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'VERSION:2.0',
  'CALSCALE:GREGORIAN',
  'METHOD:PUBLISH',
  'X-WR-CALNAME:Giulia Bianchi',
  'X-WR-TIMEZONE:Europe/Rome',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Rome',
  'X-LIC-LOCATION:Europe/Rome',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20260810',
  'DTEND;VALUE=DATE:20260815',
  'DTSTAMP:20260320T101010Z',
  'UID:0a1b2c3d4e@google.com',
  'CREATED:20260301T090000Z',
  'SUMMARY:Ferie',
  'TRANSP:OPAQUE',
  'STATUS:CONFIRMED',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART:20260402T070000Z',
  'DTEND:20260402T090000Z',
  'DTSTAMP:20260320T101010Z',
  'UID:dentist@google.com',
  'SUMMARY:Dentista\\, via Torino',
  'TRANSP:OPAQUE',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;TZID=Europe/Rome:20260323T140000',
  'DTEND;TZID=Europe/Rome:20260323T150000',
  'RRULE:FREQ=WEEKLY;WKST=MO;UNTIL=20260420T115959Z;BYDAY=MO',
  'EXDATE;TZID=Europe/Rome:20260406T140000',
  'DTSTAMP:20260320T101010Z',
  'UID:standup@google.com',
  'SUMMARY:Team call',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;TZID=Europe/Rome:20260413T160000',
  'DTEND;TZID=Europe/Rome:20260413T170000',
  'RECURRENCE-ID;TZID=Europe/Rome:20260413T140000',
  'DTSTAMP:20260320T101010Z',
  'UID:standup@google.com',
  'SUMMARY:Team call (moved)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;TZID=Europe/Rome:20260325T190000',
  'DTEND;TZID=Europe/Rome:20260325T203000',
  'RRULE:FREQ=WEEKLY;BYDAY=WE',
  'DTSTAMP:20260320T101010Z',
  'UID:gym@google.com',
  'SUMMARY:Palestra',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART:20260403T080000Z',
  'DTEND:20260403T081500Z',
  'DTSTAMP:20260320T101010Z',
  'UID:reminder@google.com',
  'SUMMARY:Call back the client',
  'TRANSP:TRANSPARENT',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART:20260404T080000Z',
  'DTEND:20260404T090000Z',
  'DTSTAMP:20260320T101010Z',
  'UID:cancelled@google.com',
  'SUMMARY:Cancelled meeting',
  'STATUS:CANCELLED',
  'END:VEVENT',
  'END:VCALENDAR',
]);

// Hand-written in the shape Outlook exports: Windows zone names defined by the file's VTIMEZONE.
const outlook = crlf([
  'BEGIN:VCALENDAR',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  'VERSION:2.0',
  'METHOD:PUBLISH',
  'X-MS-OLK-FORCEINSPECTOROPEN:TRUE',
  'BEGIN:VTIMEZONE',
  'TZID:W. Europe Standard Time',
  'BEGIN:STANDARD',
  'DTSTART:16011028T030000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010325T020000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'CLASS:PUBLIC',
  'CREATED:20260310T101500Z',
  'DTEND;TZID="W. Europe Standard Time":20260415T103000',
  'DTSTAMP:20260320T101500Z',
  'DTSTART;TZID="W. Europe Standard Time":20260415T090000',
  'LAST-MODIFIED:20260310T101500Z',
  'PRIORITY:5',
  'SEQUENCE:0',
  'SUMMARY;LANGUAGE=it-it:Sopralluogo Bergamo',
  'TRANSP:OPAQUE',
  'UID:040000008200E00074C5B7101A82E00800000000B0C6F0A1',
  'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTEND;VALUE=DATE:20260502',
  'DTSTAMP:20260320T101500Z',
  'DTSTART;VALUE=DATE:20260501',
  'SUMMARY;LANGUAGE=it-it:Festa del lavoro',
  'TRANSP:OPAQUE',
  'UID:040000008200E00074C5B7101A82E00800000000B0C6F0A2',
  'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE',
  'X-MICROSOFT-CDO-BUSYSTATUS:OOF',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTEND;TZID="W. Europe Standard Time":20260326T083000',
  'DTSTAMP:20260320T101500Z',
  'DTSTART;TZID="W. Europe Standard Time":20260326T080000',
  'RRULE:FREQ=WEEKLY;COUNT=3;BYDAY=TH',
  'SUMMARY:Briefing',
  'TRANSP:OPAQUE',
  'UID:040000008200E00074C5B7101A82E00800000000B0C6F0A3',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTEND;TZID="W. Europe Standard Time":20260416T130000',
  'DTSTAMP:20260320T101500Z',
  'DTSTART;TZID="W. Europe Standard Time":20260416T120000',
  'SUMMARY:Lunch',
  'TRANSP:TRANSPARENT',
  'UID:040000008200E00074C5B7101A82E00800000000B0C6F0A4',
  'X-MICROSOFT-CDO-BUSYSTATUS:FREE',
  'END:VEVENT',
  'END:VCALENDAR',
]);

const options = { defaultTimeZone: 'Europe/Rome', expandUntil: '2026-04-16' };

function thrown(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw new Error(`expected a DomainError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected a DomainError, nothing thrown');
}

describe('calendarLayerFromICalendar: a Google-style feed', () => {
  const { layer, warnings } = calendarLayerFromICalendar(google, options);

  it('takes name and zone from X-WR-CALNAME / X-WR-TIMEZONE and leaves hours unrestricted', () => {
    expect(layer.name).toBe('Giulia Bianchi');
    expect(layer.timeZone).toBe('Europe/Rome');
    expect(layer.weeklyHours).toBeUndefined();
  });

  it('reads all-day events as whole days (end included), timed ones as local date-times', () => {
    expect(layer.exceptions).toEqual(
      expect.arrayContaining([
        { kind: 'closed', from: '2026-08-10', to: '2026-08-14', reason: 'Ferie' },
        // 07:00Z in April is 09:00 in Rome (summer time).
        { kind: 'closed', from: '2026-04-02T09:00', to: '2026-04-02T11:00', reason: 'Dentista, via Torino' },
      ]),
    );
  });

  it('expands recurring events up to the horizon, honouring EXDATE, UNTIL and moved occurrences', () => {
    const calls = layer.exceptions?.filter((e) => e.reason.startsWith('Team call'));
    expect(calls).toEqual([
      // Across the DST change of 29 March the wall clock stays at 14:00.
      { kind: 'closed', from: '2026-03-23T14:00', to: '2026-03-23T15:00', reason: 'Team call' },
      { kind: 'closed', from: '2026-03-30T14:00', to: '2026-03-30T15:00', reason: 'Team call' },
      { kind: 'closed', from: '2026-04-13T16:00', to: '2026-04-13T17:00', reason: 'Team call (moved)' },
    ]);
    const gym = layer.exceptions?.filter((e) => e.reason === 'Palestra').map((e) => e.from);
    expect(gym).toEqual(['2026-03-25T19:00', '2026-04-01T19:00', '2026-04-08T19:00', '2026-04-15T19:00']);
  });

  it('skips free (transparent) and cancelled events, saying so with their line', () => {
    expect(layer.exceptions?.some((e) => e.reason === 'Call back the client')).toBe(false);
    expect(layer.exceptions?.some((e) => e.reason === 'Cancelled meeting')).toBe(false);
    const lines = google.split('\r\n');
    const transparent = warnings.find((w) => w.code === 'transparent');
    expect(transparent?.uid).toBe('reminder@google.com');
    expect(lines[(transparent?.line ?? 0) - 1]).toBe('BEGIN:VEVENT');
    expect(warnings.map((w) => w.code)).toContain('cancelled');
  });

  it('honours expandFrom', () => {
    const recent = calendarLayerFromICalendar(google, { ...options, expandFrom: '2026-04-09' });
    expect(recent.layer.exceptions?.filter((e) => e.reason === 'Palestra').map((e) => e.from)).toEqual([
      '2026-04-15T19:00',
    ]);
  });

  it('gives a layer the availability queries can use', () => {
    expect(isAvailable([layer], '2026-04-02T07:30:00Z', '2026-04-02T08:00:00Z')).toEqual({
      available: false,
      blockedBy: {
        layer: 'Giulia Bianchi',
        reason: 'Dentista, via Torino',
        from: '2026-04-02T07:00:00Z',
        to: '2026-04-02T09:00:00Z',
      },
    });
  });
});

describe('calendarLayerFromICalendar: an Outlook-style export', () => {
  const { layer, warnings } = calendarLayerFromICalendar(outlook, options);

  it('resolves Windows zone names through the VTIMEZONE the file carries', () => {
    expect(layer.name).toBe('Imported calendar');
    expect(layer.exceptions).toEqual([
      { kind: 'closed', from: '2026-04-15T09:00', to: '2026-04-15T10:30', reason: 'Sopralluogo Bergamo' },
      { kind: 'closed', from: '2026-05-01', to: '2026-05-01', reason: 'Festa del lavoro' },
      // COUNT=3 across the DST change: 08:00 local each week.
      { kind: 'closed', from: '2026-03-26T08:00', to: '2026-03-26T08:30', reason: 'Briefing' },
      { kind: 'closed', from: '2026-04-02T08:00', to: '2026-04-02T08:30', reason: 'Briefing' },
      { kind: 'closed', from: '2026-04-09T08:00', to: '2026-04-09T08:30', reason: 'Briefing' },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(['transparent']);
  });

  it('converts timed events into the layer zone, keeps all-day events on their dates', () => {
    const london = calendarLayerFromICalendar(outlook, {
      ...options,
      defaultTimeZone: 'Europe/London',
    }).layer;
    expect(london.exceptions?.[0]).toEqual({
      kind: 'closed',
      from: '2026-04-15T08:00',
      to: '2026-04-15T09:30',
      reason: 'Sopralluogo Bergamo',
    });
    expect(london.exceptions?.[2]?.from).toBe('2026-03-26T07:00');
    expect(london.exceptions?.[1]).toEqual({
      kind: 'closed',
      from: '2026-05-01',
      to: '2026-05-01',
      reason: 'Festa del lavoro',
    });
  });
});

describe('calendarLayerFromICalendar: the DST week in Europe/Rome', () => {
  const feed = crlf([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'BEGIN:VEVENT',
    'UID:a',
    'DTSTAMP:20260320T000000Z',
    'DTSTART:20260329T003000Z',
    'DTEND:20260329T013000Z',
    'SUMMARY:Across the change',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:b',
    'DTSTAMP:20260320T000000Z',
    'DTSTART;VALUE=DATE:20260329',
    'SUMMARY:Sunday off',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:c',
    'DTSTAMP:20260320T000000Z',
    'DTSTART:20260328T220000',
    'DTEND:20260329T060000',
    'SUMMARY:Floating night',
    'END:VEVENT',
    'END:VCALENDAR',
  ]);

  it('reads UTC across spring-forward (01:30 CET to 03:30 CEST), all-day without DTEND as one day', () => {
    const { layer } = calendarLayerFromICalendar(feed, options);
    expect(layer.timeZone).toBe('Europe/Rome');
    expect(layer.exceptions).toEqual([
      { kind: 'closed', from: '2026-03-29T01:30', to: '2026-03-29T03:30', reason: 'Across the change' },
      { kind: 'closed', from: '2026-03-29', to: '2026-03-29', reason: 'Sunday off' },
      // Floating times are the layer's wall clock.
      { kind: 'closed', from: '2026-03-28T22:00', to: '2026-03-29T06:00', reason: 'Floating night' },
    ]);
    // The UTC hour 00:30–01:30 is one hour; the night is 7 real hours (one is skipped).
    expect(isAvailable([layer], '2026-03-29T00:45:00Z', '2026-03-29T01:00:00Z').available).toBe(false);
  });
});

describe('calendarLayerFromICalendar: bad input', () => {
  it('refuses what is not iCalendar', () => {
    const error = thrown(() => calendarLayerFromICalendar('{"events": []}', options));
    expect(error.code).toBe('not_icalendar');
    expect(thrown(() => calendarLayerFromICalendar('', options)).code).toBe('not_icalendar');
  });

  it('refuses a garbled line, naming it', () => {
    const error = thrown(() =>
      calendarLayerFromICalendar(
        crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', 'this is not a property', 'END:VCALENDAR']),
        options,
      ),
    );
    expect(error.code).toBe('invalid_icalendar');
    expect(error.details).toEqual({ line: 3 });
  });

  it('refuses an unterminated component', () => {
    const error = thrown(() =>
      calendarLayerFromICalendar(crlf(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:x']), options),
    );
    expect(error.code).toBe('invalid_icalendar');
  });

  it('refuses an event without DTSTART, naming its line and UID', () => {
    const error = thrown(() =>
      calendarLayerFromICalendar(
        crlf([
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'BEGIN:VEVENT',
          'UID:no-start',
          'SUMMARY:x',
          'END:VEVENT',
          'END:VCALENDAR',
        ]),
        options,
      ),
    );
    expect(error.code).toBe('missing_dtstart');
    expect(error.details).toEqual({ component: 'VEVENT', line: 3, uid: 'no-start' });
  });

  it('refuses a TZID that is neither IANA nor defined in the file, naming the property line', () => {
    const error = thrown(() =>
      calendarLayerFromICalendar(
        crlf([
          'BEGIN:VCALENDAR',
          'VERSION:2.0',
          'BEGIN:VEVENT',
          'UID:tz',
          'DTSTART;TZID=Mars/Olympus_Mons:20260401T090000',
          'DTEND;TZID=Mars/Olympus_Mons:20260401T100000',
          'END:VEVENT',
          'END:VCALENDAR',
        ]),
        options,
      ),
    );
    expect(error.code).toBe('unknown_time_zone');
    expect(error.details).toMatchObject({ line: 5, tzid: 'Mars/Olympus_Mons' });
  });

  it('refuses an unreadable date value without leaking an ical.js error', () => {
    const error = thrown(() =>
      calendarLayerFromICalendar(
        crlf(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:d', 'DTSTART:tomorrow', 'END:VEVENT', 'END:VCALENDAR']),
        options,
      ),
    );
    expect(error).toBeInstanceOf(DomainError);
  });

  it('warns about an unknown X-WR-TIMEZONE and falls back to the default zone', () => {
    const { layer, warnings } = calendarLayerFromICalendar(
      crlf(['BEGIN:VCALENDAR', 'X-WR-TIMEZONE:Somewhere/Else', 'END:VCALENDAR']),
      options,
    );
    expect(layer.timeZone).toBe('Europe/Rome');
    expect(warnings).toEqual([expect.objectContaining({ code: 'unknown_calendar_zone', line: 2 })]);
  });
});
