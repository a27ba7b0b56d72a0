import type { CalendarLayer, Weekday } from '../calendar/calendar-layer';
import { instantAfterServiceMs, serviceMsBetween, serviceStretches } from './service-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Instants written with their offset, so each example says which side of a DST change it is on. */
const t = (isoWithOffset: string) => Date.parse(isoWithOffset);
const WORKING_DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const ALL_DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

const hours = (timeZone: string, days: Weekday[], from: string, to: string): CalendarLayer => ({
  name: `${from}–${to} in ${timeZone}`,
  timeZone,
  weeklyHours: Object.fromEntries(days.map((day) => [day, [{ from, to }]])),
});
/** A contract's service calendar: office hours 08–18 Monday to Friday, Italian public holidays closed. */
const officeRome: CalendarLayer = {
  ...hours('Europe/Rome', WORKING_DAYS, '08:00', '18:00'),
  holidays: { country: 'IT' },
};

describe('service time in office hours (Europe/Rome, 08–18 Mon–Fri, IT holidays)', () => {
  it('skips the weekend: 8 service hours from Friday 16:00 end on Monday at 14:00', () => {
    const friday = t('2026-11-27T16:00+01:00');
    expect(instantAfterServiceMs([officeRome], friday, 8 * HOUR)).toBe(t('2026-11-30T14:00+01:00'));
    expect(serviceMsBetween([officeRome], friday, t('2026-11-30T14:00+01:00'))).toBe(8 * HOUR);
    expect(serviceMsBetween([officeRome], t('2026-11-28T00:00+01:00'), t('2026-11-30T00:00+01:00'))).toBe(0);
  });

  it('starts counting at the next opening when started outside hours', () => {
    expect(instantAfterServiceMs([officeRome], t('2026-11-28T11:00+01:00'), 30 * MINUTE)).toBe(
      t('2026-11-30T08:30+01:00'),
    );
  });

  it('skips a public holiday: Tuesday 8 December 2026 (Immaculate Conception) counts nothing', () => {
    expect(instantAfterServiceMs([officeRome], t('2026-12-07T17:00+01:00'), 2 * HOUR)).toBe(
      t('2026-12-09T09:00+01:00'),
    );
    expect(serviceMsBetween([officeRome], t('2026-12-08T00:00+01:00'), t('2026-12-09T00:00+01:00'))).toBe(0);
    expect(serviceMsBetween([officeRome], t('2026-12-07T08:00+01:00'), t('2026-12-09T08:00+01:00'))).toBe(
      10 * HOUR,
    );
  });

  it('keeps wall-clock hours across the spring change (29 March 2026): Monday 14:00 is 12:00 UTC', () => {
    const friday = t('2026-03-27T16:00+01:00');
    const monday = instantAfterServiceMs([officeRome], friday, 8 * HOUR);
    expect(monday).toBe(t('2026-03-30T14:00+02:00'));
    expect(new Date(monday!).toISOString()).toBe('2026-03-30T12:00:00.000Z');
    // 69 hours of clock time, not 70: the weekend lost an hour, the service time did not.
    expect(monday! - friday).toBe(69 * HOUR);
    expect(serviceMsBetween([officeRome], friday, monday!)).toBe(8 * HOUR);
  });

  it('keeps wall-clock hours across the autumn change (25 October 2026): Monday 14:00 is 13:00 UTC', () => {
    const friday = t('2026-10-23T16:00+02:00');
    const monday = instantAfterServiceMs([officeRome], friday, 8 * HOUR);
    expect(monday).toBe(t('2026-10-26T14:00+01:00'));
    expect(monday! - friday).toBe(71 * HOUR);
  });

  it('counts real elapsed time on the day of a change: 23 hours on 29 March, 25 on 25 October', () => {
    const roundTheClock = hours('Europe/Rome', ALL_DAYS, '00:00', '00:00');
    expect(serviceMsBetween([roundTheClock], t('2026-03-29T00:00+01:00'), t('2026-03-30T00:00+02:00'))).toBe(
      23 * HOUR,
    );
    expect(serviceMsBetween([roundTheClock], t('2026-10-25T00:00+02:00'), t('2026-10-26T00:00+01:00'))).toBe(
      25 * HOUR,
    );
    // 24 service hours from Saturday noon end at 13:00 local on the short Sunday.
    expect(instantAfterServiceMs([roundTheClock], t('2026-03-28T12:00+01:00'), 24 * HOUR)).toBe(
      t('2026-03-29T13:00+02:00'),
    );
    // A night window 01:00–04:00 holds 2 hours on the short Sunday and 4 on the long one.
    const nights = hours('Europe/Rome', ['sun'], '01:00', '04:00');
    expect(serviceMsBetween([nights], t('2026-03-29T00:00+01:00'), t('2026-03-29T12:00+02:00'))).toBe(
      2 * HOUR,
    );
    expect(serviceMsBetween([nights], t('2026-10-25T00:00+02:00'), t('2026-10-25T12:00+01:00'))).toBe(
      4 * HOUR,
    );
    expect(instantAfterServiceMs([nights], t('2026-10-25T00:00+02:00'), 3 * HOUR)).toBe(
      t('2026-10-25T03:00+01:00'),
    );
  });

  it('counts only where every layer is open (office hours and the site’s access 09:00–12:00)', () => {
    const siteAccess = hours('Europe/Rome', ALL_DAYS, '09:00', '12:00');
    expect(instantAfterServiceMs([officeRome, siteAccess], t('2026-11-30T08:00+01:00'), 2 * HOUR)).toBe(
      t('2026-11-30T11:00+01:00'),
    );
    expect(instantAfterServiceMs([officeRome, siteAccess], t('2026-11-30T11:00+01:00'), 2 * HOUR)).toBe(
      t('2026-12-01T10:00+01:00'),
    );
  });
});

