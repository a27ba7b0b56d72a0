import ICAL from 'ical.js';
import { type AgendaFeed, type AgendaFeedEvent, agendaFeedToICalendar } from './agenda-feed-icalendar';

const boiler: AgendaFeedEvent = {
  uid: 'ap-1.feed-1@fieldstream',
  start: '2026-12-15T08:00:00.000Z',
  end: '2026-12-15T10:00:00.000Z',
  timeZone: 'Europe/Rome',
  status: 'confirmed',
  sequence: 2,
  created: '2026-12-01T09:00:00.000Z',
  lastModified: '2026-12-02T10:30:00.000Z',
  summary: 'SR-1234abcd · ACME S.p.A., Milano — The boiler does not start; error E04',
  location: 'ACME Milano, Via Torino 1, 20123 Milano, IT',
  description:
    'Priority: high\nContact: Anna; +39 02 1234567\n\nThe boiler does not start; error E04 on the display.',
  geo: { latitude: 45.4628, longitude: 9.1857 },
  url: 'https://fieldstream.example.com/app/my/requests/1234abcd',
  priority: 3,
};

const feed: AgendaFeed = {
  name: 'Fieldstream, Mario Rossi',
  timeZone: 'Europe/Rome',
  refreshMinutes: 15,
  window: { from: '2026-10-28T00:00:00.000Z', to: '2027-02-25T00:00:00.000Z' },
  events: [
    boiler,
    {
      ...boiler,
      uid: 'ap-2.feed-1@fieldstream',
      start: '2026-12-16T14:00:00.000Z',
      end: '2026-12-16T15:00:00.000Z',
      timeZone: 'Europe/London',
      status: 'cancelled',
      sequence: 1,
      summary: 'Cancelled: SR-99',
      geo: undefined,
      url: undefined,
      priority: undefined,
    } as AgendaFeedEvent,
  ],
};

const text = agendaFeedToICalendar(feed);
const calendar = new ICAL.Component(ICAL.parse(text));
const events = calendar.getAllSubcomponents('vevent');

describe('agendaFeedToICalendar', () => {
  it('is a published Gregorian calendar named after the feed, to refresh every quarter of an hour', () => {
    expect(
      text.startsWith('BEGIN:VCALENDAR\r\nPRODID:-//Fieldstream//Agenda feed//EN\r\nVERSION:2.0\r\n'),
    ).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(text).toContain('\r\nX-WR-CALNAME:Fieldstream\\, Mario Rossi\r\n');
    expect(text).toContain('\r\nX-WR-TIMEZONE:Europe/Rome\r\n');
    expect(text).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT15M\r\n');
    expect(text).toContain('\r\nX-PUBLISHED-TTL:PT15M\r\n');
  });

  it('writes each time in its site zone, with a VTIMEZONE for every zone used', () => {
    const zones = calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'));
    expect(zones).toEqual(['Europe/London', 'Europe/Rome']);
    expect(text).toContain(
      'DTSTART;TZID=Europe/Rome:20261215T090000\r\nDTEND;TZID=Europe/Rome:20261215T110000',
    );
    expect(text).toContain('DTSTART;TZID=Europe/London:20261216T140000');
    // Read back through the file's own VTIMEZONEs, as a phone would, the instants are the same.
    for (const vtimezone of calendar.getAllSubcomponents('vtimezone'))
      ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
    try {
      const instants = events.map((event) => new ICAL.Event(event).startDate.toJSDate().toISOString());
      expect(instants).toEqual(['2026-12-15T08:00:00.000Z', '2026-12-16T14:00:00.000Z']);
    } finally {
      ICAL.TimezoneService.reset();
    }
  });

  it('describes an appointment: UID, stamps, sequence, status, place, text, link and priority', () => {
    const event = events[0]!;
    const value = (name: string) => event.getFirstPropertyValue(name)?.toString();
    expect(value('uid')).toBe('ap-1.feed-1@fieldstream');
    expect(value('dtstamp')).toBe('2026-12-02T10:30:00Z');
    expect(value('last-modified')).toBe('2026-12-02T10:30:00Z');
    expect(value('created')).toBe('2026-12-01T09:00:00Z');
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
    expect(value('status')).toBe('CONFIRMED');
    expect(value('transp')).toBe('OPAQUE');
    expect(value('summary')).toBe(boiler.summary);
    expect(value('location')).toBe(boiler.location);
    expect(value('description')).toBe(boiler.description);
    expect(event.getFirstPropertyValue('geo')).toEqual([45.4628, 9.1857]);
    expect(value('url')).toBe(boiler.url);
    expect(event.getFirstPropertyValue('priority')).toBe(3);
    // Escaped as RFC 5545 says: commas and semicolons in text, newlines as \n.
    expect(text.replace(/\r\n /g, '')).toContain(
      'SUMMARY:SR-1234abcd · ACME S.p.A.\\, Milano — The boiler does not start\\; error E04\r\n',
    );
  });

  it('keeps a cancelled appointment, cancelled and free, so that phones drop it', () => {
    const cancelled = events[1]!;
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(cancelled.getFirstPropertyValue('sequence')).toBe(1);
    expect(cancelled.hasProperty('geo')).toBe(false);
    expect(cancelled.hasProperty('url')).toBe(false);
  });

  it('folds every line within 75 octets and ends each with CRLF', () => {
    const long = agendaFeedToICalendar({
      ...feed,
      events: [{ ...boiler, description: `Caldaia: è l'ora di ${'un lungo testo '.repeat(40)}` }],
    });
    expect(long).not.toMatch(/[^\r]\n/);
    for (const line of long.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const parsed = new ICAL.Component(ICAL.parse(long));
    expect(parsed.getFirstSubcomponent('vevent')!.getFirstPropertyValue('description')).toBe(
      `Caldaia: è l'ora di ${'un lungo testo '.repeat(40)}`,
    );
  });

  it('writes in UTC a time the zone cannot name alone: the repeated hour, an unknown zone', () => {
    const ambiguous = agendaFeedToICalendar({
      ...feed,
      events: [
        // 02:30 happens twice in Rome on 25 October 2026; this is the second one (CET).
        { ...boiler, start: '2026-10-25T01:30:00.000Z', end: '2026-10-25T03:00:00.000Z' },
        { ...boiler, uid: 'ap-3', timeZone: 'Mars/Olympus_Mons' },
      ],
    });
    expect(ambiguous).toContain('DTSTART:20261025T013000Z\r\nDTEND;TZID=Europe/Rome:20261025T040000');
    expect(ambiguous).toContain('DTSTART:20261215T080000Z\r\nDTEND:20261215T100000Z');
    expect(ambiguous).not.toContain('TZID:Mars');
  });

  it('gives the same bytes for the same feed', () => {
    expect(agendaFeedToICalendar(feed)).toBe(text);
  });
});
