import {
  type ChannelSenders,
  type CommandContext,
  Deliveries,
  Directory,
  Escalations,
  MasterDataService,
  NotificationRules,
  Notifier,
  type ServiceRequestAction,
  ServiceRequestCommands,
  SlaClocks,
  waitForReadModels,
} from '@fieldstream/application';
import { openServiceRequestBodySchema } from '@fieldstream/api-contract';
import {
  ESCALATION_STREAM_PREFIX,
  type Principal,
  SERVICE_LEVEL_STREAM_PREFIX,
  serviceRequestStreamName,
} from '@fieldstream/domain';
import type { EventStore, RecordedEvent } from '@fieldstream/event-store';
import { createEventStore, createReadStore } from '@fieldstream/infrastructure';
import {
  inboxProjection,
  masterDataProjection,
  notificationDeliveriesProjection,
  requestEscalationsProjection,
  serviceLevelsProjection,
  serviceRequestsProjection,
  usersProjection,
} from '@fieldstream/projections';
import {
  BullmqSlaTimers,
  BullmqTimers,
  ESCALATION_TIMER_SETTINGS,
  JobScheduler,
  deliveryTimerSettings,
} from '@fieldstream/queue';
import type { ReadStore } from '@fieldstream/read-store';
import type { TestApi } from '../../testing/start-test-api';

const ACTOR: Principal = { id: 'notify-test', displayName: 'Notification test', kind: 'user', role: 'admin' };

/** Attempts before a delivery is given up, here as in a worker configured with NOTIFY_ATTEMPTS=2. */
export const SCENARIO_ATTEMPTS = 2;

/** What the outside world did with each message: the stand-ins of the SMTP server and SMS gateway. */
export interface OutsideWorld {
  sent: { channel: 'email' | 'sms'; to: string; subject: string }[];
  /** Numbers the SMS gateway refuses every time. */
  unreachable: Set<string>;
}

/**
 * An escalation chain for the fixture's high-priority requests (C-ACME: 60 minutes to respond):
 * at half the time the desk of the request's centre, by inbox, e-mail and text message, asked to
 * acknowledge within 30 minutes; at the deadline the managers above it.
 */
export const ESCALATION_CHAIN = {
  code: 'ESC-HIGH',
  name: 'High priority',
  priorities: ['high'],
  levels: [
    {
      percent: 50,
      audiences: ['unit-dispatchers'],
      channels: ['inbox', 'email', 'sms'],
      acknowledgeWithinMinutes: 30,
    },
    { percent: 100, audiences: ['unit-managers'], channels: ['inbox', 'email'] },
  ],
};

/**
 * The worker's side of notifications, driven by hand at chosen instants: requests opened and acted
 * on through the application's commands, followed by the real SLA clocks, alarms recorded by
 * timers' visits, the escalation saga following the alarms, the notifier following the log, and
 * each delivery's job run until sent or given up. Real stores (the API's own files, through
 * connections of their own, as the worker has) and real BullMQ timers on a private Redis under a
 * prefix of their own (nothing runs them: the test plays the jobs); only the clock and the outside
 * world (the SMTP server, the SMS gateway) are stand-ins.
 */
export interface NotificationDriver {
  events: EventStore;
  reads: ReadStore;
  world: OutsideWorld;
  /** Opens a request at `at` (defaults of the API's body applied); answers its id. */
  open(at: string, input: Record<string, unknown>): Promise<string>;
  act(at: string, requestId: string, action: ServiceRequestAction): Promise<void>;
  /** A timer's visit at `at`: records the SLA alarms due by then. */
  visit(at: string, requestId: string): Promise<void>;
  /**
   * The sagas catch up at `at`: escalations follow the new alarms, the notifier every new event
   * (notifications stamped `at`), each new delivery's job runs until sent or given up; then the
   * API's read models show it all.
   */
  process(at: string): Promise<void>;
  stop(): Promise<void>;
}