describe('pauses', () => {
  const monday9 = t('2026-11-30T09:00+01:00');

  it('does not count a pause inside hours', () => {
    const pause = { from: t('2026-11-30T10:00+01:00'), to: t('2026-11-30T11:00+01:00') };
    expect(instantAfterServiceMs([officeRome], monday9, 2 * HOUR, [pause])).toBe(t('2026-11-30T12:00+01:00'));
    expect(serviceMsBetween([officeRome], monday9, t('2026-11-30T12:00+01:00'), [pause])).toBe(2 * HOUR);
    expect(serviceStretches([officeRome], monday9, t('2026-11-30T12:00+01:00'), [pause])).toEqual([
      { from: monday9, to: pause.from },
      { from: pause.to, to: t('2026-11-30T12:00+01:00') },
    ]);
  });

  it('counts only the open part of a pause that runs past closing time, and nothing of one at the weekend', () => {
    const friday16 = t('2026-11-27T16:00+01:00');
    const overnight = { from: t('2026-11-27T17:00+01:00'), to: t('2026-11-30T09:00+01:00') };
    expect(instantAfterServiceMs([officeRome], friday16, 2 * HOUR, [overnight])).toBe(
      t('2026-11-30T10:00+01:00'),
    );
    const weekend = { from: t('2026-11-28T09:00+01:00'), to: t('2026-11-29T18:00+01:00') };
    expect(instantAfterServiceMs([officeRome], friday16, 8 * HOUR, [weekend])).toBe(
      t('2026-11-30T14:00+01:00'),
    );
  });

  it('never reaches an amount past the start of a pause that has not ended', () => {
    const standing = { from: t('2026-11-30T10:00+01:00') };
    expect(instantAfterServiceMs([officeRome], monday9, 30 * MINUTE, [standing])).toBe(
      t('2026-11-30T09:30+01:00'),
    );
    expect(instantAfterServiceMs([officeRome], monday9, HOUR, [standing])).toBe(standing.from);
    expect(instantAfterServiceMs([officeRome], monday9, HOUR + 1, [standing])).toBeUndefined();
    expect(serviceMsBetween([officeRome], monday9, t('2026-12-04T18:00+01:00'), [standing])).toBe(HOUR);
    // Standing since before the start: nothing runs at all.
    expect(instantAfterServiceMs([], monday9, MINUTE, [{ from: monday9 - HOUR }])).toBeUndefined();
  });
});

