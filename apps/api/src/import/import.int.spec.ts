import { type TestApi, TEST_ADMIN, startTestApi } from '../testing/start-test-api';

jest.setTimeout(60_000);

const SITES_HEADER =
  'code;name;customerCode;address.city;address.postalCode;address.country;location.lat;location.lon;zoneCode;timeZone';
const SITES_BAD = [
  SITES_HEADER,
  'S1;Acme Milano;ACME;Milano;20121;IT;45,46;9,19;Z-MI;Europe/Rome',
  'S2;Acme Monza;ACME;Monza;20900;IT;45,58;9,27;Z-NOWHERE;Europe/Rome',
].join('\r\n');
const SITES_GOOD = SITES_BAD.replace('Z-NOWHERE', 'Z-MI');

interface ImportView {
  status: string;
  total: number;
  created: number;
  changed: number;
  unchanged: number;
  errors: { row: number; field: string; code: string; message: string }[];
}

describe('imports API', () => {
  let api: TestApi;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi();
    token = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    const started = await api.call('POST', '/api/imports', token, {
      units: [
        { code: 'HQ', name: 'Sede', type: 'head-office', country: 'IT', timeZone: 'Europe/Rome' },
        {
          code: 'MI',
          name: 'Milano',
          type: 'service-centre',
          parentCode: 'HQ',
          country: 'IT',
          timeZone: 'Europe/Rome',
        },
      ],
      zones: [{ code: 'Z-MI', name: 'Milano', unitCode: 'MI', postalCodes: ['20*'] }],
      customers: [{ code: 'ACME', name: 'Acme S.p.A.' }],
    });
    expect(started.status).toBe(202);
    expect(await finished(((await started.json()) as { importId: string }).importId)).toMatchObject({
      status: 'committed',
      created: 4,
    });
  });

  afterAll(() => api.stop());

  const postCsv = (path: string, body: string) =>
    fetch(`${api.url}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/csv; charset=utf-8',
        'x-file-name': 'sites.csv',
      },
      body,
    });

  async function finished(importId: string, as = token): Promise<ImportView> {
    for (let attempt = 0; attempt < 400; attempt++) {
      const view = (await (await api.call('GET', `/api/imports/${importId}`, as)).json()) as ImportView;
      if (!['parsing', 'validating', 'writing'].includes(view.status)) {
        if (view.status === 'failed') throw new Error(`import failed: ${JSON.stringify(view)}`);
        return view;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`import ${importId} did not finish`);
  }

  async function importSites(body: string, query = ''): Promise<ImportView & { importId: string }> {
    const response = await postCsv(`/api/imports/sites${query}`, body);
    expect(response.status).toBe(202);
    const { importId } = (await response.json()) as { importId: string };
    expect(response.headers.get('location')).toBe(`/api/imports/${importId}`);
    return { importId, ...(await finished(importId)) };
  }

  const siteCount = async () =>
    ((await (await api.call('GET', '/api/master-data/sites?status=all', token)).json()) as { total: number })
      .total;

  it('rejects a CSV with a bad row, naming its line and field, and writes nothing', async () => {
    const view = await importSites(SITES_BAD);
    expect(view).toMatchObject({ status: 'rejected' });
    expect(view.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'zoneCode', code: 'unknown_reference' }),
    ]);
    expect(await siteCount()).toBe(0);
  });

  it('dry-runs the fixed file without writing, then commits it, then a re-run changes nothing', async () => {
    expect(await importSites(SITES_GOOD, '?dryRun=true')).toMatchObject({
      status: 'validated',
      created: 2,
      errors: [],
    });
    expect(await siteCount()).toBe(0);

    expect(await importSites(SITES_GOOD)).toMatchObject({
      status: 'committed',
      total: 2,
      created: 2,
      changed: 0,
      unchanged: 0,
    });
    expect(await siteCount()).toBe(2);
    const site = (await (await api.call('GET', '/api/master-data/sites/S2', token)).json()) as {
      record: Record<string, unknown>;
    };
    expect(site.record).toMatchObject({ location: { lat: 45.58, lon: 9.27 }, address: { city: 'Monza' } });

    expect(await importSites(SITES_GOOD)).toMatchObject({
      status: 'committed',
      created: 0,
      changed: 0,
      unchanged: 2,
    });
  });

  it('refuses a caller who may not write the kind, and hides imports from other users', async () => {
    const created = await api.call('POST', '/api/users', token, {
      username: 'boss',
      password: 'long enough password',
      displayName: 'Boss',
      role: 'manager',
      binding: { unitCode: 'MI' },
    });
    expect(created.status).toBe(201);
    const manager = await api.login('boss', 'long enough password');
    const refused = await fetch(`${api.url}/api/imports/sites`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager}`, 'content-type': 'text/csv' },
      body: SITES_GOOD,
    });
    expect(refused.status).toBe(403);

    const mine = await importSites(SITES_GOOD, '?dryRun=1');
    expect((await api.call('GET', `/api/imports/${mine.importId}`, manager)).status).toBe(404);
  });

  it('refuses bodies it cannot read', async () => {
    const response = await fetch(`${api.url}/api/imports/sites`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' },
      body: '<sites/>',
    });
    expect(response.status).toBe(415);
  });
});
