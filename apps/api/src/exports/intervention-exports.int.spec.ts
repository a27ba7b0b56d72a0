import type {
  CloseBody,
  ExportedIntervention,
  ExportedMaterialLine,
  InterventionExportPage,
  ServiceRequestDetail,
} from '@fieldstream/api-contract';
import { issueApiKey } from '../event-stream/testing/event-stream-calls';
import { act } from '../service-requests/testing/service-request-calls';
import { withOrganisationApi } from '../testing/organisation-fixture';
import {
  type Walkers,
  closeThroughApi,
  exportAllPages,
  exportPage,
  receiveStock,
  workAndClose,
} from './testing/closed-interventions';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('csv-parse/sync') as typeof import('csv-parse/sync');

// Requests are walked to their closure over HTTP, each step waiting for the read models.
jest.setTimeout(90_000);

/** The day of an instant in Rome, the fixture organisation's zone (its head office's). */
const romeDay = (at: string | number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(at));

const BOILER_CLOSING: CloseBody = {
  labourMinutes: 90,
  travelMinutes: 30,
  travelKm: 12.5,
  materials: [
    { itemCode: 'FILTER', quantity: 2, warehouseCode: 'VAN-T-MI-1' },
    { itemCode: 'OIL', quantity: 0.75, warehouseCode: 'VAN-T-MI-1' },
    { itemCode: 'GASKET', quantity: 1, warehouseCode: 'WH-MI' },
  ],
  correctiveActions: ['Replaced the air filter', 'Topped up the pump oil, checked for leaks'],
  resolution: 'Filter replaced; the boiler starts and holds pressure.\nCustomer to watch the display.',
};

const ROUTINE_CLOSING: CloseBody = {
  labourMinutes: 30,
  travelMinutes: 15,
  travelKm: 4.2,
  resolution: 'Checked; nothing to replace.',
};

/**
 * The closed interventions export over HTTP on the real API and stores: requests walked to their
 * closure as the desk and the technician walk them (stock issued from the van), read back by an
 * integration's API key as JSON and as CSV.
 */
