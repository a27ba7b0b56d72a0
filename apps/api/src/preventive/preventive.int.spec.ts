import { MasterDataService, PreventivePlanner, ServiceRequestCommands } from '@fieldstream/application';
import type { PreventiveRun } from '@fieldstream/api-contract';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { getJson } from '../service-requests/testing/service-request-calls';
import { withOrganisationApi } from '../testing/organisation-fixture';

jest.setTimeout(60_000);

/*
 * Preventive maintenance over HTTP on the real API and stores: meter readings in, the runs'
 * reports out. The run itself is the worker's (see apps/worker/src/sagas/preventive.int.spec.ts);
 * here the same PreventivePlanner runs on the API's database files, at a chosen instant.
 */
describe('preventive maintenance over HTTP', () => {
  const suite = withOrganisationApi();
  let events: EventStore;
  let reads: ReadStore;
  const reading = (token: string, asset: string, body: unknown) =>
    suite.api.call('POST', `/api/assets/${asset}/meter-readings`, token, body);

  beforeAll(async () => {
    const config = suite.api.config;
    events = await openSqliteEventStore({
      file: config.eventStore.kind === 'sqlite' ? config.eventStore.file : '',
    });
    reads = await openSqliteReadStore({
      file: config.readStore.kind === 'sqlite' ? config.readStore.file : '',
    });
  });
  afterAll(async () => {
    await events?.close();
    await reads?.close();
  });

  it('records readings from the desk and technicians, once each, and refuses a meter going back', async () => {
    const first = await reading(suite.admin, 'SN-ACME-1', {
      meter: 'burner-hours',
      value: 120,
      at: '2026-11-20T08:00:00Z',
    });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ assetCode: 'SN-ACME-1', recorded: true });
    const again = await reading(suite.admin, 'SN-ACME-1', {
      meter: 'burner-hours',
      value: 120,
      at: '2026-11-20T09:00:00+01:00',
    });
    expect(await again.json()).toEqual({ assetCode: 'SN-ACME-1', recorded: false });
    const technician = await reading(suite.tokens.technicianMi, 'SN-ACME-1', {
      meter: 'burner-hours',
      value: 130,
    });
    expect(technician.status).toBe(201);

    const back = await reading(suite.admin, 'SN-ACME-1', { meter: 'burner-hours', value: 100 });
    expect(back.status).toBe(409);
    expect(await back.json()).toMatchObject({ code: 'reading_goes_back' });

    expect((await reading(suite.admin, 'SN-NOWHERE', { meter: 'burner-hours', value: 1 })).status).toBe(404);
    expect(
      (await reading(suite.tokens.customerAcme, 'SN-ACME-1', { meter: 'burner-hours', value: 200 })).status,
    ).toBe(403);
    const bad = await reading(suite.admin, 'SN-ACME-1', { meter: '', value: -1 });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field).sort();
    expect(fields).toEqual(['meter', 'value']);
  });

  it('lists what the runs opened, moved off a holiday, newest first, for the desk and management only', async () => {
    const plan = await suite.api.call('POST', '/api/master-data/maintenance-plans', suite.admin, {
      code: 'PM-BOILER-YEARLY',
      name: 'Yearly boiler service',
      assetModelCodes: ['BOILER-X'],
      calendar: { rrule: 'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=8', startDate: '2025-12-08' },
      leadDays: 14,
      description: 'Annual combustion check',
    });
    expect(plan.status).toBe(201);
    const badPlan = await suite.api.call('POST', '/api/master-data/maintenance-plans', suite.admin, {
      code: 'PM-BAD',
      name: 'Hourly',
      assetModelCodes: ['BOILER-X'],
      calendar: { rrule: 'FREQ=HOURLY', startDate: '2026-01-01' },
      description: 'Too often',
    });
    expect(badPlan.status).toBe(400);
    expect(JSON.stringify(await badPlan.json())).toContain('calendar.rrule');

    const planner = new PreventivePlanner({
      events,
      reads,
      commands: new ServiceRequestCommands({
        events,
        reads,
        masterData: new MasterDataService({ events, reads }),
      }),
      now: () => new Date('2026-11-25T07:00:00Z'),
    });
    const report = await planner.runAndReport();
    expect(report.opened.length).toBeGreaterThan(0);
    expect((await planner.runAndReport()).opened).toEqual([]);

    const { runs } = await getJson<{ runs: PreventiveRun[] }>(
      suite.api,
      suite.tokens.dispatcherMi,
      '/api/preventive/runs',
    );
    // The second run opened nothing new: only the first is reported.
    expect(runs).toHaveLength(1);
    expect(
      runs[0]!.opened.map((visit) => [visit.occurrence, visit.dueOn, visit.movedBecause]),
    ).toContainEqual(['2026-12-08', '2026-12-09', 'Immacolata Concezione']);
    expect((await suite.api.call('GET', '/api/preventive/runs', suite.tokens.technicianMi)).status).toBe(403);
    expect((await suite.api.call('GET', '/api/preventive/runs?limit=0', suite.admin)).status).toBe(400);
  });
});
