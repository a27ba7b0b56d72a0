import { DomainError } from '../kernel/domain-error';
import {
  availableIntervals,
  isAvailable,
  isTechnicianAvailableAndSiteAccessible,
  OUTSIDE_WORKING_HOURS,
} from './availability-queries';
import type { CalendarLayer, LocalTimeInterval, Weekday } from './calendar-layer';

const everyDay = (...hours: LocalTimeInterval[]): Record<Weekday, LocalTimeInterval[]> => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
  sat: hours,
  sun: hours,
});
const weekdays = (...hours: LocalTimeInterval[]) => ({
  mon: hours,
  tue: hours,
  wed: hours,
  thu: hours,
  fri: hours,
});
const nineToFive = { from: '09:00', to: '17:00' };
const eightToFive = { from: '08:00', to: '17:00' };

const romeEveryDay: CalendarLayer = {
  name: 'Rome daily',
  timeZone: 'Europe/Rome',
  weeklyHours: everyDay(eightToFive),
};

describe('working hours are wall-clock across DST changes (Europe/Rome)', () => {
  it('keeps 08:00–17:00 local, so the UTC interval moves an hour earlier on the last Sunday of March', () => {
    expect(availableIntervals([romeEveryDay], '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toEqual([
      { from: '2026-03-28T07:00:00Z', to: '2026-03-28T16:00:00Z' },
      { from: '2026-03-29T06:00:00Z', to: '2026-03-29T15:00:00Z' },
    ]);
  });

  it('and an hour later on the last Sunday of October', () => {
    expect(availableIntervals([romeEveryDay], '2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z')).toEqual([
      { from: '2026-10-24T06:00:00Z', to: '2026-10-24T15:00:00Z' },
      { from: '2026-10-25T07:00:00Z', to: '2026-10-25T16:00:00Z' },
    ]);
  });

  const nightShift: CalendarLayer = {
    name: 'Night shift',
    timeZone: 'Europe/Rome',
    weeklyHours: everyDay({ from: '22:00', to: '06:00' }),
  };

  it('gives a 22:00–06:00 night shift 7 real hours when the clocks go forward', () => {
    expect(availableIntervals([nightShift], '2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z')).toEqual([
      { from: '2026-03-28T21:00:00Z', to: '2026-03-29T04:00:00Z' },
    ]);
  });

  it('and 9 real hours when they go back', () => {
    expect(availableIntervals([nightShift], '2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z')).toEqual([
      { from: '2026-10-24T20:00:00Z', to: '2026-10-25T05:00:00Z' },
    ]);
  });

  it("includes the end of yesterday's night shift at the start of the window", () => {
    expect(availableIntervals([nightShift], '2026-03-29T02:00:00Z', '2026-03-29T12:00:00Z')).toEqual([
      { from: '2026-03-29T02:00:00Z', to: '2026-03-29T04:00:00Z' },
    ]);
  });

  it("moves a start time skipped by spring-forward later by the gap ('compatible')", () => {
    const early: CalendarLayer = {
      name: 'Early',
      timeZone: 'Europe/Rome',
      weeklyHours: { sun: [{ from: '02:30', to: '06:00' }] },
    };
    // 02:30 does not exist on 29 March 2026 in Rome: it reads as 03:30 CEST.
    expect(availableIntervals([early], '2026-03-29T00:00:00Z', '2026-03-30T00:00:00Z')).toEqual([
      { from: '2026-03-29T01:30:00Z', to: '2026-03-29T04:00:00Z' },
    ]);
  });

  it("reads a time repeated by fall-back as its first (summer-time) occurrence ('compatible')", () => {
    const early: CalendarLayer = {
      name: 'Early',
      timeZone: 'Europe/Rome',
      weeklyHours: { sun: [{ from: '02:30', to: '04:00' }] },
    };
    // 02:30 happens twice on 25 October 2026: 00:30Z (CEST) and 01:30Z (CET); the first is taken.
    expect(availableIntervals([early], '2026-10-25T00:00:00Z', '2026-10-26T00:00:00Z')).toEqual([
      { from: '2026-10-25T00:30:00Z', to: '2026-10-25T03:00:00Z' },
    ]);
  });
});

