import { masterDataKindByPlural } from '../master-data-kinds';
import { maintenancePlanKind, maintenancePlanSchema } from './maintenance-plan.kind';

type Issues = { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };

function fieldsOf(result: Issues): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.map(String).join('.')).sort();
}
function messageAt(result: Issues, field: string): string | undefined {
  return result.error?.issues.find((issue) => issue.path.map(String).join('.') === field)?.message;
}

describe('maintenance-plan kind', () => {
  const base = { name: 'Boiler service', assetModelCodes: ['BOILER-X'], description: 'Combustion check' };
  const calendar = { rrule: 'FREQ=MONTHLY;INTERVAL=6;BYDAY=1MO', startDate: '2026-01-01' };
  const meter = { meter: 'operating-hours', every: 500, openBefore: 20 };

  it('is listed, and accepts a plan by the calendar only, filling the defaults', () => {
    expect(masterDataKindByPlural('maintenance-plans')).toBe(maintenancePlanKind);
    expect(maintenancePlanSchema.parse({ ...base, calendar })).toEqual({
      ...base,
      assetCodes: [],
      calendar,
      leadDays: 14,
      priority: 'low',
      conditionCodes: [],
    });
  });

  it('accepts a plan by a meter only, opening at the threshold unless told otherwise', () => {
    const plan = maintenancePlanSchema.parse({
      ...base,
      assetCodes: ['SN-1'],
      assetModelCodes: [],
      meter: { meter: ' operating-hours ', every: 500 },
    });
    expect(plan.meter).toEqual({ meter: 'operating-hours', every: 500, openBefore: 0 });
    expect(plan.calendar).toBeUndefined();
  });

  it('accepts a plan by both, for assets and models together', () => {
    const plan = maintenancePlanSchema.parse({
      ...base,
      assetCodes: ['SN-1'],
      calendar: { ...calendar, rrule: ' RRULE:FREQ=YEARLY ' },
      meter,
      leadDays: 0,
      priority: 'high',
    });
    expect(plan).toMatchObject({
      calendar: { rrule: 'RRULE:FREQ=YEARLY' },
      meter,
      leadDays: 0,
      priority: 'high',
    });
  });

  it('accepts a rule that has already ended (nothing more to open, but still a plan)', () => {
    expect(
      maintenancePlanSchema.safeParse({
        ...base,
        calendar: { rrule: 'FREQ=WEEKLY;COUNT=2', startDate: '2020-01-06' },
      }).success,
    ).toBe(true);
  });

  it('refuses a plan with neither rule', () => {
    const result = maintenancePlanSchema.safeParse(base);
    expect(fieldsOf(result)).toEqual(['calendar']);
    expect(messageAt(result, 'calendar')).toBe('Give a calendar rule, a meter rule, or both');
  });

  it('refuses a plan that names no asset nor model', () => {
    const result = maintenancePlanSchema.safeParse({ ...base, assetModelCodes: [], calendar });
    expect(fieldsOf(result)).toEqual(['assetCodes']);
    expect(messageAt(result, 'assetCodes')).toBe('Name the assets or the asset models it covers');
  });

  it.each([
    ['FREQ=FORTNIGHTLY', /^Not an RFC 5545 recurrence rule/],
    ['FREQ=HOURLY;INTERVAL=4', /^Visits fall on days/],
    ['FREQ=DAILY;BYHOUR=8', /^Visits fall on days/],
    ['FREQ=DAILY\nDTSTART:20200101T000000Z', /^One RRULE line only/],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', /^The rule never falls on any day$/],
  ])('refuses the rule %j at calendar.rrule', (rrule, message) => {
    const result = maintenancePlanSchema.safeParse({ ...base, calendar: { ...calendar, rrule } });
    expect(fieldsOf(result)).toEqual(['calendar.rrule']);
    expect(messageAt(result, 'calendar.rrule')).toMatch(message);
  });

  it('refuses opening a whole interval or more before the threshold', () => {
    for (const openBefore of [500, 800]) {
      const result = maintenancePlanSchema.safeParse({ ...base, meter: { ...meter, openBefore } });
      expect(fieldsOf(result)).toEqual(['meter.openBefore']);
      expect(messageAt(result, 'meter.openBefore')).toBe('Open before less than a whole interval');
    }
    expect(maintenancePlanSchema.safeParse({ ...base, meter: { ...meter, openBefore: 499.5 } }).success).toBe(
      true,
    );
  });

  it('refuses a bad start date on its own field, without blaming the rule', () => {
    const result = maintenancePlanSchema.safeParse({
      ...base,
      calendar: { ...calendar, startDate: '2026-02-30' },
    });
    expect(fieldsOf(result)).toEqual(['calendar.startDate']);
  });

  it('refuses a bad start date, interval, lead time, priority and unknown fields', () => {
    expect(
      fieldsOf(
        maintenancePlanSchema.safeParse({
          ...base,
          calendar: { ...calendar, startDate: '2026-02-30' },
          meter: { ...meter, every: 0 },
          leadDays: 1.5,
          priority: 'whenever',
        }),
      ),
    ).toEqual(['calendar.startDate', 'leadDays', 'meter.every', 'priority']);
    expect(maintenancePlanSchema.safeParse({ ...base, calendar, frequency: 'monthly' }).success).toBe(false);
    expect(
      maintenancePlanSchema.safeParse({ ...base, calendar: { ...calendar, dtstart: '20260101' } }).success,
    ).toBe(false);
  });

  it('refers to its assets, models and conditions, and belongs to no one', () => {
    const plan = maintenancePlanSchema.parse({
      ...base,
      assetCodes: ['SN-1', 'SN-2'],
      calendar,
      conditionCodes: ['BURNER'],
    });
    expect(maintenancePlanKind.references(plan)).toEqual([
      { field: 'assetCodes.0', kind: 'asset', code: 'SN-1' },
      { field: 'assetCodes.1', kind: 'asset', code: 'SN-2' },
      { field: 'assetModelCodes.0', kind: 'asset-model', code: 'BOILER-X' },
      { field: 'conditionCodes.0', kind: 'condition', code: 'BURNER' },
    ]);
    expect(maintenancePlanKind.scope(plan, 'PM-1')).toEqual({});
  });
});
