import {
  type CommandContext,
  MasterDataService,
  type OpenServiceRequestInput,
  type ServiceRequestAction,
  ServiceRequestCommands,
  SlaClocks,
  waitForReadModels,
} from '@fieldstream/application';
import { openServiceRequestBodySchema } from '@fieldstream/api-contract';
import { type Principal, serviceRequestStreamName } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { createEventStore, createReadStore } from '@fieldstream/infrastructure';
import {
  masterDataProjection,
  serviceLevelsProjection,
  serviceRequestsProjection,
} from '@fieldstream/projections';
import { BullmqSlaTimers, JobScheduler } from '@fieldstream/queue';
import type { ReadStore } from '@fieldstream/read-store';
import type { TestApi } from '../../testing/start-test-api';

const ADMIN: Principal = { id: 'sla-test', displayName: 'SLA test', kind: 'user', role: 'admin' };

/**
 * Master data on top of the fixture organisation: a team below Milan (MI-NORD) with its zone and a
 * site of ACME there, a site of ACME in a zone of Milan closed since (see startSlaDriver), priority
 * labels, and two site contracts with penalties, in two currencies.
 * The fixture's C-ACME (high: 60 / 240 min) and these all count in CAL-IT-OFFICE: Rome's 08:00–17:00
 * on weekdays, Italian holidays closed.
 */
export const SLA_MASTER_DATA: [plural: string, body: Record<string, unknown>][] = [
  [
    'units',
    {
      code: 'MI-NORD',
      name: 'Milano Nord',
      type: 'team',
      parentCode: 'MI',
      country: 'IT',
      timeZone: 'Europe/Rome',
    },
  ],
  ['zones', { code: 'Z-MI-NORD', name: 'Brianza', unitCode: 'MI-NORD', postalCodes: ['209*'] }],
  [
    'sites',
    {
      code: 'S-ACME-NORD',
      name: 'ACME Monza',
      customerCode: 'ACME',
      zoneCode: 'Z-MI-NORD',
      address: { street: 'Via Lecco 5', city: 'Monza', postalCode: '20900', country: 'IT' },
      timeZone: 'Europe/Rome',
    },
  ],
  // A zone closed since its site was registered: requests there are routed to no unit.
  ['zones', { code: 'Z-MI-OLD', name: 'Sesto (closed)', unitCode: 'MI', postalCodes: ['2099*'] }],
  [
    'sites',
    {
      code: 'S-ACME-OLD',
      name: 'ACME Sesto',
      customerCode: 'ACME',
      zoneCode: 'Z-MI-OLD',
      address: { street: 'Viale Italia 1', city: 'Sesto San Giovanni', postalCode: '20990', country: 'IT' },
      timeZone: 'Europe/Rome',
    },
  ],
  [
    'parameters',
    {
      code: 'organisation',
      renounceReasons: [{ code: 'other', label: 'Other' }],
      priorities: [
        { code: 'critical', label: 'Critica', colour: '#c92a2a' },
        { code: 'high', label: 'Alta', colour: '#e8590c' },
      ],
    },
  ],
  [
    'contracts',
    {
      code: 'C-ACME-NORD',
      name: 'ACME Monza premium',
      customerCode: 'ACME',
      siteCodes: ['S-ACME-NORD'],
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      serviceCalendarCode: 'CAL-IT-OFFICE',
      serviceLevels: [{ priority: 'critical', responseMinutes: 60, restorationMinutes: 120 }],
      penaltyPerHour: 80,
    },
  ],
  [
    'contracts',
    {
      code: 'C-BETA-ROMA',
      name: 'Beta Roma branch',
      customerCode: 'BETA',
      siteCodes: ['S-BETA-1'],
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      serviceCalendarCode: 'CAL-IT-OFFICE',
      serviceLevels: [
        { priority: 'critical', responseMinutes: 30, restorationMinutes: 60 },
        { priority: 'normal', responseMinutes: 240, restorationMinutes: 960 },
      ],
      penaltyPerHour: 50,
      currency: 'CHF',
    },
  ],
];

/**
 * The SLA saga's side, driven by hand at chosen instants: requests opened and acted on through the
 * application's commands with the times the test picks (the API would stamp the real time), each
 * request event followed onto its service-level stream by `SlaClocks`, and timers' visits
 * (`recordDue`) made when the test says. Real stores (the API's own files, through connections of
 * their own, as the worker has) and real BullMQ timers on a private Redis; only the clock is fake.
 */
export interface SlaDriver {
  events: EventStore;
  reads: ReadStore;
  scheduler: JobScheduler;
  /** Opens a request at `at` (defaults of the API's body applied); answers its id. */
  open(at: string, input: Partial<OpenServiceRequestInput>): Promise<string>;
  act(at: string, requestId: string, action: ServiceRequestAction): Promise<void>;
  /** Follows every event of the request onto its service-level stream (again harmlessly). */
  follow(requestId: string): Promise<void>;
  /** A timer's visit at `at`: records the alarms due by then. */
  visit(at: string, requestId: string): Promise<void>;
  /** Waits until the API's read models show everything written so far. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** `redisUrl`: a private Redis for the timers (the spec starts it), never the shared one. */
export async function startSlaDriver(api: TestApi, admin: string, redisUrl: string): Promise<SlaDriver> {
  for (const [plural, body] of SLA_MASTER_DATA) {
    const response = await api.call('POST', `/api/master-data/${plural}`, admin, body);
    if (response.status !== 201)
      throw new Error(`${plural} ${String(body['code'])}: ${response.status} ${await response.text()}`);
  }
  const retired = await api.call('POST', '/api/master-data/zones/Z-MI-OLD/retire', admin, {
    reason: 'Merged into Milano città',
  });
  if (retired.status !== 200) throw new Error(`retire: ${retired.status} ${await retired.text()}`);
  const events = await createEventStore(api.config);
  const reads = await createReadStore(api.config);
  const settle = async (projections: { name: string; eventTypes: readonly string[] | 'all' }[]) => {
    const late = await waitForReadModels(events, reads, projections, await events.headPosition(), 20_000);
    if (late.length > 0) throw new Error(`read models still late: ${late.join(', ')}`);
  };
  // The commands and the clocks read master data (contracts, calendars, sites) from the read models.
  await settle([masterDataProjection]);
  const scheduler = new JobScheduler({ redisUrl, prefix: 'sla-api' });
  let clock = Date.now();
  const now = () => new Date(clock);
  const masterData = new MasterDataService({ events, reads });
  const commands = new ServiceRequestCommands({ events, reads, masterData });
  const clocks = new SlaClocks({ events, reads, timers: new BullmqSlaTimers(scheduler, now), now });
  const as = (at: string): CommandContext => ({ actor: ADMIN, at, correlationId: `sla-api-${at}` });

  return {
    events,
    reads,
    scheduler,
    async open(at, input) {
      const body = openServiceRequestBodySchema.parse({ description: 'Boiler stopped', ...input });
      return (await commands.open(as(at), body)).requestId;
    },
    async act(at, requestId, action) {
      await commands.execute(as(at), requestId, action);
    },
    async follow(requestId) {
      const recorded = await events.readStream(serviceRequestStreamName(requestId), { maxCount: 1000 });
      for (const event of recorded) await clocks.follow(event);
    },
    async visit(at, requestId) {
      clock = Date.parse(at);
      await clocks.recordDue(requestId);
    },
    async settle() {
      await settle([serviceLevelsProjection, serviceRequestsProjection]);
    },
    async stop() {
      await scheduler.close();
      await events.close();
      await reads.close();
    },
  };
}