describe('several intervals a day', () => {
  const splitDay: CalendarLayer = {
    name: 'Service centre Milan',
    timeZone: 'Europe/Rome',
    weeklyHours: weekdays({ from: '08:00', to: '12:00' }, { from: '13:00', to: '17:00' }),
  };

  it('keeps the lunch break closed and weekends closed', () => {
    expect(availableIntervals([splitDay], '2026-03-13T00:00:00Z', '2026-03-16T12:00:00Z')).toEqual([
      { from: '2026-03-13T07:00:00Z', to: '2026-03-13T11:00:00Z' },
      { from: '2026-03-13T12:00:00Z', to: '2026-03-13T16:00:00Z' },
      { from: '2026-03-16T07:00:00Z', to: '2026-03-16T11:00:00Z' },
    ]);
  });

  it('names the lunch break as outside working hours', () => {
    expect(isAvailable([splitDay], '2026-03-16T10:30:00Z', '2026-03-16T11:30:00Z')).toEqual({
      available: false,
      blockedBy: {
        layer: 'Service centre Milan',
        reason: OUTSIDE_WORKING_HOURS,
        from: '2026-03-16T11:00:00Z',
        to: '2026-03-16T11:30:00Z',
      },
    });
    expect(isAvailable([splitDay], '2026-03-16T12:00:00Z', '2026-03-16T16:00:00Z')).toEqual({
      available: true,
    });
  });
});

describe('public holidays through date-holidays', () => {
  const italy: CalendarLayer = {
    name: 'Italy',
    timeZone: 'Europe/Rome',
    weeklyHours: everyDay(eightToFive),
    holidays: { country: 'IT' },
  };

  it("closes Italy's 25 April and 2 June", () => {
    expect(availableIntervals([italy], '2026-04-24T00:00:00Z', '2026-04-27T00:00:00Z')).toEqual([
      { from: '2026-04-24T06:00:00Z', to: '2026-04-24T15:00:00Z' },
      { from: '2026-04-26T06:00:00Z', to: '2026-04-26T15:00:00Z' },
    ]);
    expect(isAvailable([italy], '2027-06-02T08:00:00Z', '2027-06-02T09:00:00Z')).toEqual({
      available: false,
      blockedBy: {
        layer: 'Italy',
        reason: 'Festa della Repubblica',
        from: '2027-06-01T22:00:00Z',
        to: '2027-06-02T22:00:00Z',
      },
    });
  });

  it('closes Tag der Deutschen Einheit in Germany', () => {
    const berlin: CalendarLayer = {
      name: 'Berlin site',
      timeZone: 'Europe/Berlin',
      weeklyHours: everyDay(nineToFive),
      holidays: { country: 'DE', subdivision: 'BE' },
    };
    expect(isAvailable([berlin], '2026-10-03T08:00:00Z', '2026-10-03T09:00:00Z').blockedBy?.reason).toBe(
      'Tag der Deutschen Einheit',
    );
    expect(availableIntervals([berlin], '2026-10-02T00:00:00Z', '2026-10-05T00:00:00Z')).toHaveLength(2);
  });

  it("closes Bavaria's 6 January through the subdivision, not Berlin's", () => {
    const de = (subdivision: string): CalendarLayer => ({
      name: `DE-${subdivision}`,
      timeZone: 'Europe/Berlin',
      weeklyHours: weekdays(nineToFive),
      holidays: { country: 'DE', subdivision },
    });
    expect(isAvailable([de('BY')], '2026-01-06T09:00:00Z', '2026-01-06T10:00:00Z')).toEqual({
      available: false,
      blockedBy: {
        layer: 'DE-BY',
        reason: 'Heilige Drei Könige',
        from: '2026-01-05T23:00:00Z',
        to: '2026-01-06T23:00:00Z',
      },
    });
    expect(isAvailable([de('BE')], '2026-01-06T09:00:00Z', '2026-01-06T10:00:00Z')).toEqual({
      available: true,
    });
  });

  it('counts only public holidays unless told otherwise', () => {
    const bavaria = (closedTypes?: ('public' | 'observance')[]): CalendarLayer => ({
      name: 'Munich',
      timeZone: 'Europe/Berlin',
      weeklyHours: weekdays(nineToFive),
      holidays: { country: 'DE', subdivision: 'BY', ...(closedTypes ? { closedTypes } : {}) },
    });
    // 2 February 2026 (a Monday) is Lichtmess, an observance in Bavaria.
    expect(isAvailable([bavaria()], '2026-02-02T09:00:00Z', '2026-02-02T10:00:00Z').available).toBe(true);
    expect(
      isAvailable([bavaria(['public', 'observance'])], '2026-02-02T09:00:00Z', '2026-02-02T10:00:00Z'),
    ).toEqual(
      expect.objectContaining({
        available: false,
        blockedBy: expect.objectContaining({ reason: 'Lichtmess' }),
      }),
    );
  });

  it('lets an extra opening reopen a holiday, and a closure win over both', () => {
    const withOpening: CalendarLayer = {
      ...italy,
      exceptions: [
        { kind: 'open', from: '2026-04-25T09:00', to: '2026-04-25T13:00', reason: 'Inventory day' },
        { kind: 'closed', from: '2026-04-25T12:00', to: '2026-04-25T18:00', reason: 'Power works' },
      ],
    };
    expect(availableIntervals([withOpening], '2026-04-25T00:00:00Z', '2026-04-26T00:00:00Z')).toEqual([
      { from: '2026-04-25T07:00:00Z', to: '2026-04-25T10:00:00Z' },
    ]);
    expect(isAvailable([withOpening], '2026-04-25T09:00:00Z', '2026-04-25T11:00:00Z').blockedBy).toEqual({
      layer: 'Italy',
      reason: 'Power works',
      from: '2026-04-25T10:00:00Z',
      to: '2026-04-25T16:00:00Z',
    });
  });
});

