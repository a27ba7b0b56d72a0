import type { CalendarLayer } from '@fieldstream/domain';
import { siteClosedDay } from './site-closures';

describe('siteClosedDay', () => {
  describe('an Italian site without an access calendar', () => {
    const closed = siteClosedDay({ name: 'Filiale Milano', timeZone: 'Europe/Rome', country: 'IT' });

    it('is closed on Saturday and Sunday, not a working day', () => {
      expect(closed('2026-12-05')).toBe('Not a working day');
      expect(closed('2026-12-06')).toBe('Not a working day');
    });

    it('is closed on a public holiday, named', () => {
      expect(closed('2026-12-08')).toBe('Immacolata Concezione');
    });

    it('is open on a normal weekday', () => {
      expect(closed('2026-12-09')).toBeUndefined();
      expect(closed('2026-12-07')).toBeUndefined();
    });

    it('names the holiday of the day itself, not the one before it', () => {
      // Easter Monday follows Easter Sunday, St Stephen's Day follows Christmas: each has its own name.
      expect(closed('2026-04-06')).toBe('Lunedì dell’Angelo');
      expect(closed('2025-12-25')).toBe('Natale di Gesù');
      expect(closed('2025-12-26')).toBe('Santo Stefano');
    });

    it('answers the same for the same day, asked twice', () => {
      expect(closed('2026-12-08')).toBe(closed('2026-12-08'));
    });
  });

  describe('a site with its own access calendar', () => {
    const access: CalendarLayer = {
      name: 'Magazzino Bologna access',
      timeZone: 'Europe/Rome',
      weeklyHours: Object.fromEntries(
        (['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const).map((day) => [
          day,
          [{ from: '08:00', to: '12:00' }],
        ]),
      ),
      exceptions: [
        { kind: 'closed', from: '2026-08-10', to: '2026-08-14', reason: 'Site closed: inventory' },
      ],
    };
    const closed = siteClosedDay({
      name: 'Magazzino Bologna',
      timeZone: 'Europe/Rome',
      country: 'IT',
      accessCalendar: access,
    });

    it('is open on the days its calendar opens, Saturday included', () => {
      expect(closed('2026-08-01')).toBeUndefined();
      expect(closed('2026-08-03')).toBeUndefined();
    });

    it('is closed on a day without hours, in the calendar’s name, not a closure elsewhere in it', () => {
      expect(closed('2026-08-02')).toBe('Magazzino Bologna access: closed');
    });

    it('keeps a closure’s reason, every day of it', () => {
      expect(closed('2026-08-10')).toBe('Site closed: inventory');
      expect(closed('2026-08-14')).toBe('Site closed: inventory');
      expect(closed('2026-08-15')).not.toBe('Site closed: inventory');
    });

    it('is still closed on the country’s public holidays', () => {
      // Saturday 15 August (Ferragosto): the calendar opens, the holiday closes.
      expect(closed('2026-08-15')).toBe('Assunzione di Maria');
    });
  });

  describe('a German site', () => {
    const closed = siteClosedDay({ name: 'Werk München', timeZone: 'Europe/Berlin', country: 'DE' });
    const italian = siteClosedDay({ name: 'Filiale Milano', timeZone: 'Europe/Rome', country: 'IT' });

    it('is closed on German Unity Day, which is no holiday in Italy', () => {
      expect(closed('2025-10-03')).toBe('Tag der Deutschen Einheit');
      expect(italian('2025-10-03')).toBeUndefined();
    });

    it('names the weekend first when the holiday falls on one (3 October 2026 is a Saturday)', () => {
      expect(closed('2026-10-03')).toBe('Not a working day');
    });

    it('is open on Immacolata Concezione', () => {
      expect(closed('2026-12-08')).toBeUndefined();
    });
  });
});
