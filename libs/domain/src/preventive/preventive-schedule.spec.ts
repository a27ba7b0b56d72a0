import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { type MaintenancePlan, maintenancePlanSchema } from '../master-data/kinds/maintenance-plan.kind';
import { occurrencesBetween } from './plan-recurrence';
import {
  type ClosedDay,
  calendarVisitsDue,
  meterThresholdDue,
  preventiveReference,
} from './preventive-schedule';

const ROME = 'Europe/Rome';
const addDays = (day: string, days: number) => Temporal.PlainDate.from(day).add({ days }).toString();

function planOf(fields: Partial<MaintenancePlan> & Pick<MaintenancePlan, 'calendar'>) {
  return {
    code: 'PM-1',
    record: maintenancePlanSchema.parse({
      name: 'Boiler service',
      assetCodes: ['SN-1'],
      description: 'Combustion check',
      ...fields,
    }),
  };
}

/** Saturdays and Sundays closed, and the listed days with their reason: a fake of the site's calendar. */
function closedOn(holidays: Record<string, string> = {}): ClosedDay {
  return (day) =>
    holidays[day] ?? (Temporal.PlainDate.from(day).dayOfWeek >= 6 ? 'Not a working day' : undefined);
}
const openEveryDay: ClosedDay = () => undefined;

