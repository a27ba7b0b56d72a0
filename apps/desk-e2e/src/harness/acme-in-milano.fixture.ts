import type { Page } from 'playwright-core';
import { apiFromPage } from './api-from-page';
import { signIn } from './sign-in';
import { E2E_ADMIN } from './start-target';

/**
 * The small world most browser specs stand on, created through the API as an administrator would:
 * a head office (HQ) over the Milano service centre (MI) and its zone (Z-MI, postal codes 201*),
 * and the customer ACME (ACME) with its site in that zone (S-ACME-1, Via Torino 1, Europe/Rome).
 *
 * It exists so that each spec states only what is its own (technicians, models, contracts, users…)
 * instead of copying the same forty lines; those extras are created after the world, in the order
 * given, so they may refer to MI, Z-MI, ACME and S-ACME-1.
 */

/** One master-data record and the collection it goes to, e.g. `['technicians', { code: 'T-A', … }]`. */
export type MasterDataRecord = [plural: string, record: Record<string, unknown>];

export interface AcmeInMilanoExtras {
  /** The spec's own master data, created after the centre and the customer, in this order. */
  records?: MasterDataRecord[];
  /** The spec's own users (username, password, role, binding…), created after every record. */
  users?: Record<string, unknown>[];
}

const MILANO_CENTRE: MasterDataRecord[] = [
  ['units', { code: 'HQ', name: 'Head office', type: 'head-office', country: 'IT', timeZone: 'Europe/Rome' }],
  [
    'units',
    {
      code: 'MI',
      name: 'Milano',
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
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [9.0, 45.35],
            [9.35, 45.35],
            [9.35, 45.6],
            [9.0, 45.6],
            [9.0, 45.35],
          ],
        ],
      },
      postalCodes: ['201*'],
    },
  ],
];

const ACME_AND_ITS_SITE: MasterDataRecord[] = [
  ['customers', { code: 'ACME', name: 'ACME S.p.A.' }],
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
];

/**
 * Signs `page` in as the E2E administrator, then creates the centre, ACME and the spec's extras.
 * The tab stays signed in as the administrator.
 */
export async function prepareAcmeInMilano(page: Page, base: string, extras: AcmeInMilanoExtras = {}) {
  await signInAsAdministrator(page, base);
  await createMasterData(page, [...MILANO_CENTRE, ...ACME_AND_ITS_SITE, ...(extras.records ?? [])]);
  await createUsers(page, extras.users ?? []);
}

async function signInAsAdministrator(page: Page, base: string) {
  await page.goto(`${base}/login`);
  await signIn(page, E2E_ADMIN);
}

/** One at a time: a record may refer to the ones before it. */
async function createMasterData(page: Page, records: MasterDataRecord[]) {
  for (const [plural, record] of records) await post(page, `/api/master-data/${plural}`, record);
}

async function createUsers(page: Page, users: Record<string, unknown>[]) {
  for (const user of users) await post(page, '/api/users', user);
}

async function post(page: Page, path: string, body: unknown) {
  const answer = await apiFromPage(page, 'POST', path, body);
  if (answer.status >= 300) throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
}
