import {
  type RequestServiceLevel,
  type SlaDashboard,
  requestServiceLevelSchema,
  slaDashboardSchema,
} from '@fieldstream/api-contract';
import { SLA_NOT_KNOWN_YET } from '@fieldstream/application';
import { SLA_ALARMS_QUEUE, slaTimerId } from '@fieldstream/queue';
import { type TestRedis, startRedis } from '@fieldstream/testing';
import { getJson } from '../service-requests/testing/service-request-calls';
import { withOrganisationApi } from '../testing/organisation-fixture';
import { type SlaDriver, startSlaDriver } from './testing/sla-scenario';

jest.setTimeout(60_000);

/*
 * Service levels over HTTP on the real API and stores. The SLA documents come from real events:
 * requests opened and acted on at chosen instants, followed by the real SLA clocks, alarms recorded
 * by timers' visits at chosen instants (see sla-scenario.ts). Rome is UTC+1 in December: the
 * contracts' office hours, 08:00–17:00 in Rome, are 07:00–16:00 UTC.
 *
 * Friday 11 December: two critical requests breach both clocks (Monza, ACME: 60 / 120 min, 80 EUR
 * an hour; Rome, Beta: 30 / 60 min, 50 CHF an hour), resolved remotely on Monday morning.
 * Monday 14 December, seen at 12:00 UTC (13:00 in Rome), every timer due by then having fired.
 */
const NOW = '2026-12-14T12:00:00.000Z';
const utc = (time: string, day = '2026-12-14') => `${day}T${time}:00.000Z`;
const PERIOD = { from: '2026-12-10', to: '2026-12-15' };

const zero = { 'on-track': 0, 'at-risk': 0, breached: 0, paused: 0 };
const counts = (some: Partial<typeof zero>) => ({ ...zero, ...some });
const quietDay = (day: string) => ({ day, breaches: 0, penalties: [] });