describe('calendarVisitsDue', () => {
  const weekly = planOf({ calendar: { rrule: 'FREQ=WEEKLY', startDate: '2026-03-04' }, leadDays: 14 });

  it('opens the visits falling from today to today + leadDays, both included', () => {
    // Monday 2 March; the plan falls on Wednesdays.
    expect(calendarVisitsDue(weekly, 'SN-1', { timeZone: ROME, closed: openEveryDay }, '2026-03-02')).toEqual(
      {
        due: [
          { planCode: 'PM-1', assetCode: 'SN-1', occurrence: '2026-03-04', dueOn: '2026-03-04' },
          { planCode: 'PM-1', assetCode: 'SN-1', occurrence: '2026-03-11', dueOn: '2026-03-11' },
        ],
        unplaceable: [],
      },
    );
    const due = (today: string) =>
      calendarVisitsDue(weekly, 'SN-1', { timeZone: ROME, closed: openEveryDay }, today).due.map(
        (visit) => visit.occurrence,
      );
    expect(due('2026-03-04')).toEqual(['2026-03-04', '2026-03-11', '2026-03-18']);
    expect(due('2026-03-05')).toEqual(['2026-03-11', '2026-03-18']);
  });

  it('with no lead time, opens only a visit falling today', () => {
    const noLead = planOf({ calendar: { rrule: 'FREQ=WEEKLY', startDate: '2026-03-04' }, leadDays: 0 });
    const due = (today: string) =>
      calendarVisitsDue(noLead, 'SN-1', { timeZone: ROME, closed: openEveryDay }, today).due;
    expect(due('2026-03-10')).toEqual([]);
    expect(due('2026-03-11').map((visit) => visit.occurrence)).toEqual(['2026-03-11']);
  });

  it('opens nothing for a plan by meter only', () => {
    const meterOnly = {
      code: 'PM-2',
      record: maintenancePlanSchema.parse({
        name: 'Burner',
        assetCodes: ['SN-1'],
        meter: { meter: 'operating-hours', every: 500 },
        description: 'Nozzle',
      }),
    };
    expect(
      calendarVisitsDue(meterOnly, 'SN-1', { timeZone: ROME, closed: closedOn() }, '2026-03-02'),
    ).toEqual({
      due: [],
      unplaceable: [],
    });
  });

  it('moves a visit over a holiday and the weekend after it, keeping the first closure’s reason', () => {
    // Friday 1 May 2026 is Labour Day; the next open day is Monday 4 May.
    const mayDay = planOf({
      calendar: { rrule: 'FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=1', startDate: '2026-05-01' },
    });
    const site = { timeZone: ROME, closed: closedOn({ '2026-05-01': 'Festa del Lavoro' }) };
    expect(calendarVisitsDue(mayDay, 'SN-1', site, '2026-04-20').due).toEqual([
      {
        planCode: 'PM-1',
        assetCode: 'SN-1',
        occurrence: '2026-05-01',
        dueOn: '2026-05-04',
        movedBecause: 'Festa del Lavoro',
      },
    ]);
  });

  it('moves a weekend visit to Monday, each occurrence staying its own visit', () => {
    const weekends = planOf({
      calendar: { rrule: 'FREQ=WEEKLY;BYDAY=SA,SU', startDate: '2026-03-01' },
      leadDays: 3,
    });
    const { due } = calendarVisitsDue(weekends, 'SN-1', { timeZone: ROME, closed: closedOn() }, '2026-03-06');
    expect(due).toEqual([
      {
        planCode: 'PM-1',
        assetCode: 'SN-1',
        occurrence: '2026-03-07',
        dueOn: '2026-03-09',
        movedBecause: 'Not a working day',
      },
      {
        planCode: 'PM-1',
        assetCode: 'SN-1',
        occurrence: '2026-03-08',
        dueOn: '2026-03-09',
        movedBecause: 'Not a working day',
      },
    ]);
  });

  it('moves a visit up to 31 days; with 32 closed days in a row it is unplaceable', () => {
    const monthly = planOf({ calendar: { rrule: 'FREQ=MONTHLY;BYMONTHDAY=3', startDate: '2026-08-03' } });
    const closedFor =
      (days: number): ClosedDay =>
      (day) =>
        day >= '2026-08-03' && day < addDays('2026-08-03', days) ? 'Site closed: summer' : undefined;

    const movedFar = calendarVisitsDue(
      monthly,
      'SN-1',
      { timeZone: ROME, closed: closedFor(31) },
      '2026-07-25',
    );
    expect(movedFar.unplaceable).toEqual([]);
    expect(movedFar.due).toEqual([
      {
        planCode: 'PM-1',
        assetCode: 'SN-1',
        occurrence: '2026-08-03',
        dueOn: '2026-09-03',
        movedBecause: 'Site closed: summer',
      },
    ]);

    const stuck = calendarVisitsDue(monthly, 'SN-1', { timeZone: ROME, closed: closedFor(32) }, '2026-07-25');
    expect(stuck.due).toEqual([]);
    expect(stuck.unplaceable).toEqual([
      expect.objectContaining({ occurrence: '2026-08-03', movedBecause: 'Site closed: summer' }),
    ]);
  });

  it('asks the site about days only, in order, and never before the occurrence', () => {
    const asked: string[] = [];
    const closed: ClosedDay = (day) => {
      asked.push(day);
      return closedOn({ '2026-05-01': 'Festa del Lavoro' })(day);
    };
    const mayDay = planOf({
      calendar: { rrule: 'FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=1', startDate: '2026-05-01' },
    });
    calendarVisitsDue(mayDay, 'SN-1', { timeZone: ROME, closed }, '2026-04-20');
    expect(asked).toEqual(['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04']);
  });
});

describe('meterThresholdDue', () => {
  const every500 = { meter: 'operating-hours', every: 500, openBefore: 20 };

  it('calls for nothing below the first threshold less openBefore', () => {
    expect(meterThresholdDue(every500, 0)).toBeUndefined();
    expect(meterThresholdDue(every500, 479)).toBeUndefined();
    expect(meterThresholdDue({ ...every500, openBefore: 0 }, 499.9)).toBeUndefined();
  });

  it('calls for a threshold from openBefore under it, at it and past it, until the next one comes near', () => {
    expect(meterThresholdDue(every500, 480)).toBe(500);
    expect(meterThresholdDue(every500, 500)).toBe(500);
    expect(meterThresholdDue(every500, 979)).toBe(500);
    expect(meterThresholdDue(every500, 980)).toBe(1000);
    expect(meterThresholdDue({ ...every500, openBefore: 0 }, 500)).toBe(500);
    expect(meterThresholdDue({ ...every500, openBefore: 0 }, 999)).toBe(500);
  });

  it('after a jump over several multiples, calls for the highest only', () => {
    expect(meterThresholdDue(every500, 2310)).toBe(2000);
    expect(meterThresholdDue(every500, 2480)).toBe(2500);
  });
});

