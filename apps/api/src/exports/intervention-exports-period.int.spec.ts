import type { ExportedIntervention, ExportedMaterialLine } from '@fieldstream/api-contract';
import { issueApiKey } from '../event-stream/testing/event-stream-calls';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { exportPage, receiveStock } from './testing/closed-interventions';
import { type ClosingDriver, startClosingDriver } from './testing/closing-driver';

jest.setTimeout(60_000);

/*
 * Closing periods are days in the organisation's zone (the fixture's head office: Europe/Rome),
 * `from` inclusive from 00:00, `to` exclusive. Around the spring change of 2026: Rome is UTC+1
 * until 29 March 01:00 UTC, UTC+2 after, so 29 March lasts 23 hours:
 *
 *   A  2026-03-28T22:59:59Z  Rome 28 March 23:59:59   (UTC: 28 March)
 *   B  2026-03-28T23:00:00Z  Rome 29 March 00:00:00   (UTC: still 28 March)
 *   C  2026-03-29T21:59:59Z  Rome 29 March 23:59:59   (summer time)
 *   D  2026-03-29T22:00:00Z  Rome 30 March 00:00:00   (UTC: still 29 March)
 *   E  2026-03-29T10:00:00Z  Rome 29 March, but recorded in the log after D
 *
 * Read in UTC, 29 March would hold C, D and E; in Rome it holds B, C and E.
 */
const CLOSED = {
  A: '2026-03-28T22:59:59.000Z',
  B: '2026-03-28T23:00:00.000Z',
  C: '2026-03-29T21:59:59.000Z',
  D: '2026-03-29T22:00:00.000Z',
  E: '2026-03-29T10:00:00.000Z',
} as const;
type Closure = keyof typeof CLOSED;

describe('the export by closing period, in Rome’s time zone', () => {
  const suite = withOrganisationApi();
  let driver: ClosingDriver;
  let integrator: string;
  const ids = {} as Record<Closure, string>;

  beforeAll(async () => {
    integrator = await issueApiKey(suite.api, suite.admin, { name: 'ERP', role: 'integrator' });
    await receiveStock(suite.api, suite.admin, 'VAN-T-MI-1', 'OIL', 10);
    driver = await startClosingDriver(suite.api);
    for (const closure of Object.keys(CLOSED) as Closure[]) {
      ids[closure] = await driver.closeAt(CLOSED[closure], {
        materials: [{ itemCode: 'OIL', quantity: 0.5, warehouseCode: 'VAN-T-MI-1' }],
      });
    }
    await driver.settle();
  });
  afterAll(() => driver?.stop());

  /** Which of the closures a period's export holds, in log order. */
  async function closuresIn(query: string): Promise<Closure[]> {
    const page = await exportPage(suite.api, integrator, `${query}&limit=5000`);
    const byId = new Map(Object.entries(ids).map(([closure, id]) => [id, closure as Closure]));
    return (page.items as ExportedIntervention[]).map((item) => byId.get(item.requestId)!);
  }

  it('takes the closing days from midnight to midnight in Rome, the first day in, the last out', async () => {
    expect(await closuresIn('from=2026-03-28&to=2026-03-29')).toEqual(['A']);
    expect(await closuresIn('from=2026-03-29&to=2026-03-30')).toEqual(['B', 'C', 'E']);
    expect(await closuresIn('from=2026-03-30&to=2026-03-31')).toEqual(['D']);
    expect(await closuresIn('from=2026-03-28&to=2026-03-31')).toEqual(['A', 'B', 'C', 'D', 'E']);
    // Either end may be left open.
    expect(await closuresIn('to=2026-03-29')).toEqual(['A']);
    expect(await closuresIn('from=2026-03-30&to=2026-04-01')).toEqual(['D']);

    const day = await exportPage(suite.api, integrator, 'from=2026-03-29&to=2026-03-30');
    expect(day).toMatchObject({
      timeZone: 'Europe/Rome',
      period: {
        from: '2026-03-29',
        to: '2026-03-30',
        fromInstant: '2026-03-28T23:00:00.000Z',
        toInstant: '2026-03-29T22:00:00.000Z',
      },
    });
    expect((day.items as ExportedIntervention[]).map((item) => [item.closedAt, item.closedOn])).toEqual([
      [CLOSED.B, '2026-03-29'],
      [CLOSED.C, '2026-03-29'],
      [CLOSED.E, '2026-03-29'],
    ]);
    // The contract in force on the opening day, which lies in the past: ACME's 2026 contract.
    expect((day.items as ExportedIntervention[])[0]!.contract).toEqual({ code: 'C-ACME', name: 'ACME gold' });
  });

  it('pages a period after a cursor, and exports its material lines by the same days', async () => {
    const seen: Closure[] = [];
    let after = 0;
    for (let pages = 0; ; pages++) {
      const page = await exportPage(
        suite.api,
        integrator,
        `from=2026-03-29&to=2026-03-30&limit=1&after=${after}`,
      );
      const byId = new Map(Object.entries(ids).map(([closure, id]) => [id, closure as Closure]));
      seen.push(...(page.items as ExportedIntervention[]).map((item) => byId.get(item.requestId)!));
      after = page.nextCursor;
      if (!page.hasMore) break;
      expect(pages).toBeLessThan(5);
    }
    expect(seen).toEqual(['B', 'C', 'E']);

    const materials = await exportPage(
      suite.api,
      integrator,
      'from=2026-03-29&to=2026-03-30&lines=materials',
    );
    expect(
      (materials.items as ExportedMaterialLine[]).map((line) => [
        line.requestId,
        line.itemCode,
        line.quantity,
        line.closedOn,
      ]),
    ).toEqual([
      [ids.B, 'OIL', 0.5, '2026-03-29'],
      [ids.C, 'OIL', 0.5, '2026-03-29'],
      [ids.E, 'OIL', 0.5, '2026-03-29'],
    ]);
    const csv = await suite.api.call(
      'GET',
      '/api/exports/interventions?from=2026-03-29&to=2026-03-30&format=csv',
      integrator,
    );
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="interventions_2026-03-29_2026-03-30.csv"',
    );
  });
});