describe('composing layers', () => {
  const serviceCentre: CalendarLayer = {
    name: 'Service centre Rome',
    timeZone: 'Europe/Rome',
    weeklyHours: weekdays(eightToFive),
    holidays: { country: 'IT' },
  };
  // The technician's own layer holds only leave: hours come from the unit.
  const rossi: CalendarLayer = {
    name: 'Technician Rossi',
    timeZone: 'Europe/Rome',
    exceptions: [
      { kind: 'closed', from: '2026-08-10', to: '2026-08-14', reason: 'Annual leave' },
      { kind: 'closed', from: '2026-09-07T08:00', to: '2026-09-07T12:00', reason: 'Medical appointment' },
    ],
  };
  const technician = [serviceCentre, rossi];

  it('subtracts whole days of leave, both ends included', () => {
    expect(availableIntervals(technician, '2026-08-07T00:00:00Z', '2026-08-18T00:00:00Z')).toEqual([
      { from: '2026-08-07T06:00:00Z', to: '2026-08-07T15:00:00Z' },
      { from: '2026-08-17T06:00:00Z', to: '2026-08-17T15:00:00Z' },
    ]);
    expect(isAvailable(technician, '2026-08-14T09:00:00Z', '2026-08-14T10:00:00Z')).toEqual({
      available: false,
      blockedBy: {
        layer: 'Technician Rossi',
        reason: 'Annual leave',
        from: '2026-08-09T22:00:00Z',
        to: '2026-08-14T22:00:00Z',
      },
    });
  });

  it('names the earliest blocked instant across layers, with its reason', () => {
    // 7 September 2026, Monday: the unit opens 06:00Z, the appointment takes 06:00Z–10:00Z, the unit
    // closes at 15:00Z.
    expect(isAvailable(technician, '2026-09-07T06:00:00Z', '2026-09-07T16:00:00Z').blockedBy).toEqual({
      layer: 'Technician Rossi',
      reason: 'Medical appointment',
      from: '2026-09-07T06:00:00Z',
      to: '2026-09-07T10:00:00Z',
    });
    expect(isAvailable(technician, '2026-09-07T10:00:00Z', '2026-09-07T16:00:00Z').blockedBy).toEqual({
      layer: 'Service centre Rome',
      reason: OUTSIDE_WORKING_HOURS,
      from: '2026-09-07T15:00:00Z',
      to: '2026-09-07T16:00:00Z',
    });
  });

  it('refuses an empty question', () => {
    expect(() => isAvailable(technician, '2026-09-07T10:00:00Z', '2026-09-07T10:00:00Z')).toThrow(
      DomainError,
    );
  });

  it('refuses an exception mixing a date and a date-time', () => {
    const mixed: CalendarLayer = {
      name: 'Technician Bianchi',
      timeZone: 'Europe/Rome',
      exceptions: [{ kind: 'closed', from: '2026-08-10', to: '2026-08-14T12:00', reason: 'Annual leave' }],
    };
    expect(() => isAvailable([mixed], '2026-08-10T10:00:00Z', '2026-08-10T11:00:00Z')).toThrow(
      expect.objectContaining({ code: 'mixed_exception_bounds' }),
    );
  });

  it('refuses an unknown holiday country or subdivision rather than opening its holidays', () => {
    const layerFor = (country: string, subdivision?: string): CalendarLayer => ({
      name: 'Somewhere',
      timeZone: 'Europe/Berlin',
      holidays: { country, ...(subdivision ? { subdivision } : {}) },
    });
    for (const layer of [layerFor('XX'), layerFor('DE', 'ZZ')]) {
      expect(() => isAvailable([layer], '2026-01-06T09:00:00Z', '2026-01-06T10:00:00Z')).toThrow(
        expect.objectContaining({ code: 'unknown_holiday_calendar' }),
      );
    }
  });

  it('answers for no layer at all: no restriction', () => {
    expect(isAvailable([], '2026-09-07T10:00:00Z', '2026-09-08T10:00:00Z')).toEqual({ available: true });
  });
});