describe('service levels over HTTP', () => {
  const suite = withOrganisationApi();
  let redis: TestRedis;
  let sla: SlaDriver;
  const ids: Record<
    | 'monzaPenalty'
    | 'romePenalty'
    | 'cancelled'
    | 'beta'
    | 'paused'
    | 'breached'
    | 'noLevel'
    | 'monza'
    | 'atRisk'
    | 'onTrack'
    | 'unrouted'
    | 'unfollowed',
    string
  > = {} as never;
  const references: Record<string, string> = {};

  beforeAll(async () => {
    redis = await startRedis();
    sla = await startSlaDriver(suite.api, suite.admin, redis.url);
    const acme = { customerCode: 'ACME', siteCode: 'S-ACME-1', priority: 'high' } as const;
    const monza = { customerCode: 'ACME', siteCode: 'S-ACME-NORD', priority: 'critical' } as const;
    const beta = { customerCode: 'BETA', siteCode: 'S-BETA-1' } as const;
    const openFollowed = async (at: string, input: Parameters<SlaDriver['open']>[1]) => {
      const id = await sla.open(at, input);
      await sla.follow(id);
      return id;
    };
    const friday = '2026-12-11';

    ids.monzaPenalty = await openFollowed(utc('08:00', friday), monza);
    ids.romePenalty = await openFollowed(utc('14:00', friday), { ...beta, priority: 'critical' });
    await sla.visit(utc('16:30', friday), ids.monzaPenalty);
    await sla.visit(utc('16:30', friday), ids.romePenalty);

    await sla.act(utc('08:00'), ids.romePenalty, { type: 'recordRemoteCheck', resolution: 'Reset by phone' });
    await sla.follow(ids.romePenalty);
    await sla.act(utc('09:00'), ids.monzaPenalty, {
      type: 'recordRemoteCheck',
      resolution: 'Reset by phone',
    });
    await sla.follow(ids.monzaPenalty);

    ids.cancelled = await sla.open(utc('09:00'), acme);
    await sla.act(utc('09:10'), ids.cancelled, { type: 'cancel', reason: 'Opened twice' });
    await sla.follow(ids.cancelled);
    ids.beta = await openFollowed(utc('09:30'), { ...beta, priority: 'normal' });
    ids.paused = await sla.open(utc('10:00'), acme);
    await sla.act(utc('10:05'), ids.paused, { type: 'accept' });
    await sla.act(utc('10:20'), ids.paused, {
      type: 'suspend',
      reason: 'The customer is away until Thursday',
      reasonCode: 'waiting-customer',
    });
    await sla.follow(ids.paused);
    ids.breached = await openFollowed(utc('10:30'), acme);
    ids.noLevel = await openFollowed(utc('11:00'), { ...acme, priority: 'low' });
    ids.monza = await openFollowed(utc('11:05'), monza);
    ids.atRisk = await openFollowed(utc('11:10'), acme);
    // At a site whose zone was closed: routed to no unit, in Milan's reach by its zone.
    ids.unrouted = await openFollowed(utc('11:45'), { ...acme, siteCode: 'S-ACME-OLD' });
    ids.onTrack = await openFollowed(utc('11:50'), acme);
    // Opened, but the worker has not followed it yet.
    ids.unfollowed = await sla.open(utc('11:55'), acme);

    for (const id of [ids.beta, ids.paused, ids.breached, ids.monza, ids.atRisk, ids.unrouted, ids.onTrack])
      await sla.visit(NOW, id);
    await sla.settle();
    for (const [name, id] of Object.entries(ids)) {
      const detail = await getJson<{ reference: string }>(
        suite.api,
        suite.admin,
        `/api/service-requests/${id}`,
      );
      references[name] = detail.reference;
    }
  }, 120_000);

  afterAll(async () => {
    await sla?.stop();
    await redis?.stop();
  });

  const serviceLevel = async (token: string, id: string) => {
    const answer = await getJson<RequestServiceLevel>(
      suite.api,
      token,
      `/api/service-requests/${id}/service-level`,
    );
    return requestServiceLevelSchema.parse(answer);
  };
  const dashboardPath = (filters: Record<string, string> = {}) =>
    `/api/service-levels/dashboard?${new URLSearchParams(filters)}`;
  const dashboard = async (token: string, filters: Record<string, string> = PERIOD) =>
    slaDashboardSchema.parse(await getJson<SlaDashboard>(suite.api, token, dashboardPath(filters)));
  const status = async (token: string, path: string) => (await suite.api.call('GET', path, token)).status;

  describe("one request's service level", () => {
    it('shows the clocks of a running request: deadlines, the next alarm, the breach already recorded', async () => {
      expect(await serviceLevel(suite.admin, ids.breached)).toEqual({
        requestId: ids.breached,
        reference: references['breached'],
        standing: 'breached',
        running: true,
        contractCode: 'C-ACME',
        contractName: 'ACME gold',
        pause: null,
        clocks: [
          {
            clock: 'response',
            targetMinutes: 60,
            startedAt: utc('10:30'),
            deadline: utc('11:30'),
            nextAlarm: null,
            reachedPercent: 100,
            breached: true,
            stopped: null,
          },
          {
            clock: 'restoration',
            targetMinutes: 240,
            startedAt: utc('10:30'),
            deadline: utc('14:30'),
            nextAlarm: { percent: 50, at: utc('12:30') },
            reachedPercent: null,
            breached: false,
            stopped: null,
          },
        ],
        nextDeadline: utc('11:30'),
        nextDeadlineClock: 'response',
        penalty: null,
      });
    });

    it('shows a paused request without deadlines, and why it is paused', async () => {
      const paused = await serviceLevel(suite.admin, ids.paused);
      expect(paused).toMatchObject({
        standing: 'paused',
        running: true,
        pause: {
          since: utc('10:20'),
          reasonCode: 'waiting-customer',
          reason: 'The customer is away until Thursday',
        },
        nextDeadline: null,
        nextDeadlineClock: null,
      });
      // Held by the pause: the deadlines move when it ends.
      expect(
        paused.clocks.map((clock) => [clock.clock, clock.deadline, clock.nextAlarm, clock.stopped]),
      ).toEqual([
        ['response', null, null, null],
        ['restoration', null, null, null],
      ]);
    });

    it('shows how the clocks of a request resolved late stopped, and the penalty charged', async () => {
      const stopped = await serviceLevel(suite.admin, ids.monzaPenalty);
      expect(stopped).toMatchObject({
        standing: 'breached',
        running: false,
        contractCode: 'C-ACME-NORD',
        nextDeadline: null,
        // Friday 11:00–17:00 and Monday 08:00–10:00 in Rome: 8 started hours at 80 EUR.
        penalty: { amount: 640, currency: 'EUR', hours: 8 },
      });
      expect(stopped.clocks.find((clock) => clock.clock === 'restoration')).toMatchObject({
        deadline: utc('10:00', '2026-12-11'),
        breached: true,
        stopped: { at: utc('09:00'), outcome: 'breached', elapsedMinutes: 600, lateMinutes: 480 },
      });
      expect(await serviceLevel(suite.admin, ids.cancelled)).toMatchObject({
        standing: 'cancelled',
        running: false,
        penalty: null,
      });
    });

    it('says why no clock runs: no level for the priority, or clocks not known yet', async () => {
      expect(await serviceLevel(suite.admin, ids.noLevel)).toEqual({
        requestId: ids.noLevel,
        reference: references['noLevel'],
        standing: 'not-applicable',
        running: false,
        notApplicableReason: 'Contract C-ACME sets no service level for low priority',
        pause: null,
        clocks: [],
        nextDeadline: null,
        nextDeadlineClock: null,
        penalty: null,
      });
      expect(await serviceLevel(suite.admin, ids.unfollowed)).toEqual({
        requestId: ids.unfollowed,
        reference: references['unfollowed'],
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

    it('answers whoever reads the request at the desk, 404 to anyone else, as for a missing request, and 403 to customers', async () => {
      const { tokens } = suite;
      const path = `/api/service-requests/${ids.breached}/service-level`;
      for (const reader of [tokens.dispatcherMi, tokens.manager, tokens.auditor]) {
        expect(await serviceLevel(reader, ids.breached)).toMatchObject({ standing: 'breached' });
      }
      // The service's own alarms and penalties are not the customer's view: the portal shows their contract's times.
      expect(await status(tokens.customerAcme, path)).toBe(403);
      expect(await status(tokens.customerBeta, path)).toBe(403);
      expect(await status(tokens.dispatcherRm, path)).toBe(404);
      // A technician reads the requests they work on only.
      expect(await status(tokens.technicianMi, path)).toBe(404);
      const missing = await suite.api.call(
        'GET',
        '/api/service-requests/00000000-0000-4000-8000-000000000000/service-level',
        suite.admin,
      );
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ status: 404, code: 'not_found' });
      expect(await status(tokens.dispatcherRm, `/api/service-requests/${ids.beta}/service-level`)).toBe(200);
      const unrouted = `/api/service-requests/${ids.unrouted}/service-level`;
      expect(await status(tokens.dispatcherMi, unrouted)).toBe(200);
      expect(await status(tokens.dispatcherRm, unrouted)).toBe(404);
      expect(await status('', path)).toBe(401);
    });
  });

  describe('the dashboard', () => {
    const atRiskEntry = (name: keyof typeof ids) => ({ requestId: ids[name], reference: references[name] });

    it('counts the running requests by standing, unit, zone and priority, lists those at risk by deadline, and charts breaches and penalties by day', async () => {
      const answer = await dashboard(suite.admin);
      expect(answer.period).toEqual(PERIOD);
      expect(Math.abs(Date.parse(answer.generatedAt) - Date.now())).toBeLessThan(60_000);
      expect(answer.totals).toEqual({ 'on-track': 3, 'at-risk': 2, breached: 1, paused: 1 });
      const milan = counts({ 'on-track': 1, 'at-risk': 1, breached: 1, paused: 1 });
      // The request routed to no unit counts in the total and its zone, in no unit.
      expect(answer.byUnit).toEqual([
        { code: 'MI', name: 'Milano', counts: milan },
        { code: 'MI-NORD', name: 'Milano Nord', counts: counts({ 'at-risk': 1 }) },
        { code: 'RM', name: 'Roma', counts: counts({ 'on-track': 1 }) },
      ]);
      expect(answer.byZone).toEqual([
        { code: 'Z-MI-NORD', name: 'Brianza', counts: counts({ 'at-risk': 1 }) },
        { code: 'Z-MI', name: 'Milano città', counts: milan },
        { code: 'Z-RM', name: 'Roma città', counts: counts({ 'on-track': 1 }) },
        { code: 'Z-MI-OLD', name: 'Sesto (closed)', counts: counts({ 'on-track': 1 }) },
      ]);
      // Labels from the organisation's parameters where it has them, else the code.
      expect(answer.byPriority).toEqual([
        { code: 'critical', name: 'Critica', counts: counts({ 'at-risk': 1 }) },
        { code: 'high', name: 'Alta', counts: { ...milan, 'on-track': 2 } },
        { code: 'normal', name: 'normal', counts: counts({ 'on-track': 1 }) },
        { code: 'low', name: 'low', counts: zero },
      ]);
      expect(answer.atRisk).toEqual([
        {
          ...atRiskEntry('breached'),
          customerCode: 'ACME',
          customerName: 'ACME S.p.A.',
          siteCode: 'S-ACME-1',
          siteName: 'ACME Milano',
          unitCode: 'MI',
          zoneCode: 'Z-MI',
          priority: 'high',
          standing: 'breached',
          clock: 'response',
          deadline: utc('11:30'),
          reachedPercent: 100,
        },
        {
          ...atRiskEntry('monza'),
          customerCode: 'ACME',
          customerName: 'ACME S.p.A.',
          siteCode: 'S-ACME-NORD',
          siteName: 'ACME Monza',
          unitCode: 'MI-NORD',
          zoneCode: 'Z-MI-NORD',
          priority: 'critical',
          standing: 'at-risk',
          clock: 'response',
          deadline: utc('12:05'),
          reachedPercent: 90,
        },
        {
          ...atRiskEntry('atRisk'),
          customerCode: 'ACME',
          customerName: 'ACME S.p.A.',
          siteCode: 'S-ACME-1',
          siteName: 'ACME Milano',
          unitCode: 'MI',
          zoneCode: 'Z-MI',
          priority: 'high',
          standing: 'at-risk',
          clock: 'response',
          deadline: utc('12:10'),
          reachedPercent: 75,
        },
      ]);
      expect(answer.series).toEqual([
        quietDay('2026-12-10'),
        // Both clocks of both Friday requests, counted on the day of their deadlines.
        { day: '2026-12-11', breaches: 4, penalties: [] },
        quietDay('2026-12-12'),
        quietDay('2026-12-13'),
        // The response breached at 11:30; the penalties charged when the Friday requests stopped.
        {
          day: '2026-12-14',
          breaches: 1,
          penalties: [
            { amount: 100, currency: 'CHF' },
            { amount: 640, currency: 'EUR' },
          ],
        },
        quietDay('2026-12-15'),
      ]);
      expect(answer.breachesInPeriod).toBe(5);
      expect(answer.penaltiesInPeriod).toEqual([
        { amount: 100, currency: 'CHF' },
        { amount: 640, currency: 'EUR' },
      ]);
    });

    it('shows a manager bound to the head office and an auditor everything, as an administrator', async () => {
      const everything = await dashboard(suite.admin);
      const { generatedAt: _, ...expected } = everything;
      for (const reader of [suite.tokens.manager, suite.tokens.auditor]) {
        const { generatedAt: _at, ...answer } = await dashboard(reader);
        expect(answer).toEqual(expected);
      }
    });

    it("keeps a centre's desk to its units and those below them", async () => {
      const milan = await dashboard(suite.tokens.dispatcherMi);
      // The request routed to no unit is in Milan's reach by its zone, as on the to-do list.
      expect(milan.totals).toEqual({ 'on-track': 2, 'at-risk': 2, breached: 1, paused: 1 });
      expect(milan.byUnit.map((group) => group.code)).toEqual(['MI', 'MI-NORD']);
      expect(milan.byZone.map((group) => group.code)).toEqual(['Z-MI-NORD', 'Z-MI', 'Z-MI-OLD']);
      expect(milan.atRisk.map((entry) => entry.requestId)).toEqual([ids.breached, ids.monza, ids.atRisk]);
      expect(milan.series.find((day) => day.day === '2026-12-11')).toEqual({
        day: '2026-12-11',
        breaches: 2,
        penalties: [],
      });
      expect(milan.penaltiesInPeriod).toEqual([{ amount: 640, currency: 'EUR' }]);
      expect(milan.breachesInPeriod).toBe(3);

      const rome = await dashboard(suite.tokens.dispatcherRm);
      expect(rome.totals).toEqual(counts({ 'on-track': 1 }));
      expect(rome.byUnit).toEqual([{ code: 'RM', name: 'Roma', counts: counts({ 'on-track': 1 }) }]);
      expect(rome.atRisk).toEqual([]);
      expect(rome.penaltiesInPeriod).toEqual([{ amount: 100, currency: 'CHF' }]);
      expect(rome.breachesInPeriod).toBe(2);
    });

    it('narrows to a unit (and the units below it), a zone, a priority', async () => {
      // Routed to no unit: not under Milan's unit, whatever its zone.
      const milan = await dashboard(suite.admin, { ...PERIOD, unitCode: 'MI' });
      expect(milan.totals).toEqual({ 'on-track': 1, 'at-risk': 2, breached: 1, paused: 1 });
      const desk = await dashboard(suite.tokens.dispatcherMi, { ...PERIOD, unitCode: 'MI' });
      expect(desk.totals).toEqual(milan.totals);
      expect(milan.breachesInPeriod).toBe(3);

      const team = await dashboard(suite.tokens.dispatcherMi, { ...PERIOD, unitCode: 'MI-NORD' });
      expect(team.totals).toEqual(counts({ 'at-risk': 1 }));
      expect(team.atRisk.map((entry) => entry.requestId)).toEqual([ids.monza]);

      const brianza = await dashboard(suite.admin, { ...PERIOD, zoneCode: 'Z-MI-NORD' });
      expect(brianza.totals).toEqual(counts({ 'at-risk': 1 }));
      expect(brianza.byZone.map((group) => group.code)).toEqual(['Z-MI-NORD']);
      expect(brianza.penaltiesInPeriod).toEqual([{ amount: 640, currency: 'EUR' }]);

      const critical = await dashboard(suite.admin, { ...PERIOD, priority: 'critical' });
      expect(critical.totals).toEqual(counts({ 'at-risk': 1 }));
      expect(critical.byPriority.find((group) => group.code === 'critical')!.counts).toEqual(
        counts({ 'at-risk': 1 }),
      );
      expect(critical.byPriority.find((group) => group.code === 'high')!.counts).toEqual(zero);
      expect(critical.breachesInPeriod).toBe(4);
      expect(critical.penaltiesInPeriod).toHaveLength(2);
    });

    it('covers the 30 days up to today by default', async () => {
      const answer = await dashboard(suite.admin, {});
      const today = new Date().toISOString().slice(0, 10);
      const from = new Date(Date.parse(today) - 29 * 86_400_000).toISOString().slice(0, 10);
      expect(answer.period).toEqual({ from, to: today });
      expect(answer.series).toHaveLength(30);
      expect(answer.series[0]!.day).toBe(from);
      expect(answer.series[29]!.day).toBe(today);
      // The running requests do not depend on the period.
      expect(answer.totals).toEqual({ 'on-track': 3, 'at-risk': 2, breached: 1, paused: 1 });
    });

    it('is for those who oversee service levels: 403 for technicians and customers', async () => {
      for (const reader of [suite.tokens.technicianMi, suite.tokens.customerAcme]) {
        const response = await suite.api.call('GET', dashboardPath(), reader);
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ code: 'forbidden' });
      }
    });

    it('answers 404 for a unit or zone that does not exist or lies out of reach', async () => {
      const { tokens } = suite;
      const notFound = async (token: string, filters: Record<string, string>) => {
        const response = await suite.api.call('GET', dashboardPath(filters), token);
        expect([filters, response.status]).toEqual([filters, 404]);
        return (await response.json()) as { resource: unknown };
      };
      expect(await notFound(suite.admin, { unitCode: 'NOPE' })).toMatchObject({
        resource: { kind: 'unit', id: 'NOPE' },
      });
      await notFound(suite.admin, { zoneCode: 'Z-NOPE' });
      await notFound(tokens.dispatcherMi, { unitCode: 'RM' });
      await notFound(tokens.dispatcherMi, { unitCode: 'HQ' });
      await notFound(tokens.dispatcherMi, { zoneCode: 'Z-RM' });
    });

    it('answers 400 naming the field for a bad period or an unknown filter', async () => {
      const invalid = async (filters: Record<string, string>, field: string) => {
        const response = await suite.api.call('GET', dashboardPath(filters), suite.admin);
        const body = (await response.json()) as { errors: { field: string }[] };
        expect([filters, response.status, body.errors.map((error) => error.field)]).toEqual([
          filters,
          400,
          [field],
        ]);
      };
      await invalid({ from: '2026-12-15', to: '2026-12-01' }, 'to');
      await invalid({ from: '2025-01-01', to: '2026-12-31' }, 'to');
      await invalid({ from: '14/12/2026' }, 'from');
      await invalid({ to: '2026-02-30' }, 'to');
      // Only the start: the period ends today, which must not come before it.
      await invalid({ from: '2999-01-01' }, 'from');
      await invalid({ priority: 'urgent' }, 'priority');
      await invalid({ unit: 'MI' }, '');
    });

    // Last: it adds a breach to the figures the tests above expect.
    it('shows a breach on the day of its deadline once the timer records it', async () => {
      const tuesday = '2026-12-15';
      const late = await sla.open(utc('08:00', tuesday), {
        customerCode: 'ACME',
        siteCode: 'S-ACME-1',
        priority: 'high',
      });
      await sla.follow(late);
      // The response's first alarm waits in BullMQ (50 % of 60 minutes: 08:30).
      const [timer] = await sla.scheduler.inspect(SLA_ALARMS_QUEUE, slaTimerId(late));
      expect(timer?.state).toBe('delayed');
      await sla.settle();
      const before = await dashboard(suite.admin);
      expect(before.series.at(-1)).toEqual(quietDay(tuesday));
      expect(before.totals['on-track']).toBe(4);

      await sla.visit(utc('09:30', tuesday), late);
      await sla.settle();
      const after = await dashboard(suite.admin);
      expect(after.series.at(-1)).toEqual({ day: tuesday, breaches: 1, penalties: [] });
      expect(after.breachesInPeriod).toBe(6);
      expect(after.totals).toEqual({ 'on-track': 3, 'at-risk': 2, breached: 2, paused: 1 });
      // Breached at 09:00 on Tuesday: after Monday's breach, before nothing else.
      expect(after.atRisk.map((entry) => entry.requestId)).toEqual([
        ids.breached,
        ids.monza,
        ids.atRisk,
        late,
      ]);
      expect(await serviceLevel(suite.admin, late)).toMatchObject({
        standing: 'breached',
        nextDeadline: utc('09:00', tuesday),
      });
    });
  });
});
