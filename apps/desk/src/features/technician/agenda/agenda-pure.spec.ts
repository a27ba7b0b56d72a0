import { agendaEntryOf } from '../testing/agenda-entry-of';
import { agendaEvents } from './agenda-events';
import { agendaListRange } from './agenda-list-range';
import { dayKey } from './day-key';
import { groupAgendaByDay } from './group-agenda-by-day';
import { mapsLinks } from './maps-links';
import { nextDay } from './next-day';
import { parseAgendaView } from './parse-agenda-view';

const at = (iso: string) => new Date(iso);

describe('groupAgendaByDay', () => {
  it('groups by day in the agenda time zone, days in order, appointments by start', () => {
    const entries = [
      agendaEntryOf('late', at('2026-11-27T15:00:00Z'), 60),
      agendaEntryOf('next', at('2026-11-28T08:00:00Z'), 60),
      agendaEntryOf('early', at('2026-11-27T07:00:00Z'), 60),
      // 23:30 UTC is already the 28th in Rome.
      agendaEntryOf('night', at('2026-11-27T23:30:00Z'), 30),
    ];
    const days = groupAgendaByDay(entries, { timeZone: 'Europe/Rome', today: '2026-11-27' });
    expect(days.map((d) => [d.day, d.entries.map((e) => e.appointmentId)])).toEqual([
      ['2026-11-27', ['A-early', 'A-late']],
      ['2026-11-28', ['A-night', 'A-next']],
    ]);
    expect(groupAgendaByDay(entries, { timeZone: 'UTC', today: '2026-11-27' })[0]?.entries).toHaveLength(3);
  });

  it('puts an appointment still running since yesterday under today', () => {
    const running = agendaEntryOf('running', at('2026-11-26T22:00:00Z'), 600);
    const days = groupAgendaByDay([running], { timeZone: 'UTC', today: '2026-11-27' });
    expect(days).toEqual([{ day: '2026-11-27', entries: [running] }]);
  });

  it('breaks ties by end, then by appointment', () => {
    const start = at('2026-11-27T08:00:00Z');
    const days = groupAgendaByDay(
      [agendaEntryOf('b', start, 60), agendaEntryOf('long', start, 120), agendaEntryOf('a', start, 60)],
      { timeZone: 'UTC', today: '2026-11-27' },
    );
    expect(days[0]?.entries.map((e) => e.appointmentId)).toEqual(['A-a', 'A-b', 'A-long']);
  });
});

describe('agenda days and ranges', () => {
  it('names the day of an instant in a zone', () => {
    expect(dayKey('2026-11-27T23:30:00Z', 'UTC')).toBe('2026-11-27');
    expect(dayKey('2026-11-27T23:30:00Z', 'Europe/Rome')).toBe('2026-11-28');
    expect(dayKey('2026-11-28T02:00:00Z', 'America/New_York')).toBe('2026-11-27');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('lists from the start of today for fifteen calendar days', () => {
    const now = new Date(2026, 10, 27, 16, 45);
    const range = agendaListRange(now);
    expect(range.from).toBe(new Date(2026, 10, 27).toISOString());
    expect(range.to).toBe(new Date(2026, 11, 12).toISOString());
  });

  it('reads the view from the address, the list otherwise', () => {
    expect(parseAgendaView('week')).toBe('week');
    expect(parseAgendaView('month')).toBe('month');
    expect(parseAgendaView(null)).toBe('list');
    expect(parseAgendaView('year')).toBe('list');
  });
});

describe('mapsLinks', () => {
  it('links to navigation and to OpenStreetMap when the position is known', () => {
    expect(mapsLinks(45.46, 9.19)).toEqual({
      geo: 'geo:45.46,9.19',
      web: 'https://www.openstreetmap.org/?mlat=45.46&mlon=9.19#map=17/45.46/9.19',
    });
    expect(mapsLinks(undefined, 9.19)).toBeUndefined();
    expect(mapsLinks(45.46, Number.NaN)).toBeUndefined();
  });
});

describe('agendaEvents', () => {
  it('marks suspended appointments in words and links every event to its sheet', () => {
    const events = agendaEvents(
      [
        agendaEntryOf('1', at('2026-11-27T08:00:00Z'), 60, { request: { priority: 'critical' } }),
        agendaEntryOf('2', at('2026-11-27T10:00:00Z'), 60, { status: 'suspended' }),
      ],
      {
        title: (e) => e.request?.reference ?? '?',
        suspended: 'Suspended',
        url: (e) => `/sheet/${e.requestId}`,
      },
    );
    expect(events.map((e) => [e.title, e.url, e.classNames])).toEqual([
      ['SR-1', '/sheet/R-1', []],
      ['Suspended · SR-2', '/sheet/R-2', ['agenda-event-suspended']],
    ]);
    expect(events[0]?.backgroundColor).not.toBe(events[1]?.backgroundColor);
  });
});