describe('another zone, the same wall-clock rules', () => {
  const newYork = hours('America/New_York', WORKING_DAYS, '08:00', '18:00');
  const rome = hours('Europe/Rome', WORKING_DAYS, '08:00', '18:00');

  it('reads the hours in the calendar’s own zone: one instant, two deadlines', () => {
    const instant = t('2026-11-27T15:00Z'); // Friday 16:00 in Rome, 10:00 in New York
    expect(instantAfterServiceMs([rome], instant, 8 * HOUR)).toBe(t('2026-11-30T13:00Z'));
    expect(instantAfterServiceMs([newYork], instant, 8 * HOUR)).toBe(t('2026-11-27T23:00Z'));
  });

  it('gives Monday 14:00 local in both, six hours apart', () => {
    const inRome = instantAfterServiceMs([rome], t('2026-11-27T16:00+01:00'), 8 * HOUR);
    const inNewYork = instantAfterServiceMs([newYork], t('2026-11-27T16:00-05:00'), 8 * HOUR);
    expect(inRome).toBe(t('2026-11-30T14:00+01:00'));
    expect(inNewYork).toBe(t('2026-11-30T14:00-05:00'));
    expect(inNewYork! - inRome!).toBe(6 * HOUR);
  });
});

describe('edges', () => {
  const saturday = t('2026-11-28T11:00+01:00');

  it('is clock time without layers, pauses still excluded, across more than one search window', () => {
    expect(instantAfterServiceMs([], saturday, 90 * MINUTE)).toBe(saturday + 90 * MINUTE);
    expect(serviceMsBetween([], saturday, saturday + 5 * HOUR)).toBe(5 * HOUR);
    expect(
      serviceMsBetween([], saturday, saturday + 5 * HOUR, [
        { from: saturday + HOUR, to: saturday + 3 * HOUR },
      ]),
    ).toBe(3 * HOUR);
    expect(instantAfterServiceMs([], saturday, 200 * DAY)).toBe(saturday + 200 * DAY);
  });

  it('reaches an amount of 0 at the start itself, even when closed or paused', () => {
    expect(instantAfterServiceMs([officeRome], saturday, 0)).toBe(saturday);
    expect(instantAfterServiceMs([officeRome], saturday, 0, [{ from: saturday - HOUR }])).toBe(saturday);
    expect(instantAfterServiceMs([officeRome], saturday, -MINUTE)).toBe(saturday);
    expect(serviceMsBetween([officeRome], saturday, saturday)).toBe(0);
    expect(serviceMsBetween([], saturday, saturday - HOUR)).toBe(0);
    expect(serviceStretches([], saturday, saturday - HOUR)).toEqual([]);
  });

  it('is undefined for a calendar that never opens within the horizon', () => {
    const never: CalendarLayer = { name: 'Never', timeZone: 'Europe/Rome', weeklyHours: {} };
    expect(instantAfterServiceMs([never], saturday, MINUTE, [], 30)).toBeUndefined();
  });

  it('finds an opening beyond the first 92-day search window, and not beyond the horizon', () => {
    const onceInSpring: CalendarLayer = {
      name: 'One Saturday worked',
      timeZone: 'Europe/Rome',
      weeklyHours: {},
      exceptions: [{ kind: 'open', from: '2027-04-24T09:00', to: '2027-04-24T13:00', reason: 'Inventory' }],
    };
    expect(instantAfterServiceMs([onceInSpring], saturday, 3 * HOUR)).toBe(t('2027-04-24T12:00+02:00'));
    expect(serviceMsBetween([onceInSpring], saturday, t('2027-12-31T00:00+01:00'))).toBe(4 * HOUR);
    expect(instantAfterServiceMs([onceInSpring], saturday, 5 * HOUR)).toBeUndefined();
    expect(instantAfterServiceMs([onceInSpring], saturday, 3 * HOUR, [], 100)).toBeUndefined();
  });
});