describe('preventiveReference', () => {
  it('names the plan, the asset and the visit, so that each visit is opened once', () => {
    expect(preventiveReference('PM-BOILER', 'SN-ACME-1', '2026-12-08')).toBe(
      'pm:PM-BOILER:SN-ACME-1:2026-12-08',
    );
    expect(preventiveReference('PM-BOILER', 'SN-ACME-1', 'operating-hours-1000')).toBe(
      'pm:PM-BOILER:SN-ACME-1:operating-hours-1000',
    );
    // Codes have no colon, so two different visits never share a reference.
    expect(preventiveReference('PM-A', 'B', '2026-01-01')).not.toBe(
      preventiveReference('PM-A', 'B', '2026-01-02'),
    );
    expect(preventiveReference('PM-A.B', 'C', 'x')).not.toBe(preventiveReference('PM-A', 'B.C', 'x'));
  });
});

describe('calendarVisitsDue, for any rule and any closures', () => {
  const BASE = '2026-01-01';
  const rules = fc.oneof(
    fc.constantFrom('FREQ=DAILY', 'FREQ=DAILY;INTERVAL=3', 'FREQ=WEEKLY', 'FREQ=MONTHLY;BYDAY=1MO'),
    fc
      .subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], { minLength: 1 })
      .map((days) => `FREQ=WEEKLY;BYDAY=${days.join(',')}`),
    fc.integer({ min: 1, max: 31 }).map((day) => `FREQ=MONTHLY;BYMONTHDAY=${day}`),
    fc.integer({ min: 1, max: 6 }).map((months) => `FREQ=MONTHLY;INTERVAL=${months};BYDAY=-1FR`),
    fc.integer({ min: 1, max: 12 }).map((month) => `FREQ=YEARLY;BYMONTH=${month};BYMONTHDAY=15`),
  );
  /** Closed weekdays, closed stretches of days and a reason for each: a site's calendar, pure. */
  const closures = fc.record({
    weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
    stretches: fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 40 })), {
      maxLength: 6,
    }),
  });

  it('moves each visit to the first open day from its occurrence on, every day skipped being closed', () => {
    fc.assert(
      fc.property(
        rules,
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 60 }),
        closures,
        (rrule, startOffset, todayOffset, leadDays, { weekdays, stretches }) => {
          const closed: ClosedDay = (day) => {
            const date = Temporal.PlainDate.from(day);
            const offset = date.since(BASE).days;
            const stretch = stretches.findIndex(([from, length]) => offset >= from && offset < from + length);
            if (stretch >= 0) return `Closure ${stretch}`;
            return weekdays.includes(date.dayOfWeek) ? `Closed on weekday ${date.dayOfWeek}` : undefined;
          };
          const plan = planOf({ calendar: { rrule, startDate: addDays(BASE, startOffset) }, leadDays });
          const today = addDays(BASE, todayOffset);
          const { due, unplaceable } = calendarVisitsDue(plan, 'SN-1', { timeZone: ROME, closed }, today);

          expect([...due, ...unplaceable].map((visit) => visit.occurrence).sort()).toEqual(
            occurrencesBetween(rrule, plan.record.calendar!.startDate, ROME, today, addDays(today, leadDays)),
          );
          for (const visit of due) {
            expect(visit.dueOn >= visit.occurrence).toBe(true);
            expect(closed(visit.dueOn)).toBeUndefined();
            for (let day = visit.occurrence; day < visit.dueOn; day = addDays(day, 1)) {
              expect(closed(day)).toBeDefined();
            }
            expect(visit.movedBecause).toBe(closed(visit.occurrence));
          }
          for (const visit of unplaceable) {
            for (let shift = 0; shift <= 31; shift++)
              expect(closed(addDays(visit.occurrence, shift))).toBeDefined();
            expect(visit.movedBecause).toBe(closed(visit.occurrence));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
