import type { ExportedIntervention, InterventionExportPage } from '@fieldstream/api-contract';
import { issueApiKey } from '../event-stream/testing/event-stream-calls';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { closeThroughApi } from './testing/closed-interventions';

jest.setTimeout(60_000);

interface ImportView {
  status: string;
  total: number;
  created: number;
  changed: number;
  unchanged: number;
  errors: { row: number; field: string; code: string; message: string }[];
}

/** Customers as an ERP exports them: semicolons, a VAT number, a name with a comma. */
const CUSTOMERS_CSV = [
  'code;name;vatNumber;language',
  'GAMMA;Gamma Costruzioni, S.r.l.;IT11223344556;it',
  'DELTA;Delta Hotels;IT99887766554;en',
].join('\r\n');

const SITES = [
  {
    code: 'S-GAMMA-1',
    name: 'Gamma cantiere Milano',
    customerCode: 'GAMMA',
    address: { street: 'Via Solari 40', city: 'Milano', postalCode: '20144', country: 'IT' },
    location: { lat: 45.4516, lon: 9.1603 },
    timeZone: 'Europe/Rome',
  },
];

/** Assets from the ERP's installed base: serial numbers on their plates. */
const ASSETS_CSV = [
  'code,modelCode,siteCode,customerCode,ownership,installedOn',
  'SN-GAMMA-1,BOILER-X,S-GAMMA-1,GAMMA,customer,2025-10-01',
  'SN-GAMMA-2,BOILER-X,S-GAMMA-1,GAMMA,loan,2026-02-15',
].join('\r\n');

/** Contracts carry service levels (a list per contract): JSON, one object per contract. */
const CONTRACTS = [
  {
    code: 'C-GAMMA',
    name: 'Gamma site maintenance',
    customerCode: 'GAMMA',
    siteCodes: ['S-GAMMA-1'],
    assetCodes: ['SN-GAMMA-1'],
    validFrom: '2026-01-01',
    validTo: '2099-12-31',
    serviceCalendarCode: 'CAL-IT-OFFICE',
    serviceLevels: [{ priority: 'high', responseMinutes: 120, restorationMinutes: 480 }],
    includesMaterials: true,
  },
];

/**
 * The back office pushes its master data in through the import API with an integration's key:
 * customers and assets as CSV files, contracts as JSON, each import checked as a whole, re-runs
 * changing nothing; what it pushed names the interventions it then exports.
 */
describe('a back office pushing customers, assets and contracts through the import API', () => {
  const suite = withOrganisationApi();
  let erp: string;

  beforeAll(async () => {
    erp = await issueApiKey(suite.api, suite.admin, { name: 'ERP', role: 'integrator' });
  });

  async function push(kind: string, contentType: string, body: string): Promise<ImportView> {
    const response = await fetch(`${suite.api.url}/api/imports/${kind}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${erp}`, 'content-type': contentType, 'x-file-name': `${kind}.erp` },
      body,
    });
    expect([kind, response.status]).toEqual([kind, 202]);
    const { importId } = (await response.json()) as { importId: string };
    for (let attempt = 0; attempt < 400; attempt++) {
      const view = (await (
        await suite.api.call('GET', `/api/imports/${importId}`, erp)
      ).json()) as ImportView;
      if (!['parsing', 'validating', 'writing'].includes(view.status)) return view;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`import ${importId} did not finish`);
  }

  const record = async (plural: string, code: string) => {
    const response = await suite.api.call('GET', `/api/master-data/${plural}/${code}`, erp);
    expect([plural, code, response.status]).toEqual([plural, code, 200]);
    return ((await response.json()) as { record: Record<string, unknown> }).record;
  };

  it('imports customers, sites, assets and contracts, and a second push of the same files changes nothing', async () => {
    const files: [kind: string, type: string, body: string, rows: number][] = [
      ['customers', 'text/csv', CUSTOMERS_CSV, 2],
      ['sites', 'application/json', JSON.stringify(SITES), 1],
      ['assets', 'text/csv', ASSETS_CSV, 2],
      ['contracts', 'application/json', JSON.stringify(CONTRACTS), 1],
    ];
    for (const [kind, type, body, rows] of files)
      expect([kind, await push(kind, type, body)]).toEqual([
        kind,
        expect.objectContaining({ status: 'committed', total: rows, created: rows, errors: [] }),
      ]);

    expect(await record('customers', 'GAMMA')).toMatchObject({
      name: 'Gamma Costruzioni, S.r.l.',
      vatNumber: 'IT11223344556',
    });
    expect(await record('assets', 'SN-GAMMA-2')).toMatchObject({
      modelCode: 'BOILER-X',
      siteCode: 'S-GAMMA-1',
      customerCode: 'GAMMA',
      ownership: 'loan',
      installedOn: '2026-02-15',
    });
    expect(await record('contracts', 'C-GAMMA')).toMatchObject({
      customerCode: 'GAMMA',
      assetCodes: ['SN-GAMMA-1'],
      serviceLevels: [{ priority: 'high', responseMinutes: 120, restorationMinutes: 480 }],
      includesMaterials: true,
    });

    for (const [kind, type, body, rows] of files)
      expect([kind, await push(kind, type, body)]).toEqual([
        kind,
        expect.objectContaining({ status: 'committed', created: 0, changed: 0, unchanged: rows }),
      ]);
  });

  it('refuses a file with a bad row, naming the row and field, and writes none of it', async () => {
    const bad = [ASSETS_CSV, 'SN-GAMMA-3,BOILER-X,S-NOWHERE,GAMMA,customer,2026-03-01'].join('\r\n');
    const view = await push('assets', 'text/csv', bad);
    expect(view).toMatchObject({ status: 'rejected', created: 0 });
    expect(view.errors).toEqual([
      expect.objectContaining({ row: 4, field: 'siteCode', code: 'unknown_reference' }),
    ]);
    expect((await suite.api.call('GET', '/api/master-data/assets/SN-GAMMA-3', erp)).status).toBe(404);
  });

  it('exports an intervention on the imported asset under the imported customer and contract', async () => {
    const request = await closeThroughApi(
      suite.api,
      { desk: suite.tokens.dispatcherMi, technician: suite.tokens.technicianMi, technicianCode: 'T-MI-1' },
      { labourMinutes: 75, travelMinutes: 35, travelKm: 18, resolution: 'Burner cleaned.' },
      {
        customerCode: 'GAMMA',
        siteCode: 'S-GAMMA-1',
        assetCode: 'SN-GAMMA-1',
        description: 'Boiler of the site office in lockout',
        priority: 'high',
      },
    );
    const response = await suite.api.call('GET', '/api/exports/interventions', erp);
    const page = (await response.json()) as InterventionExportPage;
    expect(
      (page.items as ExportedIntervention[]).find((item) => item.requestId === request.id),
    ).toMatchObject({
      customer: { code: 'GAMMA', name: 'Gamma Costruzioni, S.r.l.' },
      site: { code: 'S-GAMMA-1', name: 'Gamma cantiere Milano' },
      asset: { code: 'SN-GAMMA-1', modelCode: 'BOILER-X' },
      contract: { code: 'C-GAMMA', name: 'Gamma site maintenance' },
      unit: { code: 'MI' },
      labourMinutes: 75,
    });
  });
});
