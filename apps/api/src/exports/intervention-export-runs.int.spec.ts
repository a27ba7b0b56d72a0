import type {
  CloseBody,
  ExportRunList,
  ExportedIntervention,
  InterventionExportPage,
} from '@fieldstream/api-contract';
import { issueApiKey } from '../event-stream/testing/event-stream-calls';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { type Walkers, closeThroughApi, receiveStock } from './testing/closed-interventions';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parse } = require('csv-parse/sync') as typeof import('csv-parse/sync');

jest.setTimeout(90_000);

const RUNS = '/api/exports/interventions/runs';

const CLOSING: CloseBody = {
  labourMinutes: 60,
  travelMinutes: 20,
  travelKm: 9.5,
  materials: [{ itemCode: 'FILTER', quantity: 1, warehouseCode: 'VAN-T-MI-1' }],
  correctiveActions: ['Replaced the air filter'],
  resolution: 'Filter replaced.',
};

/**
 * Named consumers of the export over HTTP: each run takes what closed since the consumer's last
 * run and is recorded in the consumer's own stream, so that the next run starts after it; runs
 * are listed and downloaded again; two runs at once do not both hold.
 */
describe('export runs of named consumers', () => {
  const suite = withOrganisationApi();
  let erp: string;
  let milan: Walkers;
  const closed: string[] = [];

  const closeOne = async () => closed.push((await closeThroughApi(suite.api, milan, CLOSING)).id);

  async function run(
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<{ response: Response; text: string }> {
    const response = await suite.api.call('POST', RUNS, erp, body, headers);
    return { response, text: await response.text() };
  }
  const runsOf = async (consumer: string): Promise<ExportRunList> => {
    const response = await suite.api.call('GET', `${RUNS}?consumer=${consumer}`, erp);
    expect(response.status).toBe(200);
    const list = (await response.json()) as ExportRunList;
    expect(response.headers.get('etag')).toBe(`"${list.version}"`);
    return list;
  };
  const requestIdsOfCsv = (text: string) =>
    (parse(text, { columns: true }) as Record<string, string>[]).map((row) => row['request_id']);

  beforeAll(async () => {
    erp = await issueApiKey(suite.api, suite.admin, { name: 'ERP', role: 'integrator' });
    await receiveStock(suite.api, suite.admin, 'VAN-T-MI-1', 'FILTER', 50);
    milan = {
      desk: suite.tokens.dispatcherMi,
      technician: suite.tokens.technicianMi,
      technicianCode: 'T-MI-1',
    };
    for (let count = 0; count < 3; count++) await closeOne();
  });

  it('exports everything on a first run, nothing on the next, then only what closed since', async () => {
    const first = await run({ consumer: 'erp', format: 'csv' });
    expect(first.response.status).toBe(201);
    expect(first.response.headers.get('location')).toBe(`${RUNS}/erp-1`);
    expect(first.response.headers.get('fieldstream-export-run')).toBe('erp-1');
    expect(first.response.headers.get('etag')).toBe('"1"');
    expect(first.response.headers.get('content-disposition')).toBe(
      'attachment; filename="interventions_erp_run-1.csv"',
    );
    expect(requestIdsOfCsv(first.text)).toEqual(closed);

    // Nothing new: an empty export, and no run recorded.
    const idle = await run({ consumer: 'erp', format: 'csv' });
    expect(idle.response.status).toBe(200);
    expect(idle.response.headers.get('etag')).toBe('"1"');
    expect(requestIdsOfCsv(idle.text)).toEqual([]);

    await closeOne();
    await closeOne();
    const second = await run({ consumer: 'erp' });
    expect(second.response.status).toBe(201);
    const page = JSON.parse(second.text) as InterventionExportPage;
    expect((page.items as ExportedIntervention[]).map((item) => item.requestId)).toEqual(closed.slice(3));
    expect(page.run).toMatchObject({
      runId: 'erp-2',
      sequence: 2,
      interventions: 2,
      materialLines: 2,
      superseding: 0,
      hasMore: false,
      format: 'json',
      lines: 'interventions',
      actor: { name: 'ERP', role: 'integrator' },
    });

    // The runs, newest first, each starting where the one before ended.
    const list = await runsOf('erp');
    expect(list.version).toBe(2);
    expect(list.runs.map((entry) => [entry.runId, entry.interventions, entry.format])).toEqual([
      ['erp-2', 2, 'json'],
      ['erp-1', 3, 'csv'],
    ]);
    const [newest, oldest] = list.runs;
    expect(oldest!.afterPosition).toBe(0);
    expect(newest!.afterPosition).toBe(oldest!.throughPosition);
    expect(list.throughPosition).toBe(newest!.throughPosition);
    expect(newest!.throughPosition).toBe(page.nextCursor);
  });

  it('downloads a past run again: the same closures, in its own format or another', async () => {
    const first = await suite.api.call('GET', `${RUNS}/erp-1`, erp);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect(requestIdsOfCsv(await first.text())).toEqual(closed.slice(0, 3));

    const asMaterials = await suite.api.call('GET', `${RUNS}/erp-1?format=json&lines=materials`, erp);
    const page = (await asMaterials.json()) as InterventionExportPage;
    expect(page).toMatchObject({
      lines: 'materials',
      run: { runId: 'erp-1' },
      interventions: 3,
      materialLines: 3,
    });
    expect(page.items.map((line) => line.requestId)).toEqual(closed.slice(0, 3));

    // An auditor reads the runs and downloads them too, without recording any.
    const auditor = suite.tokens.auditor;
    expect((await suite.api.call('GET', `${RUNS}?consumer=erp`, auditor)).status).toBe(200);
    expect((await suite.api.call('GET', `${RUNS}/erp-2`, auditor)).status).toBe(200);
    expect((await suite.api.call('POST', RUNS, auditor, { consumer: 'erp' })).status).toBe(403);
    expect((await runsOf('erp')).version).toBe(2);
  });

  it('keeps each consumer to its own runs', async () => {
    const stock = await run({ consumer: 'stock-sync', lines: 'materials', format: 'csv' });
    expect(stock.response.status).toBe(201);
    expect(stock.response.headers.get('content-disposition')).toBe(
      'attachment; filename="intervention-materials_stock-sync_run-1.csv"',
    );
    expect(requestIdsOfCsv(stock.text)).toEqual(closed);
    expect((await runsOf('erp')).version).toBe(2);
  });

  it('refuses a run whose If-Match is stale, and lets one of two runs at once hold, naming it to the other', async () => {
    await closeOne();
    const stale = await run({ consumer: 'erp' }, { 'if-match': '"1"' });
    expect(stale.response.status).toBe(409);
    expect(JSON.parse(stale.text)).toMatchObject({
      status: 409,
      stream: 'export-runs-erp',
      expectedRevision: 0,
      actualRevision: 1,
      detail: expect.stringContaining('erp-2'),
    });
    expect((await runsOf('erp')).version).toBe(2);

    // Several at once: exactly one run is recorded; the others are refused naming it (or, when
    // they started after it was recorded, find nothing new). No closure goes out twice.
    const racing = await Promise.all([1, 2, 3, 4].map(() => run({ consumer: 'erp' })));
    const statuses = racing.map((attempt) => attempt.response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.every((status) => [200, 201, 409].includes(status))).toBe(true);
    for (const attempt of racing.filter((each) => each.response.status === 409))
      expect(JSON.parse(attempt.text)).toMatchObject({
        stream: 'export-runs-erp',
        detail: expect.stringMatching(/^Another run of consumer erp was recorded meanwhile: run erp-3 /),
      });
    const exported = racing
      .filter((attempt) => attempt.response.status !== 409)
      .flatMap((attempt) =>
        (JSON.parse(attempt.text) as InterventionExportPage).items.map((item) => item.requestId),
      );
    expect(exported).toEqual([closed.at(-1)]);
    const list = await runsOf('erp');
    expect(
      list.runs.map((entry) => [entry.runId, entry.afterPosition === list.runs[1]!.throughPosition]),
    ).toEqual([
      ['erp-3', true],
      ['erp-2', false],
      ['erp-1', false],
    ]);
  });

  it('answers a retried run (same Idempotency-Key) with the same run, recording nothing more', async () => {
    await closeOne();
    const key = { 'idempotency-key': 'erp-nightly-2026-11-27' };
    const first = await run({ consumer: 'erp' }, key);
    expect(first.response.status).toBe(201);
    const again = await run({ consumer: 'erp' }, key);
    expect(again.response.status).toBe(201);
    expect(again.response.headers.get('location')).toBe(`${RUNS}/erp-4`);
    expect(JSON.parse(again.text)).toEqual(JSON.parse(first.text));
    expect((await runsOf('erp')).version).toBe(4);
  });

  it('pages a run: at most `limit` closures, the next run going on from there', async () => {
    await closeOne();
    await closeOne();
    const small = await run({ consumer: 'erp', limit: 1 });
    const page = JSON.parse(small.text) as InterventionExportPage;
    expect(page).toMatchObject({ hasMore: true, interventions: 1, run: { runId: 'erp-5', hasMore: true } });
    expect(page.items.map((item) => item.requestId)).toEqual([closed.at(-2)]);
    const rest = JSON.parse((await run({ consumer: 'erp', limit: 1 })).text) as InterventionExportPage;
    expect(rest).toMatchObject({ hasMore: false, run: { runId: 'erp-6', hasMore: false } });
    expect(rest.items.map((item) => item.requestId)).toEqual([closed.at(-1)]);
  });
});
