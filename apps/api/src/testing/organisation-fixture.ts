import { TEST_ADMIN, type TestApi, startTestApi } from './start-test-api';

/** A closed polygon: a box around a city, in lon/lat. */
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

/** Master data of a small organisation: two centres (Milan, Rome), one customer in each. */
export const ORGANISATION: [plural: string, body: Record<string, unknown>][] = [
  [
    'calendars',
    {
      code: 'CAL-IT-OFFICE',
      name: 'Italian office hours',
      purpose: 'working-hours',
      timeZone: 'Europe/Rome',
      weeklyHours: {
        mon: [{ from: '08:00', to: '17:00' }],
        tue: [{ from: '08:00', to: '17:00' }],
        wed: [{ from: '08:00', to: '17:00' }],
        thu: [{ from: '08:00', to: '17:00' }],
        fri: [{ from: '08:00', to: '17:00' }],
      },
      holidays: { country: 'IT' },
    },
  ],
  [
    'calendars',
    {
      code: 'CAL-T-MI-1',
      name: 'Rossi',
      purpose: 'technician',
      timeZone: 'Europe/Rome',
      exceptions: [{ kind: 'closed', from: '2026-03-30', to: '2026-03-31', reason: 'Annual leave' }],
    },
  ],
  [
    'calendars',
    {
      code: 'CAL-BANK',
      name: 'Bank branch access',
      purpose: 'site-access',
      timeZone: 'Europe/Rome',
      weeklyHours: {
        mon: [{ from: '08:30', to: '13:30' }],
        tue: [{ from: '08:30', to: '13:30' }],
        wed: [{ from: '08:30', to: '13:30' }],
        thu: [{ from: '08:30', to: '13:30' }],
        fri: [{ from: '08:30', to: '13:30' }],
      },
    },
  ],
  [
    'units',
    {
      code: 'HQ',
      name: 'Head office',
      type: 'head-office',
      country: 'IT',
      timeZone: 'Europe/Rome',
      calendarCode: 'CAL-IT-OFFICE',
    },
  ],
  [
    'units',
    {
      code: 'MI',
      name: 'Milano',
      type: 'service-centre',
      parentCode: 'HQ',
      country: 'IT',
      subdivision: '25',
      timeZone: 'Europe/Rome',
    },
  ],
  [
    'units',
    {
      code: 'RM',
      name: 'Roma',
      type: 'service-centre',
      parentCode: 'HQ',
      country: 'IT',
      timeZone: 'Europe/Rome',
    },
  ],
  [
    'zones',
    {
      code: 'Z-MI',
      name: 'Milano città',
      unitCode: 'MI',
      country: 'IT',
      geometry: box(9.0, 45.35, 9.35, 45.6),
      postalCodes: ['201*'],
    },
  ],
  [
    'zones',
    {
      code: 'Z-RM',
      name: 'Roma città',
      unitCode: 'RM',
      country: 'IT',
      geometry: box(12.3, 41.75, 12.7, 42.05),
      postalCodes: ['001*'],
    },
  ],
  ['skills', { code: 'GAS', name: 'Gas boilers', certified: true }],
  ['professional-roles', { code: 'BOILER-TECH', name: 'Boiler technician', skillCodes: ['GAS'] }],
  [
    'technicians',
    {
      code: 'T-MI-1',
      name: 'Mario Rossi',
      unitCode: 'MI',
      roleCodes: ['BOILER-TECH'],
      calendarCode: 'CAL-T-MI-1',
    },
  ],
  ['technicians', { code: 'T-RM-1', name: 'Giulia Bianchi', unitCode: 'RM', roleCodes: ['BOILER-TECH'] }],
  ['asset-models', { code: 'BOILER-X', name: 'Boiler X 24kW', manufacturer: 'Caldo', family: 'boilers' }],
  ['customers', { code: 'ACME', name: 'ACME S.p.A.', vatNumber: 'IT01234567890' }],
  ['customers', { code: 'BETA', name: 'Beta Banca', vatNumber: 'IT09876543210' }],
  [
    'sites',
    {
      code: 'S-ACME-1',
      name: 'ACME Milano',
      customerCode: 'ACME',
      address: { street: 'Via Torino 1', city: 'Milano', postalCode: '20123', country: 'IT' },
      location: { lat: 45.4628, lon: 9.1857 },
      timeZone: 'Europe/Rome',
    },
  ],
  [
    'sites',
    {
      code: 'S-BETA-1',
      name: 'Beta filiale Roma',
      customerCode: 'BETA',
      address: { street: 'Via del Corso 10', city: 'Roma', postalCode: '00186', country: 'IT' },
      timeZone: 'Europe/Rome',
      accessCalendarCode: 'CAL-BANK',
    },
  ],
  [
    'assets',
    {
      code: 'SN-ACME-1',
      modelCode: 'BOILER-X',
      siteCode: 'S-ACME-1',
      customerCode: 'ACME',
      ownership: 'customer',
    },
  ],
  [
    'assets',
    {
      code: 'SN-BETA-1',
      modelCode: 'BOILER-X',
      siteCode: 'S-BETA-1',
      customerCode: 'BETA',
      ownership: 'loan',
    },
  ],
  [
    'contracts',
    {
      code: 'C-ACME',
      name: 'ACME gold',
      customerCode: 'ACME',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      serviceCalendarCode: 'CAL-IT-OFFICE',
      serviceLevels: [{ priority: 'high', responseMinutes: 60, restorationMinutes: 240 }],
    },
  ],
  [
    'contracts',
    {
      code: 'C-BETA',
      name: 'Beta silver',
      customerCode: 'BETA',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      serviceCalendarCode: 'CAL-IT-OFFICE',
      serviceLevels: [{ priority: 'normal', responseMinutes: 240, restorationMinutes: 960 }],
    },
  ],
  ['items', { code: 'FILTER', name: 'Air filter', category: 'part' }],
  ['items', { code: 'OIL', name: 'Pump oil', category: 'consumable', unitOfMeasure: 'litre' }],
  ['warehouses', { code: 'WH-MI', name: 'Milano warehouse', type: 'warehouse', unitCode: 'MI' }],
  [
    'warehouses',
    { code: 'VAN-T-MI-1', name: 'Van of Rossi', type: 'van', unitCode: 'MI', technicianCode: 'T-MI-1' },
  ],
  [
    'warehouses',
    { code: 'VAN-T-RM-1', name: 'Van of Bianchi', type: 'van', unitCode: 'RM', technicianCode: 'T-RM-1' },
  ],
];

