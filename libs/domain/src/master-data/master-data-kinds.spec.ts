import { MASTER_DATA_KINDS, masterDataKindByPlural } from './master-data-kinds';
import { contractSchema } from './kinds/contract.kind';
import { siteSchema } from './kinds/site.kind';
import { unitSchema } from './kinds/unit.kind';
import { zoneSchema } from './kinds/zone.kind';
import { calendarSchema } from './kinds/calendar.kind';
import { technicianSchema } from './kinds/technician.kind';
import { masterDataEventType } from './master-data-events';

function fieldsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => issue.path.map(String).join('.')).sort();
}

describe('master-data kinds', () => {
  it('lists every kind once, and refers only to kinds listed before it or to itself', () => {
    const names = MASTER_DATA_KINDS.map((kind) => kind.name);
    expect(new Set(names).size).toBe(names.length);
    expect(masterDataKindByPlural('professional-roles')?.name).toBe('professional-role');
    expect(masterDataEventType('professional-role', 'Changed')).toBe('ProfessionalRoleChanged');
  });

  it('names each bad field of a site, nested ones by their path', () => {
    const result = siteSchema.safeParse({
      name: '',
      customerCode: 'bad code!',
      address: { country: 'Italy' },
      location: { lat: 95, lon: 9 },
      timeZone: 'Mars/Olympus',
    });
    expect(fieldsOf(result)).toEqual(['address.country', 'customerCode', 'location.lat', 'name', 'timeZone']);
  });

  it('fills defaults so that equal input gives equal records', () => {
    const site = siteSchema.parse({
      name: 'Filiale',
      customerCode: 'ACME',
      address: { country: 'IT' },
      timeZone: 'Europe/Rome',
    });
    expect(site.contacts).toEqual([]);
  });

  it('checks rules across fields: unit roots, zone rings, contract dates and priorities, repeated skills', () => {
    expect(
      fieldsOf(
        unitSchema.safeParse({
          name: 'HQ',
          type: 'head-office',
          parentCode: 'X',
          country: 'IT',
          timeZone: 'Europe/Rome',
        }),
      ),
    ).toEqual(['parentCode']);
    expect(
      fieldsOf(
        unitSchema.safeParse({ name: 'MI', type: 'service-centre', country: 'IT', timeZone: 'Europe/Rome' }),
      ),
    ).toEqual(['parentCode']);
    expect(fieldsOf(zoneSchema.safeParse({ name: 'Z', unitCode: 'MI' }))).toEqual(['geometry']);
    const openRing = {
      type: 'Polygon',
      coordinates: [
        [
          [9, 45],
          [9.2, 45],
          [9.2, 45.2],
          [9, 45.3],
        ],
      ],
    };
    expect(fieldsOf(zoneSchema.safeParse({ name: 'Z', unitCode: 'MI', geometry: openRing }))).toEqual([
      'geometry.coordinates',
    ]);
    const contract = {
      name: 'Gold',
      customerCode: 'ACME',
      validFrom: '2026-01-01',
      validTo: '2025-12-31',
      serviceCalendarCode: 'H24',
      serviceLevels: [
        { priority: 'high', responseMinutes: 60, restorationMinutes: 30 },
        { priority: 'high', responseMinutes: 60, restorationMinutes: 240 },
      ],
    };
    expect(fieldsOf(contractSchema.safeParse(contract))).toEqual([
      'serviceLevels.0.restorationMinutes',
      'serviceLevels.1.priority',
      'validTo',
    ]);
    expect(
      fieldsOf(
        technicianSchema.safeParse({
          name: 'Rossi',
          unitCode: 'MI',
          skills: [{ skillCode: 'GAS' }, { skillCode: 'GAS' }],
        }),
      ),
    ).toEqual(['skills.1.skillCode']);
  });

  it('refuses impossible dates and calendar exceptions that end before they start', () => {
    const calendar = {
      name: 'Rossi',
      purpose: 'technician',
      timeZone: 'Europe/Rome',
      exceptions: [
        { kind: 'closed', from: '2026-08-10', to: '2026-08-01', reason: 'Leave' },
        { kind: 'closed', from: '2026-02-30', to: '2026-03-01T10:00', reason: 'Leave' },
      ],
    };
    expect(fieldsOf(calendarSchema.safeParse(calendar))).toEqual(['exceptions.0.to', 'exceptions.1.to']);
  });
});
