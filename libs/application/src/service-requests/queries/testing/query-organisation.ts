import type { Principal } from '@fieldstream/domain';
import type { CommandContext } from '../../../commands/command-context';
import type { MasterDataService } from '../../../master-data/master-data.service';

/** Fixed ids for the attachments the catalogue and the model point at. */
export const MANUAL_ID = '6d1f0c7e-3b7a-4c55-9f0e-2a4b6c8d0e11';
export const WIRING_ID = '0c7e6d1f-7a3b-4c55-9f0e-2a4b6c8d0e12';

function box(west: number, south: number, east: number, north: number) {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/**
 * A small organisation: two centres (Milan, Rome) under a head office, three technicians, two
 * customers with a site and a boiler each, contracts, a condition with its instructions.
 */
export const QUERY_ORGANISATION: [plural: string, code: string, body: Record<string, unknown>][] = [
  ['calendars', 'CAL-T-MI-1', { name: 'Rossi', purpose: 'technician', timeZone: 'Europe/Rome' }],
  ['calendars', 'CAL-T-MI-2', { name: 'Bianchi', purpose: 'technician', timeZone: 'Europe/London' }],
  ['units', 'HQ', { name: 'Head office', type: 'head-office', country: 'IT', timeZone: 'Europe/Rome' }],
  [
    'units',
    'MI',
    { name: 'Milano', type: 'service-centre', parentCode: 'HQ', country: 'IT', timeZone: 'Europe/Rome' },
  ],
  [
    'units',
    'RM',
    { name: 'Roma', type: 'service-centre', parentCode: 'HQ', country: 'IT', timeZone: 'Europe/Rome' },
  ],
  [
    'zones',
    'Z-MI',
    { name: 'Milano città', unitCode: 'MI', country: 'IT', geometry: box(9.0, 45.35, 9.35, 45.6) },
  ],
  [
    'zones',
    'Z-RM',
    { name: 'Roma città', unitCode: 'RM', country: 'IT', geometry: box(12.3, 41.75, 12.7, 42.05) },
  ],
  ['technicians', 'T-MI-1', { name: 'Mario Rossi', unitCode: 'MI', calendarCode: 'CAL-T-MI-1' }],
  ['technicians', 'T-MI-2', { name: 'Anna Bianchi', unitCode: 'MI', calendarCode: 'CAL-T-MI-2' }],
  ['technicians', 'T-RM-1', { name: 'Giulia Verdi', unitCode: 'RM' }],
  ['items', 'FILTER', { name: 'Air filter' }],
  [
    'asset-models',
    'BOILER-X',
    { name: 'Boiler X 24kW', manufacturer: 'Caldo', family: 'boilers', documentIds: [MANUAL_ID] },
  ],
  [
    'conditions',
    'E-104',
    {
      name: 'Burner lockout',
      description: 'The burner locks out after three ignition attempts',
      category: 'fault',
      precision: 'precise',
      deviceCode: '104',
      modelCodes: ['BOILER-X'],
      expectedMinutes: 90,
      materials: [{ itemCode: 'FILTER', quantity: 1 }],
      tools: ['Multimeter'],
      correctiveActions: [
        {
          title: 'Check the ignition electrode',
          steps: [{ instruction: 'Switch the boiler off' }, { instruction: 'Clean the electrode' }],
          attachmentIds: [WIRING_ID],
        },
      ],
    },
  ],
  ['customers', 'ACME', { name: 'ACME S.p.A.' }],
  ['customers', 'BETA', { name: 'Beta Banca' }],
  [
    'sites',
    'S-ACME-1',
    {
      name: 'ACME Milano',
      customerCode: 'ACME',
      address: { street: 'Via Torino 1', city: 'Milano', postalCode: '20123', country: 'IT' },
      location: { lat: 45.4628, lon: 9.1857 },
      zoneCode: 'Z-MI',
      timeZone: 'Europe/Rome',
      contacts: [{ name: 'Portineria', phone: '+39 02 1234567' }],
      accessNotes: 'Ingresso dal cortile, chiedere in portineria',
    },
  ],
  [
    'sites',
    'S-BETA-1',
    {
      name: 'Beta filiale Roma',
      customerCode: 'BETA',
      address: { street: 'Via del Corso 10', city: 'Roma', postalCode: '00186', country: 'IT' },
      zoneCode: 'Z-RM',
      timeZone: 'Europe/Rome',
    },
  ],
  [
    'assets',
    'SN-ACME-1',
    {
      name: 'Caldaia centrale',
      modelCode: 'BOILER-X',
      siteCode: 'S-ACME-1',
      customerCode: 'ACME',
      ownership: 'customer',
      configuration: { firmware: '2.1', power: 24 },
    },
  ],
  [
    'assets',
    'SN-BETA-1',
    { modelCode: 'BOILER-X', siteCode: 'S-BETA-1', customerCode: 'BETA', ownership: 'loan' },
  ],
  ['calendars', 'CAL-OFFICE', { name: 'Office', purpose: 'service-hours', timeZone: 'Europe/Rome' }],
  [
    'contracts',
    'C-ACME',
    {
      name: 'ACME silver',
      customerCode: 'ACME',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      serviceCalendarCode: 'CAL-OFFICE',
      serviceLevels: [{ priority: 'normal', responseMinutes: 240, restorationMinutes: 960 }],
    },
  ],
  [
    'contracts',
    'C-ACME-BOILER',
    {
      name: 'ACME boiler gold',
      customerCode: 'ACME',
      assetCodes: ['SN-ACME-1'],
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      serviceCalendarCode: 'CAL-OFFICE',
      serviceLevels: [{ priority: 'high', responseMinutes: 60, restorationMinutes: 240 }],
      includesMaterials: true,
      notes: 'Spare parts included',
    },
  ],
];

export async function registerQueryOrganisation(masterData: MasterDataService, context: CommandContext) {
  for (const [plural, code, body] of QUERY_ORGANISATION) {
    await masterData.write(context, plural, 'register', code, body);
  }
}

const person = (id: string, displayName: string, role: Principal['role'], binding: Partial<Principal> = {}) =>
  ({ id, displayName, kind: 'user', role, ...binding }) satisfies Principal;

/** One principal per way of reaching requests. */
export const PEOPLE = {
  admin: person('u-admin', 'Admin', 'admin'),
  deskMilan: person('u-desk-mi', 'Desk Milano', 'dispatcher', { unitCode: 'MI' }),
  deskRome: person('u-desk-rm', 'Desk Roma', 'dispatcher', { unitCode: 'RM' }),
  manager: person('u-boss', 'Service manager', 'manager', { unitCode: 'HQ' }),
  auditor: person('u-audit', 'Auditor', 'auditor'),
  rossi: person('u-rossi', 'Mario Rossi', 'technician', { technicianCode: 'T-MI-1' }),
  bianchi: person('u-bianchi', 'Anna Bianchi', 'technician', { technicianCode: 'T-MI-2' }),
  acme: person('u-acme', 'ACME buyer', 'customer', { customerCode: 'ACME' }),
  beta: person('u-beta', 'Beta buyer', 'customer', { customerCode: 'BETA' }),
  integrator: { id: 'k-crm', displayName: 'CRM', kind: 'api-key', role: 'integrator' } satisfies Principal,
  betaBoiler: {
    id: 'k-boiler',
    displayName: 'Boiler SN-BETA-1',
    kind: 'api-key',
    role: 'device',
    assetCodes: ['SN-BETA-1'],
  } satisfies Principal,
  mute: { id: 'k-mute', displayName: 'Unbound device', kind: 'api-key', role: 'device' } satisfies Principal,
};