/** `redisUrl`: a private Redis (the spec starts it), never the shared one. */
export async function startNotificationDriver(
  api: TestApi,
  admin: string,
  redisUrl: string,
): Promise<NotificationDriver> {
  const registered = await api.call('POST', '/api/master-data/escalation-chains', admin, ESCALATION_CHAIN);
  if (registered.status !== 201)
    throw new Error(`escalation chain: ${registered.status} ${await registered.text()}`);
  const events = await createEventStore(api.config);
  const reads = await createReadStore(api.config);
  const settle = async (projections: { name: string; eventTypes: readonly string[] | 'all' }[]) => {
    const late = await waitForReadModels(events, reads, projections, await events.headPosition(), 20_000);
    if (late.length > 0) throw new Error(`read models still late: ${late.join(', ')}`);
  };
  // Commands, clocks and the notifier read master data and the users from the read models.
  await settle([masterDataProjection, usersProjection]);

  let clock = Date.now();
  const now = () => new Date(clock);
  const world: OutsideWorld = { sent: [], unreachable: new Set() };
  const senders: ChannelSenders = {
    email: {
      async send(message) {
        world.sent.push({ channel: 'email', to: message.to, subject: message.subject });
        return { providerMessageId: `smtp-${message.deliveryId}` };
      },
    },
    sms: {
      async send(message) {
        if (world.unreachable.has(message.to)) throw new Error(`Gateway refused ${message.to}: 500`);
        world.sent.push({ channel: 'sms', to: message.to, subject: message.subject });
        return { providerMessageId: `gw-${message.deliveryId}` };
      },
    },
  };
  const scheduler = new JobScheduler({ redisUrl, prefix: 'notify-driver' });
  const masterData = new MasterDataService({ events, reads });
  const commands = new ServiceRequestCommands({ events, reads, masterData });
  const clocks = new SlaClocks({ events, reads, timers: new BullmqSlaTimers(scheduler, now), now });
  const directory = new Directory(reads);
  const deliveries = new Deliveries({
    events,
    senders,
    timers: new BullmqTimers(
      scheduler,
      deliveryTimerSettings({ attempts: SCENARIO_ATTEMPTS, retryMs: 100 }),
      now,
    ),
    maxAttempts: SCENARIO_ATTEMPTS,
    now,
  });
  const escalations = new Escalations({
    events,
    reads,
    directory,
    timers: new BullmqTimers(scheduler, ESCALATION_TIMER_SETTINGS, now),
    now,
  });
  const notifier = new Notifier({
    events,
    reads,
    rules: new NotificationRules(reads),
    directory,
    deliveries,
    now,
  });
  const as = (at: string): CommandContext => ({ actor: ACTOR, at, correlationId: `notify-api-${at}` });
  const follow = async (requestId: string) => {
    const recorded = await events.readStream(serviceRequestStreamName(requestId), { maxCount: 1000 });
    for (const event of recorded) await clocks.follow(event);
  };

  /** Each follower's place in the log, as the worker's checkpoints. */
  const cursors = { escalations: 0, notifier: 0, deliveries: 0 };
  const readOn = async (
    cursor: keyof typeof cursors,
    streamPrefixes: string[],
    handle: (recorded: RecordedEvent) => Promise<unknown>,
  ) => {
    for (;;) {
      const page = await events.readAll({ after: cursors[cursor], maxCount: 500, streamPrefixes });
      for (const recorded of page) {
        await handle(recorded);
        cursors[cursor] = recorded.position;
      }
      if (page.length < 500) return;
    }
  };

  return {
    events,
    reads,
    world,
    async open(at, input) {
      const body = openServiceRequestBodySchema.parse({ description: 'Boiler stopped', ...input });
      const { requestId } = await commands.open(as(at), body);
      await follow(requestId);
      return requestId;
    },
    async act(at, requestId, action) {
      await commands.execute(as(at), requestId, action);
      await follow(requestId);
    },
    async visit(at, requestId) {
      clock = Date.parse(at);
      await clocks.recordDue(requestId);
    },
    async process(at) {
      clock = Date.parse(at);
      await settle([serviceRequestsProjection, serviceLevelsProjection]);
      await readOn('escalations', [SERVICE_LEVEL_STREAM_PREFIX], (recorded) =>
        escalations.onSlaEvent(recorded),
      );
      await readOn(
        'notifier',
        ['service-request-', SERVICE_LEVEL_STREAM_PREFIX, ESCALATION_STREAM_PREFIX],
        (recorded) => notifier.handle(recorded),
      );
      // The deliveries' jobs, each retried by "BullMQ" until sent or given up.
      await readOn('deliveries', ['notification-delivery-'], async (recorded) => {
        if (recorded.type !== 'NotificationDeliveryScheduled') return;
        const deliveryId = String(recorded.data['deliveryId']);
        for (let attempt = 1; attempt <= SCENARIO_ATTEMPTS; attempt++) {
          const status = await deliveries.attempt(deliveryId, attempt).catch(() => 'pending' as const);
          if (status !== 'pending') return;
        }
      });
      await settle([
        inboxProjection,
        notificationDeliveriesProjection,
        requestEscalationsProjection,
        serviceRequestsProjection,
      ]);
    },
    async stop() {
      await scheduler.close();
      await events.close();
      await reads.close();
    },
  };
}
