import { createOrganisation } from '../testing/organisation-fixture';
import { TEST_ADMIN, type TestApi, startTestApi } from '../testing/start-test-api';

/**
 * Endpoint × role × own/other data, written out by hand rather than derived from the policy code,
 * so that a change of policy has to be made twice: once in the code, once here, on purpose.
 */
type Actor =
  | 'admin'
  | 'dispatcherMi'
  | 'manager'
  | 'technicianMi'
  | 'customerAcme'
  | 'auditor'
  | 'integrator'
  | 'device';
const ACTORS: Actor[] = [
  'admin',
  'dispatcherMi',
  'manager',
  'technicianMi',
  'customerAcme',
  'auditor',
  'integrator',
  'device',
];

/** Whose the records are: "own" is the Milan centre's, technician Rossi's and customer ACME's. */
const RECORDS: Record<string, { own: string; other: string }> = {
  units: { own: 'MI', other: 'RM' },
  zones: { own: 'Z-MI', other: 'Z-RM' },
  technicians: { own: 'T-MI-1', other: 'T-RM-1' },
  warehouses: { own: 'VAN-T-MI-1', other: 'VAN-T-RM-1' },
  customers: { own: 'ACME', other: 'BETA' },
  sites: { own: 'S-ACME-1', other: 'S-BETA-1' },
  assets: { own: 'SN-ACME-1', other: 'SN-BETA-1' },
  contracts: { own: 'C-ACME', other: 'C-BETA' },
  skills: { own: 'GAS', other: 'GAS' },
  'asset-models': { own: 'BOILER-X', other: 'BOILER-X' },
  calendars: { own: 'CAL-BANK', other: 'CAL-BANK' },
};

type Pair = readonly [own: number, other: number];
/** Both answered; own answered, other hidden as missing; both refused. */
const OK: Pair = [200, 200];
const HIDDEN: Pair = [200, 404];
const NO: Pair = [403, 403];

/** One row of the matrix: the expected pair per actor, in the order of ACTORS. */
function row(...pairs: Pair[]): Record<Actor, Pair> {
  if (pairs.length !== ACTORS.length)
    throw new Error(`A row has ${ACTORS.length} columns, not ${pairs.length}`);
  return Object.fromEntries(ACTORS.map((actor, index) => [actor, pairs[index]!])) as Record<Actor, Pair>;
}

/*
 * Columns: admin, dispatcherMi, manager, technicianMi, customerAcme, auditor, integrator, device.
 * Reading answers the same for GET of the record and of its history.
 */
const READ: Record<string, Record<Actor, Pair>> = {
  units: row(OK, HIDDEN, OK, OK, NO, OK, OK, NO),
  zones: row(OK, HIDDEN, OK, OK, NO, OK, OK, NO),
  technicians: row(OK, HIDDEN, OK, HIDDEN, NO, OK, OK, NO),
  warehouses: row(OK, HIDDEN, OK, HIDDEN, NO, OK, OK, NO),
  customers: row(OK, HIDDEN, OK, NO, HIDDEN, OK, OK, NO),
  sites: row(OK, HIDDEN, OK, NO, HIDDEN, OK, OK, NO),
  assets: row(OK, HIDDEN, OK, NO, HIDDEN, OK, OK, NO),
  contracts: row(OK, HIDDEN, OK, NO, HIDDEN, OK, OK, NO),
  skills: row(OK, OK, OK, OK, NO, OK, OK, NO),
  'asset-models': row(OK, OK, OK, OK, OK, OK, OK, NO),
  calendars: row(OK, OK, OK, OK, NO, OK, OK, NO),
};

/** Re-saving a record unchanged: who may write, and where. */
const WRITE: Record<string, Record<Actor, Pair>> = {
  units: row(OK, NO, NO, NO, NO, NO, OK, NO),
  zones: row(OK, NO, NO, NO, NO, NO, OK, NO),
  technicians: row(OK, NO, NO, NO, NO, NO, OK, NO),
  warehouses: row(OK, NO, NO, NO, NO, NO, OK, NO),
  customers: row(OK, HIDDEN, NO, NO, NO, NO, OK, NO),
  sites: row(OK, HIDDEN, NO, NO, NO, NO, OK, NO),
  assets: row(OK, HIDDEN, NO, NO, NO, NO, OK, NO),
  contracts: row(OK, HIDDEN, NO, NO, NO, NO, OK, NO),
  skills: row(OK, NO, NO, NO, NO, NO, OK, NO),
  'asset-models': row(OK, NO, NO, NO, NO, NO, OK, NO),
  calendars: row(OK, OK, NO, NO, NO, NO, OK, NO),
};

/** Accounts and keys are the administrators' (auditors read them): everyone else is refused. */
function onlyAdministration(admin: number, auditor: number): Record<Actor, number> {
  return {
    admin,
    auditor,
    dispatcherMi: 403,
    manager: 403,
    technicianMi: 403,
    customerAcme: 403,
    integrator: 403,
    device: 403,
  };
}

