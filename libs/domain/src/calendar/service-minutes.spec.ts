import type { CalendarLayer } from './calendar-layer';
import { afterServiceMinutes } from './service-minutes';

const rome = (local: string) => Date.parse(`${local}+01:00`);
const officeHours: CalendarLayer = {
  name: 'Service hours',
  timeZone: 'Europe/Rome',
  weeklyHours: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, [{ from: '08:00', to: '18:00' }]]),
  ),
  holidays: { country: 'IT' },
};

describe('service minutes', () => {
  it('counts only open time: 8 service hours from Friday 16:00 end on Monday at 14:00', () => {
    expect(afterServiceMinutes([officeHours], rome('2026-11-27T16:00'), 8 * 60)).toBe(
      rome('2026-11-30T14:00'),
    );
  });

  it('starts counting at the next opening when asked outside hours, and skips a public holiday', () => {
    // Monday 7 December 2026 at 20:00; Tuesday 8 December is the Immaculate Conception.
    expect(afterServiceMinutes([officeHours], rome('2026-12-07T20:00'), 60)).toBe(rome('2026-12-09T09:00'));
  });

  it('is clock time without a calendar, and undefined for a calendar that never opens', () => {
    expect(afterServiceMinutes([], rome('2026-11-27T16:00'), 90)).toBe(rome('2026-11-27T17:30'));
    const never: CalendarLayer = { name: 'Never', timeZone: 'Europe/Rome', weeklyHours: {} };
    expect(afterServiceMinutes([never], rome('2026-11-27T16:00'), 60, 10)).toBeUndefined();
  });
});