describe('the closed interventions export', () => {
  const suite = withOrganisationApi();
  let integrator: string;
  let milan: Walkers;
  let boiler: ServiceRequestDetail;
  let bank: ServiceRequestDetail;

  beforeAll(async () => {
    const { api, admin, tokens } = suite;
    integrator = await issueApiKey(api, admin, { name: 'ERP', role: 'integrator' });
    // A contract of the Milan site running beyond the fixture's year, so the answer does not
    // depend on the day the suite runs; a priced item whose name holds a comma.
    for (const [plural, body] of [
      [
        'contracts',
        {
          code: 'C-ACME-SITE',
          name: 'ACME Milano full service',
          customerCode: 'ACME',
          siteCodes: ['S-ACME-1'],
          validFrom: '2026-01-01',
          validTo: '2099-12-31',
          serviceCalendarCode: 'CAL-IT-OFFICE',
          serviceLevels: [{ priority: 'high', responseMinutes: 60, restorationMinutes: 240 }],
        },
      ],
      ['items', { code: 'GASKET', name: 'Gasket, 24 mm', category: 'part', unitPrice: 3.2 }],
    ] as const) {
      const response = await api.call('POST', `/api/master-data/${plural}`, admin, body);
      expect(response.status).toBe(201);
    }
    await receiveStock(api, admin, 'VAN-T-MI-1', 'FILTER', 20);
    await receiveStock(api, admin, 'VAN-T-MI-1', 'OIL', 10);
    await receiveStock(api, admin, 'WH-MI', 'GASKET', 10);

    milan = { desk: tokens.dispatcherMi, technician: tokens.technicianMi, technicianCode: 'T-MI-1' };
    const rome: Walkers = {
      desk: tokens.dispatcherRm,
      technician: tokens.dispatcherRm,
      technicianCode: 'T-RM-1',
    };
    boiler = await closeThroughApi(api, milan, BOILER_CLOSING);
    bank = await closeThroughApi(api, rome, ROUTINE_CLOSING, {
      customerCode: 'BETA',
      siteCode: 'S-BETA-1',
      assetCode: 'SN-BETA-1',
      description: 'No heating in the branch',
      priority: 'normal',
      externalReference: 'BETA-TICKET-77',
    });
    for (let routine = 0; routine < 3; routine++) await closeThroughApi(api, milan, ROUTINE_CLOSING);
  });

  const everything = () => exportPage(suite.api, integrator, 'limit=5000');
  const itemsOf = (page: InterventionExportPage) => page.items as ExportedIntervention[];
  const find = (page: InterventionExportPage, requestId: string, sequence = 1) =>
    itemsOf(page).find((item) => item.requestId === requestId && item.closureSequence === sequence);

  it('exports each closure with customer, site, asset, contract, centre, technicians, labour, travel and materials', async () => {
    const page = await everything();
    expect(page).toMatchObject({
      lines: 'interventions',
      timeZone: 'Europe/Rome',
      period: null,
      after: 0,
      hasMore: false,
      interventions: 5,
      materialLines: 3,
      run: null,
    });
    const closedAt = boiler.closure!.at;
    expect(find(page, boiler.id)).toEqual({
      position: expect.any(Number),
      requestId: boiler.id,
      reference: boiler.reference,
      externalReference: null,
      closureSequence: 1,
      supersedes: null,
      customer: { code: 'ACME', name: 'ACME S.p.A.' },
      site: { code: 'S-ACME-1', name: 'ACME Milano' },
      asset: { code: 'SN-ACME-1', name: null, modelCode: 'BOILER-X' },
      contract: { code: 'C-ACME-SITE', name: 'ACME Milano full service' },
      unit: { code: 'MI', name: 'Milano' },
      zoneCode: 'Z-MI',
      priority: 'high',
      source: 'desk',
      openedAt: boiler.openedAt,
      closedAt,
      closedOn: romeDay(closedAt),
      closedBy: { id: expect.any(String), name: 'Mario Rossi', role: 'technician' },
      technicians: [{ code: 'T-MI-1', name: 'Mario Rossi', labourMinutes: 90 }],
      labourMinutes: 90,
      estimatedLabourMinutes: 120,
      travelMinutes: 30,
      travelKm: 12.5,
      materials: [
        {
          line: 1,
          itemCode: 'FILTER',
          itemName: 'Air filter',
          quantity: 2,
          unitOfMeasure: 'piece',
          unitPrice: null,
          warehouse: { code: 'VAN-T-MI-1', name: 'Van of Rossi', type: 'van', technicianCode: 'T-MI-1' },
        },
        {
          line: 2,
          itemCode: 'OIL',
          itemName: 'Pump oil',
          quantity: 0.75,
          unitOfMeasure: 'litre',
          unitPrice: null,
          warehouse: { code: 'VAN-T-MI-1', name: 'Van of Rossi', type: 'van', technicianCode: 'T-MI-1' },
        },
        {
          line: 3,
          itemCode: 'GASKET',
          itemName: 'Gasket, 24 mm',
          quantity: 1,
          unitOfMeasure: 'piece',
          unitPrice: 3.2,
          warehouse: { code: 'WH-MI', name: 'Milano warehouse', type: 'warehouse', technicianCode: null },
        },
      ],
      correctiveActions: BOILER_CLOSING.correctiveActions,
      resolution: BOILER_CLOSING.resolution,
    });
    // Rome's branch: its centre, its contract, closed by the desk on the technician's behalf.
    expect(find(page, bank.id)).toMatchObject({
      externalReference: 'BETA-TICKET-77',
      customer: { code: 'BETA', name: 'Beta Banca' },
      unit: { code: 'RM', name: 'Roma' },
      technicians: [{ code: 'T-RM-1', name: 'Giulia Bianchi', labourMinutes: 30 }],
      closedBy: { name: 'Desk Roma', role: 'dispatcher' },
      materials: [],
    });
    // In log order, each closure once.
    const positions = itemsOf(page).map((item) => item.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('pages after a cursor without missing or repeating a closure, and goes on from the last cursor', async () => {
    const whole = itemsOf(await everything());
    const { pages, cursor } = await exportAllPages(suite.api, integrator, 2);
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((page) => itemsOf(page))).toEqual(whole);
    expect(cursor).toBe(whole.at(-1)!.position);

    // While more is waiting, Link says where; the last page has no next link.
    const first = await suite.api.call('GET', '/api/exports/interventions?limit=2', integrator);
    expect(first.headers.get('link')).toBe(
      `</api/exports/interventions?format=json&lines=interventions&after=${whole[1]!.position}&limit=2>; rel="next"`,
    );
    const last = await suite.api.call(
      'GET',
      `/api/exports/interventions?after=${whole[3]!.position}`,
      integrator,
    );
    expect(last.headers.get('link')).toBeNull();

    // Only what is new since the cursor: the next closure, then nothing, the cursor staying put.
    const fresh = await closeThroughApi(suite.api, milan, ROUTINE_CLOSING);
    const since = await exportAllPages(suite.api, integrator, 2, cursor);
    expect(since.pages.flatMap((page) => itemsOf(page).map((item) => item.requestId))).toEqual([fresh.id]);
    const caughtUp = await exportPage(suite.api, integrator, `after=${since.cursor}`);
    expect(caughtUp).toMatchObject({ items: [], hasMore: false, nextCursor: since.cursor, interventions: 0 });
  });

  it('exports a reopened request again when it closes again, saying which closure it supersedes', async () => {
    const before = await everything();
    const first = find(before, boiler.id)!;
    await act(suite.api, milan.desk, 'POST', `${boiler.id}/reopen`, { reason: 'Fault came back at night' });
    await workAndClose(suite.api, milan, boiler.id, {
      labourMinutes: 40,
      travelMinutes: 25,
      travelKm: 12.5,
      materials: [{ itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-T-MI-1' }],
      correctiveActions: ['Replaced the second filter'],
      resolution: 'Second filter was clogged too.',
    });

    const since = await exportPage(suite.api, integrator, `after=${before.nextCursor}`);
    expect(itemsOf(since)).toHaveLength(1);
    expect(itemsOf(since)[0]).toMatchObject({
      requestId: boiler.id,
      closureSequence: 2,
      supersedes: {
        position: first.position,
        closureSequence: 1,
        closedAt: first.closedAt,
        reopenedAt: expect.any(String),
        reopenReason: 'Fault came back at night',
      },
      labourMinutes: 40,
      technicians: [{ code: 'T-MI-1', labourMinutes: 40 }],
      materials: [expect.objectContaining({ line: 1, itemCode: 'FILTER', quantity: 1 })],
    });
    // The first closure is still exported as it was: the history does not change.
    expect(find(await everything(), boiler.id, 1)).toEqual(first);

    // Both closures' materials left the van: every line stands as a stock movement.
    const materials = await exportPage(suite.api, integrator, 'lines=materials&limit=5000');
    const boilerLines = (materials.items as ExportedMaterialLine[]).filter(
      (line) => line.requestId === boiler.id,
    );
    expect(
      boilerLines.map((line) => [line.closureSequence, line.line, line.itemCode, line.supersedesPosition]),
    ).toEqual([
      [1, 1, 'FILTER', null],
      [1, 2, 'OIL', null],
      [1, 3, 'GASKET', null],
      [2, 1, 'FILTER', first.position],
    ]);
  });

  /** The columns, written out by hand: changing their order must be done here too, on purpose. */
  const INTERVENTION_HEADER = [
    'position',
    'request_id',
    'reference',
    'external_reference',
    'closure_sequence',
    'supersedes_position',
    'customer_code',
    'customer_name',
    'site_code',
    'site_name',
    'asset_code',
    'asset_model_code',
    'contract_code',
    'contract_name',
    'unit_code',
    'unit_name',
    'priority',
    'opened_at',
    'closed_at',
    'closed_on',
    'technician_codes',
    'technician_names',
    'labour_minutes',
    'estimated_labour_minutes',
    'travel_minutes',
    'travel_km',
    'material_lines',
    'corrective_actions',
    'resolution',
    'closed_by',
  ];
  const MATERIAL_HEADER = [
    'position',
    'request_id',
    'reference',
    'closure_sequence',
    'supersedes_position',
    'closed_at',
    'closed_on',
    'customer_code',
    'site_code',
    'contract_code',
    'unit_code',
    'line',
    'item_code',
    'item_name',
    'quantity',
    'unit_of_measure',
    'unit_price',
    'warehouse_code',
    'warehouse_name',
    'warehouse_type',
    'van_technician_code',
  ];
  /** An absent value is an empty field; numbers are plain dot-decimal. */
  const cell = (value: string | number | null | undefined) =>
    value === null || value === undefined ? '' : String(value);

  async function csvOf(
    query: string,
  ): Promise<{ response: Response; text: string; rows: Record<string, string>[] }> {
    const response = await suite.api.call('GET', `/api/exports/interventions?${query}`, integrator);
    expect(response.status).toBe(200);
    const text = await response.text();
    return { response, text, rows: parse(text, { columns: true }) as Record<string, string>[] };
  }

  it('answers the same closures as CSV, parsed back field by field, with the period in the file name', async () => {
    // A period around today in Rome, wide enough for every closure of this suite.
    const from = romeDay(Date.now() - 86_400_000);
    const to = romeDay(Date.now() + 2 * 86_400_000);
    const json = await exportPage(suite.api, integrator, `from=${from}&to=${to}&limit=5000`);
    expect(json.period).toEqual({
      from,
      to,
      fromInstant: expect.stringMatching(/T2[23]:00:00\.000Z$/),
      toInstant: expect.stringMatching(/T2[23]:00:00\.000Z$/),
    });
    expect(json.interventions).toBe(7);

    const { response, text, rows } = await csvOf(`from=${from}&to=${to}&limit=5000&format=csv`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="interventions_${from}_${to}.csv"`,
    );
    // UTF-8 without a byte-order mark, RFC 4180's CRLF.
    expect(text.startsWith(`${INTERVENTION_HEADER.join(',')}\r\n`)).toBe(true);
    expect(rows.map((row) => Object.keys(row))[0]).toEqual(INTERVENTION_HEADER);
    expect(rows).toEqual(
      itemsOf(json).map((item) => ({
        position: String(item.position),
        request_id: item.requestId,
        reference: item.reference,
        external_reference: cell(item.externalReference),
        closure_sequence: String(item.closureSequence),
        supersedes_position: cell(item.supersedes?.position),
        customer_code: item.customer.code,
        customer_name: cell(item.customer.name),
        site_code: item.site.code,
        site_name: cell(item.site.name),
        asset_code: cell(item.asset?.code),
        asset_model_code: cell(item.asset?.modelCode),
        contract_code: cell(item.contract?.code),
        contract_name: cell(item.contract?.name),
        unit_code: cell(item.unit?.code),
        unit_name: cell(item.unit?.name),
        priority: item.priority,
        opened_at: item.openedAt,
        closed_at: item.closedAt,
        closed_on: item.closedOn,
        technician_codes: item.technicians.map((technician) => technician.code).join('|'),
        technician_names: item.technicians.map((technician) => technician.name).join(' | '),
        labour_minutes: String(item.labourMinutes),
        estimated_labour_minutes: String(item.estimatedLabourMinutes),
        travel_minutes: String(item.travelMinutes),
        travel_km: String(item.travelKm),
        material_lines: String(item.materials.length),
        corrective_actions: item.correctiveActions.join(' | '),
        resolution: item.resolution,
        closed_by: item.closedBy.name,
      })),
    );
    // The awkward values survive: a comma in a name, a line break in a resolution, decimals.
    expect(rows.find((row) => row.request_id === boiler.id && row.closure_sequence === '1')).toMatchObject({
      travel_km: '12.5',
      resolution: BOILER_CLOSING.resolution,
      corrective_actions: 'Replaced the air filter | Topped up the pump oil, checked for leaks',
    });

    const materialsJson = await exportPage(
      suite.api,
      integrator,
      `from=${from}&to=${to}&limit=5000&lines=materials`,
    );
    const materials = await csvOf(`from=${from}&to=${to}&limit=5000&lines=materials&format=csv`);
    expect(materials.response.headers.get('content-disposition')).toBe(
      `attachment; filename="intervention-materials_${from}_${to}.csv"`,
    );
    expect(materials.text.startsWith(`${MATERIAL_HEADER.join(',')}\r\n`)).toBe(true);
    expect(materials.rows).toHaveLength(4);
    expect(materials.rows).toEqual(
      (materialsJson.items as ExportedMaterialLine[]).map((line) => ({
        position: String(line.position),
        request_id: line.requestId,
        reference: line.reference,
        closure_sequence: String(line.closureSequence),
        supersedes_position: cell(line.supersedesPosition),
        closed_at: line.closedAt,
        closed_on: line.closedOn,
        customer_code: line.customerCode,
        site_code: line.siteCode,
        contract_code: cell(line.contractCode),
        unit_code: cell(line.unitCode),
        line: String(line.line),
        item_code: line.itemCode,
        item_name: cell(line.itemName),
        quantity: String(line.quantity),
        unit_of_measure: cell(line.unitOfMeasure),
        unit_price: cell(line.unitPrice),
        warehouse_code: line.warehouseCode,
        warehouse_name: cell(line.warehouseName),
        warehouse_type: cell(line.warehouseType),
        van_technician_code: cell(line.vanTechnicianCode),
      })),
    );
    expect(materials.rows.map((row) => [row.item_name, row.quantity, row.unit_price])).toEqual([
      ['Air filter', '2', ''],
      ['Pump oil', '0.75', ''],
      ['Gasket, 24 mm', '1', '3.2'],
      ['Air filter', '1', ''],
    ]);

    // A period with nothing closed: the header alone.
    const empty = await csvOf('from=2020-01-01&to=2020-02-01&format=csv');
    expect(empty.text).toBe(`${INTERVENTION_HEADER.join(',')}\r\n`);
  });

  it('refuses bad parameters with a 400 naming each, and records nothing', async () => {
    const refused = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
      const response = await suite.api.call(method, path, integrator, body);
      expect([path, response.status]).toEqual([path, 400]);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await response.json()) as { errors: { field: string }[] };
      return problem.errors.map((error) => error.field);
    };
    const get = (query: string) => refused('GET', `/api/exports/interventions?${query}`);
    expect(await get('format=xml')).toEqual(['format']);
    expect(await get('lines=rows')).toEqual(['lines']);
    expect(await get('from=2026-02-30')).toEqual(['from']);
    expect(await get('from=1.12.2026')).toEqual(['from']);
    expect(await get('from=2026-12-02&to=2026-12-01')).toEqual(['to']);
    expect(await get('from=2026-12-01&to=2026-12-01')).toEqual(['to']);
    expect(await get('after=-1')).toEqual(['after']);
    expect(await get('after=twelve')).toEqual(['after']);
    expect(await get('limit=0')).toEqual(['limit']);
    expect(await get('limit=5001')).toEqual(['limit']);
    expect(await get('format=json&format=csv')).toEqual(['format']);
    expect(await get('form=csv')).toEqual(['form']);
    expect(await refused('GET', '/api/exports/interventions/runs')).toEqual(['consumer']);
    expect(await refused('GET', '/api/exports/interventions/runs?consumer=ERP')).toEqual(['consumer']);
    expect(await refused('GET', '/api/exports/interventions/runs/not-a-run')).toEqual(['runId']);
    expect(await refused('GET', '/api/exports/interventions/runs/erp-1?format=pdf')).toEqual(['format']);

    const post = (body: unknown) => refused('POST', '/api/exports/interventions/runs', body);
    expect(await post({})).toEqual(['consumer']);
    expect(await post({ consumer: 'erp/prod' })).toEqual(['consumer']);
    expect(await post({ consumer: 'erp', format: 'xlsx' })).toEqual(['format']);
    expect(await post({ consumer: 'erp', lines: 'all' })).toEqual(['lines']);
    expect(await post({ consumer: 'erp', limit: 0 })).toEqual(['limit']);
    expect(await post({ consumer: 'erp', since: 0 })).toEqual(['since']);
    // Nothing was recorded for anyone.
    const runs = await suite.api.call('GET', '/api/exports/interventions/runs?consumer=erp', integrator);
    expect(await runs.json()).toEqual({ consumer: 'erp', version: 0, throughPosition: 0, runs: [] });
    // An unknown run of a well-formed id is missing, not malformed.
    expect((await suite.api.call('GET', '/api/exports/interventions/runs/erp-1', integrator)).status).toBe(
      404,
    );
  });
});