describe('authorisation matrix: endpoint × role × own/other data', () => {
  let api: TestApi;
  const token = {} as Record<Actor, string>;

  beforeAll(async () => {
    api = await startTestApi();
    token.admin = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    Object.assign(token, await createOrganisation(api, token.admin));
    const integrator = await api.call('POST', '/api/api-keys', token.admin, {
      name: 'ERP',
      role: 'integrator',
    });
    token.integrator = (await integrator.json()).apiKey;
    const device = await api.call('POST', '/api/api-keys', token.admin, {
      name: 'Boiler gateway',
      role: 'device',
      assetCodes: ['SN-ACME-1'],
    });
    token.device = (await device.json()).apiKey;
  }, 90_000);
  afterAll(() => api?.stop());

  const cases = Object.keys(RECORDS).flatMap((plural) => ACTORS.map((actor) => [plural, actor] as const));

  it.each(cases)('%s as %s: read own/other, history, list', async (plural, actor) => {
    const { own, other } = RECORDS[plural]!;
    const [ownStatus, otherStatus] = READ[plural]![actor];
    const get = (code: string) => api.call('GET', `/api/master-data/${plural}/${code}`, token[actor]);
    expect([(await get(own)).status, (await get(other)).status]).toEqual([ownStatus, otherStatus]);
    const history = (code: string) =>
      api.call('GET', `/api/master-data/${plural}/${code}/history`, token[actor]);
    expect([(await history(own)).status, (await history(other)).status]).toEqual([ownStatus, otherStatus]);
    const list = await api.call('GET', `/api/master-data/${plural}?limit=1000`, token[actor]);
    if (ownStatus === 403) {
      expect(list.status).toBe(403);
      return;
    }
    const codes = ((await list.json()).items as { code: string }[]).map((item) => item.code);
    expect(codes).toContain(own);
    if (otherStatus === 404) expect(codes).not.toContain(other);
    else expect(codes).toContain(other);
  });

  it.each(cases)('%s as %s: write own/other', async (plural, actor) => {
    const { own, other } = RECORDS[plural]!;
    const [ownStatus, otherStatus] = WRITE[plural]![actor];
    const put = async (code: string) => {
      const current = await (await api.call('GET', `/api/master-data/${plural}/${code}`, token.admin)).json();
      return (await api.call('PUT', `/api/master-data/${plural}/${code}`, token[actor], current.record))
        .status;
    };
    expect([await put(own), await put(other)]).toEqual([ownStatus, otherStatus]);
  });

  it("cannot reach another customer's records by id, by search or by filter", async () => {
    const acme = token.customerAcme;
    for (const path of [
      '/api/master-data/sites/S-BETA-1',
      '/api/master-data/assets/SN-BETA-1',
      '/api/master-data/contracts/C-BETA',
      '/api/master-data/customers/BETA/history',
    ]) {
      const response = await api.call('GET', path, acme);
      expect(response.status).toBe(404);
      // Same answer as a code that does not exist: nothing tells that BETA's records are there.
      const missing = await api.call('GET', path.replace('BETA', 'NOPE'), acme);
      expect((await response.json()).detail.replace('BETA', 'NOPE')).toBe((await missing.json()).detail);
    }
    const search = await (await api.call('GET', '/api/master-data/sites?q=beta', acme)).json();
    expect(search.total).toBe(0);
    const filter = await (await api.call('GET', '/api/master-data/assets?customerCode=BETA', acme)).json();
    expect(filter.total).toBe(0);
  });

  it('keeps a dispatcher from moving a record out of, or into, another centre', async () => {
    const site = await (await api.call('GET', '/api/master-data/sites/S-ACME-1', token.admin)).json();
    const moved = await api.call('PUT', '/api/master-data/sites/S-ACME-1', token.dispatcherMi, {
      ...site.record,
      zoneCode: 'Z-RM',
    });
    expect(moved.status).toBe(403);
    const created = await api.call('POST', '/api/master-data/sites', token.dispatcherMi, {
      code: 'S-BETA-2',
      name: 'Beta Roma 2',
      customerCode: 'BETA',
      address: { postalCode: '00187', country: 'IT' },
      timeZone: 'Europe/Rome',
    });
    expect(created.status).toBe(403);
  });

  it.each([
    ['GET', '/api/users', onlyAdministration(200, 200)],
    ['GET', '/api/api-keys', onlyAdministration(200, 200)],
    // An empty body: admins get past authorisation to the validation (400), everyone else stops at 403.
    ['POST', '/api/users', onlyAdministration(400, 403)],
    ['POST', '/api/api-keys', onlyAdministration(400, 403)],
  ] as const)('%s %s by role', async (method, path, expected) => {
    for (const actor of ACTORS) {
      const response = await api.call(method, path, token[actor], method === 'POST' ? {} : undefined);
      expect([actor, response.status]).toEqual([actor, expected[actor]]);
    }
  });

  it('shows a technician their own availability only, and customers none', async () => {
    const window = 'from=2026-04-01T00:00:00Z&to=2026-04-02T00:00:00Z';
    expect(
      (await api.call('GET', `/api/availability?technician=T-MI-1&${window}`, token.technicianMi)).status,
    ).toBe(200);
    expect(
      (await api.call('GET', `/api/availability?technician=T-RM-1&${window}`, token.technicianMi)).status,
    ).toBe(404);
    expect(
      (await api.call('GET', `/api/availability?technician=T-MI-1&${window}`, token.customerAcme)).status,
    ).toBe(403);
    expect(
      (await api.call('GET', `/api/availability?site=S-ACME-1&${window}`, token.customerAcme)).status,
    ).toBe(200);
    expect(
      (await api.call('GET', `/api/availability?site=S-BETA-1&${window}`, token.dispatcherMi)).status,
    ).toBe(404);
  });
});
