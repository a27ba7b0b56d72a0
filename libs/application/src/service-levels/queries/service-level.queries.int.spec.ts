import { slaDashboardQuerySchema } from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import {
  type AnyProjection,
  ProjectionRunner,
  serviceLevelsProjection,
  serviceRequestsProjection,
  silentLogger,
} from '@fieldstream/projections';
import { type TempDir, tempDir } from '@fieldstream/testing';
import { waitForReadModels } from '../../commands/wait-for-projection';
import { FieldValidationError, ForbiddenError, NotFoundError } from '../../errors';
import {
  ACTORS,
  type ServiceRequestTestBed,
  startServiceRequestTestBed,
} from '../../service-requests/commands/testing/service-request-test-bed';
import { SLA_NOT_KNOWN_YET, ServiceLevelQueries } from './service-level.queries';

jest.setTimeout(60_000);

/** The reader's clock: Wednesday 4 March 2026, late evening UTC. */
const NOW = new Date('2026-03-04T22:30:00.000Z');

/*
 * The queries on real stores, with the service-request and service-level projections running. No
 * SLA clock runs here (the worker's SLA saga does, see the API's and the worker's suites): these are
 * the rules that hold before and around it — who reads, what a lagging worker looks like, the period.
 */
describe('ServiceLevelQueries on real stores', () => {
  let dir: TempDir;
  let bed: ServiceRequestTestBed;
  let runner: ProjectionRunner;
  let queries: ServiceLevelQueries;
  let requestId: string;

  beforeAll(async () => {
    dir = await tempDir();
    bed = await startServiceRequestTestBed(dir);
    runner = new ProjectionRunner({
      eventStore: bed.events,
      readStore: bed.reads,
      projections: [serviceRequestsProjection, serviceLevelsProjection] as unknown as AnyProjection[],
      maxBatchWaitMs: 5,
      logger: silentLogger,
    });
    runner.start();
    queries = new ServiceLevelQueries({ reads: bed.reads, masterData: bed.masterData, now: () => NOW });
    const opened = await bed.commands.open(bed.as(ACTORS.admin), {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      assetCode: 'SN-ACME-1',
      description: 'The boiler leaks',
      priority: 'high',
      conditionCodes: [],
    });
    requestId = opened.requestId;
    const late = await waitForReadModels(
      bed.events,
      bed.reads,
      [serviceRequestsProjection, serviceLevelsProjection],
      opened.position,
      20_000,
    );
    expect(late).toEqual([]);
  });

  afterAll(async () => {
    await runner?.stop();
    await bed?.stop();
  });

  describe("a request's service level", () => {
    it('is not known yet while the worker has not followed the opening: not-applicable, saying so', async () => {
      const answer = await queries.forRequest(ACTORS.admin, requestId);
      expect(answer).toEqual({
        requestId,
        reference: expect.stringMatching(/^SR-/),
        standing: 'not-applicable',
        running: false,
        notApplicableReason: SLA_NOT_KNOWN_YET,
        pause: null,
        clocks: [],
        nextDeadline: null,
        nextDeadlineClock: null,
        penalty: null,
      });
    });

    it('is read by whoever reads the request (its detail decides), missing for anyone else, refused to customers', async () => {
      const readers: Principal[] = [
        ACTORS.admin,
        ACTORS.auditor,
        ACTORS.integrator,
        ACTORS.manager,
        ACTORS.dispatcherMi,
        // A device reads the requests about the assets it reports for.
        ACTORS.device,
      ];
      for (const reader of readers) {
        await expect(queries.forRequest(reader, requestId)).resolves.toMatchObject({ requestId });
      }
      const strangers: Principal[] = [
        ACTORS.dispatcherRm,
        ACTORS.technicianMi,
        { ...ACTORS.device, assetCodes: ['SN-BETA-1'] },
      ];
      for (const stranger of strangers) {
        await expect(queries.forRequest(stranger, requestId)).rejects.toBeInstanceOf(NotFoundError);
      }
      // The service's own clocks and alarms are not the customer's view (the portal shows their contract).
      for (const customer of [ACTORS.customerAcme, { ...ACTORS.customerAcme, customerCode: 'BETA' }]) {
        await expect(queries.forRequest(customer, requestId)).rejects.toBeInstanceOf(ForbiddenError);
      }
      await expect(queries.forRequest(ACTORS.admin, 'no-such-request')).rejects.toMatchObject({
        resource: { kind: 'service-request', id: 'no-such-request' },
      });
    });
  });

  describe('the dashboard', () => {
    const asked = (query: object = {}) => slaDashboardQuerySchema.parse(query);

    it('has every day of the 30 up to today (the reader’s clock, UTC), and nothing running yet', async () => {
      const answer = await queries.dashboard(ACTORS.admin, asked());
      expect(answer.generatedAt).toBe(NOW.toISOString());
      expect(answer.period).toEqual({ from: '2026-02-03', to: '2026-03-04' });
      expect(answer.series).toHaveLength(30);
      expect(answer.series.every((day) => day.breaches === 0 && day.penalties.length === 0)).toBe(true);
      const none = { 'on-track': 0, 'at-risk': 0, breached: 0, paused: 0 };
      expect(answer).toMatchObject({
        totals: none,
        byUnit: [],
        byZone: [],
        atRisk: [],
        breachesInPeriod: 0,
        penaltiesInPeriod: [],
      });
      // No organisation parameters here: the codes name the priorities.
      expect(answer.byPriority).toEqual(
        ['critical', 'high', 'normal', 'low'].map((code) => ({ code, name: code, counts: none })),
      );
    });

    it('is for administrators, managers, auditors and the desk; refused to anyone else', async () => {
      for (const reader of [ACTORS.admin, ACTORS.manager, ACTORS.auditor, ACTORS.dispatcherRm]) {
        await expect(queries.dashboard(reader, asked())).resolves.toMatchObject({ atRisk: [] });
      }
      for (const reader of [ACTORS.technicianMi, ACTORS.customerAcme, ACTORS.integrator, ACTORS.device]) {
        await expect(queries.dashboard(reader, asked())).rejects.toBeInstanceOf(ForbiddenError);
      }
    });

    it('reads filter codes as master data does: unknown or out of reach is missing', async () => {
      await expect(queries.dashboard(ACTORS.admin, asked({ unitCode: 'NOPE' }))).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(queries.dashboard(ACTORS.dispatcherMi, asked({ unitCode: 'RM' }))).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(
        queries.dashboard(ACTORS.dispatcherMi, asked({ zoneCode: 'Z-RM' })),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        queries.dashboard(ACTORS.dispatcherMi, asked({ unitCode: 'MI', zoneCode: 'Z-MI' })),
      ).resolves.toMatchObject({ atRisk: [] });
    });

    it('refuses a start after today when only the start is given', async () => {
      const refused = queries.dashboard(ACTORS.admin, asked({ from: '2026-03-05' }));
      await expect(refused).rejects.toBeInstanceOf(FieldValidationError);
      await expect(refused).rejects.toMatchObject({ issues: [{ field: 'from', code: 'invalid_period' }] });
    });
  });
});
