import { contractSchema } from '@fieldstream/domain';
import { conditionsForModel } from './asset-conditions';
import { toPortalContract } from './portal-contract-view';

describe('what a customer may report on a machine', () => {
  it('offers the conditions of its model, of its family and the generic ones, by name', () => {
    const condition = (
      code: string,
      name: string,
      record: { modelCodes?: string[]; family?: string } = {},
    ) => ({
      code,
      record: { name, modelCodes: record.modelCodes ?? [], ...(record.family && { family: record.family }) },
    });
    const offered = conditionsForModel(
      [
        condition('E04', 'Ignition failure', { modelCodes: ['BOILER-X'] }),
        condition('COIN', 'Coin jam', { modelCodes: ['VEND-9'] }),
        condition('SCALE', 'Limescale', { family: 'boilers' }),
        condition('FRIDGE', 'Warm cabinet', { family: 'cold-rooms' }),
        condition('ELEC', 'Electrical fault'),
      ],
      { code: 'BOILER-X', family: 'boilers' },
    );
    expect(offered.map((c) => c.code)).toEqual(['ELEC', 'E04', 'SCALE']);
  });
});

describe('a contract in the customer’s terms', () => {
  const contract = contractSchema.parse({
    name: 'Gold',
    customerCode: 'ACME',
    siteCodes: ['S-1'],
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    serviceCalendarCode: 'CAL',
    serviceLevels: [
      { priority: 'normal', responseMinutes: 480, restorationMinutes: 1440 },
      { priority: 'critical', responseMinutes: 120, restorationMinutes: 240 },
    ],
    penaltyPerHour: 50,
    notes: 'Internal: always late payer',
    slaThresholds: [50, 100],
  });
  const names = { sites: new Map([['S-1', 'ACME Milano']]), assets: new Map<string, string>() };

  it('says what it covers, when the clock runs, how fast per priority (most urgent first) and whether it is in force', () => {
    const view = toPortalContract(
      'C-1',
      contract,
      {
        name: 'Office',
        purpose: 'service-hours',
        timeZone: 'Europe/Rome',
        weeklyHours: { mon: [{ from: '08:00', to: '18:00' }] },
        holidays: { country: 'IT' },
        exceptions: [],
      },
      names,
      '2026-06-01',
    );
    expect(view).toEqual({
      code: 'C-1',
      name: 'Gold',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      standing: 'in-force',
      coverage: {
        allSites: false,
        sites: [{ code: 'S-1', name: 'ACME Milano' }],
        allAssets: true,
        assets: [],
      },
      includesLabour: true,
      includesMaterials: false,
      serviceHours: {
        timeZone: 'Europe/Rome',
        roundTheClock: false,
        weekly: [{ day: 'mon', hours: [{ from: '08:00', to: '18:00' }] }],
        publicHolidays: 'IT',
      },
      serviceLevels: [
        { priority: 'critical', responseMinutes: 120, restorationMinutes: 240 },
        { priority: 'normal', responseMinutes: 480, restorationMinutes: 1440 },
      ],
      responseEndsOn: 'on-site',
      penaltyPerHour: 50,
      currency: 'EUR',
    });
    expect(JSON.stringify(view)).not.toMatch(/late payer|slaThresholds|Internal/);
  });

  it('reads a calendar open every day all day, or one without weekly hours, as round the clock', () => {
    const day = [{ from: '00:00', to: '23:59' }];
    const always = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day };
    const calendar = {
      name: '24/7',
      purpose: 'service-hours' as const,
      timeZone: 'Europe/Rome',
      exceptions: [],
    };
    for (const weeklyHours of [always, undefined]) {
      const view = toPortalContract(
        'C-1',
        contract,
        { ...calendar, ...(weeklyHours && { weeklyHours }) },
        names,
        '2027-01-01',
      );
      expect(view.serviceHours).toEqual({ timeZone: 'Europe/Rome', roundTheClock: true, weekly: [] });
      expect(view.standing).toBe('expired');
    }
    expect(toPortalContract('C-1', contract, undefined, names, '2025-12-31').standing).toBe('not-yet');
  });
});