export const PASSWORD = 'fixture-password-1';

/** One user per role and binding; the matrix signs in as each. */
export const USERS = {
  dispatcherMi: {
    username: 'disp.mi',
    displayName: 'Desk Milano',
    role: 'dispatcher',
    binding: { unitCode: 'MI' },
  },
  dispatcherRm: {
    username: 'disp.rm',
    displayName: 'Desk Roma',
    role: 'dispatcher',
    binding: { unitCode: 'RM' },
  },
  manager: { username: 'boss', displayName: 'Service manager', role: 'manager', binding: { unitCode: 'HQ' } },
  technicianMi: {
    username: 'tech.mi',
    displayName: 'Mario Rossi',
    role: 'technician',
    binding: { technicianCode: 'T-MI-1' },
  },
  customerAcme: {
    username: 'acme.user',
    displayName: 'ACME buyer',
    role: 'customer',
    binding: { customerCode: 'ACME' },
  },
  customerBeta: {
    username: 'beta.user',
    displayName: 'Beta buyer',
    role: 'customer',
    binding: { customerCode: 'BETA' },
  },
  auditor: { username: 'audit', displayName: 'Auditor', role: 'auditor', binding: {} },
} satisfies Record<string, Record<string, unknown>>;

/** Creates the organisation and its users through the API, as an admin would; answers their tokens. */
export async function createOrganisation(
  api: TestApi,
  admin: string,
): Promise<Record<keyof typeof USERS, string>> {
  for (const [plural, body] of ORGANISATION) {
    const response = await api.call('POST', `/api/master-data/${plural}`, admin, body);
    if (response.status !== 201)
      throw new Error(`${plural} ${String(body['code'])}: ${response.status} ${await response.text()}`);
  }
  const tokens: Record<string, string> = {};
  for (const [key, user] of Object.entries(USERS)) {
    const response = await api.call('POST', '/api/users', admin, { ...user, password: PASSWORD });
    if (response.status !== 201) throw new Error(`user ${key}: ${response.status} ${await response.text()}`);
    tokens[key] = await api.login(user.username, PASSWORD);
  }
  return tokens as Record<keyof typeof USERS, string>;
}

/** What a suite on the fixture organisation works with. */
export interface OrganisationApi {
  api: TestApi;
  /** The administrator's bearer token. */
  admin: string;
  /** A signed-in token per fixture user. */
  tokens: Record<keyof typeof USERS, string>;
}

/**
 * Registers the suite's set-up and tear-down: the API on fresh stores, the organisation created
 * through it, everyone signed in. The fields are there from the first test on.
 */
export function withOrganisationApi(): OrganisationApi {
  const suite = {} as OrganisationApi;
  beforeAll(async () => {
    suite.api = await startTestApi();
    suite.admin = await suite.api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    suite.tokens = await createOrganisation(suite.api, suite.admin);
  }, 90_000);
  afterAll(() => suite.api?.stop());
  return suite;
}