describe('a technician in Rome serving sites in other zones', () => {
  const technician: CalendarLayer[] = [
    {
      name: 'Service centre Rome',
      timeZone: 'Europe/Rome',
      weeklyHours: weekdays(eightToFive),
      holidays: { country: 'IT' },
    },
  ];
  const newYorkBank: CalendarLayer[] = [
    {
      name: 'Bank NYC access',
      timeZone: 'America/New_York',
      weeklyHours: weekdays(nineToFive),
      holidays: { country: 'US', subdivision: 'NY' },
    },
  ];
  const common = (day: string) =>
    availableIntervals([...technician, ...newYorkBank], `${day}T00:00:00Z`, `${day}T23:59:00Z`);

  it('shares 2 h before any DST change, 3 h while only New York has changed, 2 h once both have', () => {
    expect(common('2026-03-02')).toEqual([{ from: '2026-03-02T14:00:00Z', to: '2026-03-02T16:00:00Z' }]);
    expect(common('2026-03-16')).toEqual([{ from: '2026-03-16T13:00:00Z', to: '2026-03-16T16:00:00Z' }]);
    expect(common('2026-03-30')).toEqual([{ from: '2026-03-30T13:00:00Z', to: '2026-03-30T15:00:00Z' }]);
  });

  it('answers the visit question with both sides', () => {
    const fine = isTechnicianAvailableAndSiteAccessible(
      technician,
      newYorkBank,
      '2026-03-16T13:30:00Z',
      '2026-03-16T15:30:00Z',
    );
    expect(fine).toEqual({ available: true, technician: { available: true }, site: { available: true } });

    // 2 June 2026: Festa della Repubblica in Rome; the New York site is open.
    const holiday = isTechnicianAvailableAndSiteAccessible(
      technician,
      newYorkBank,
      '2026-06-02T14:00:00Z',
      '2026-06-02T15:00:00Z',
    );
    expect(holiday.available).toBe(false);
    expect(holiday.site).toEqual({ available: true });
    expect(holiday.blockedBy?.reason).toBe('Festa della Repubblica');

    // 3 July 2026 (Friday): Independence Day observed in the US; Rome works.
    const siteClosed = isTechnicianAvailableAndSiteAccessible(
      technician,
      newYorkBank,
      '2026-07-03T13:00:00Z',
      '2026-07-03T14:00:00Z',
    );
    expect(siteClosed.technician).toEqual({ available: true });
    expect(siteClosed.blockedBy?.layer).toBe('Bank NYC access');
  });

  it('intersects with a Berlin site’s access window and its closures', () => {
    const berlinSite: CalendarLayer = {
      name: 'Military depot Berlin',
      timeZone: 'Europe/Berlin',
      weeklyHours: weekdays({ from: '07:00', to: '12:00' }),
      holidays: { country: 'DE', subdivision: 'BE' },
      exceptions: [{ kind: 'closed', from: '2026-03-17', to: '2026-03-17', reason: 'Security drill' }],
    };
    expect(
      availableIntervals([...technician, berlinSite], '2026-03-16T00:00:00Z', '2026-03-18T00:00:00Z'),
    ).toEqual([{ from: '2026-03-16T07:00:00Z', to: '2026-03-16T11:00:00Z' }]);
    expect(
      isTechnicianAvailableAndSiteAccessible(
        technician,
        [berlinSite],
        '2026-03-17T08:00:00Z',
        '2026-03-17T09:00:00Z',
      ).blockedBy,
    ).toEqual({
      layer: 'Military depot Berlin',
      reason: 'Security drill',
      from: '2026-03-16T23:00:00Z',
      to: '2026-03-17T23:00:00Z',
    });
  });
});
