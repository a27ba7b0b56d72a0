import { inboxQuerySchema } from '@fieldstream/api-contract';
import {
  DomainError,
  type EscalationAlert,
  type InboxNotification,
  type Principal,
  escalationDecider,
  escalationStreamName,
  inboxDecider,
  inboxStreamName,
} from '@fieldstream/domain';
import {
  type AnyProjection,
  ProjectionRunner,
  inboxProjection,
  notificationDeliveriesProjection,
  requestEscalationsProjection,
  serviceRequestsProjection,
  silentLogger,
  usersProjection,
} from '@fieldstream/projections';
import {
  BullmqTimers,
  ESCALATION_TIMER_SETTINGS,
  JobScheduler,
  deliveryTimerSettings,
} from '@fieldstream/queue';
import { type TempDir, type TestRedis, startRedis, tempDir } from '@fieldstream/testing';
import { AuthService } from '../../auth/auth.service';
import { systemContext } from '../../commands/command-context';
import { executeCommand } from '../../commands/execute-command';
import { waitForReadModels } from '../../commands/wait-for-projection';
import { FieldValidationError, ForbiddenError, NotFoundError } from '../../errors';
import {
  ACTORS,
  type ServiceRequestTestBed,
  startServiceRequestTestBed,
} from '../../service-requests/commands/testing/service-request-test-bed';
import { Deliveries } from '../deliveries.service';
import { Directory } from '../directory';
import { Escalations } from '../escalations.service';
import { DeliveryLogQueries } from './delivery-log.queries';
import { EscalationQueries } from './escalation.queries';
import { InboxQueries } from './inbox.queries';
import { NotificationSettingsService } from './notification-settings';

jest.setTimeout(60_000);

const at = (time: string) => `2026-11-20T${time}:00.000Z`;
const UNREACHABLE = '+390000000001';

/*
 * The notification queries and commands on real stores, with the projections running and BullMQ on
 * a private Redis. The inboxes, deliveries and escalations are written as the notifier, the
 * delivery jobs and the escalation saga write them (the real deciders and services); only the
 * clock and the SMS gateway (refusing every message) are the test's.
 */
describe('notification queries on real stores', () => {
  let dir: TempDir;
  let bed: ServiceRequestTestBed;
  let redis: TestRedis;
  let scheduler: JobScheduler;
  let runner: ProjectionRunner;
  let inbox: InboxQueries;
  let settings: NotificationSettingsService;
  let escalations: EscalationQueries;
  let log: DeliveryLogQueries;
  let deliveries: Deliveries;
  let requestId: string;
  let quietId: string;
  const people = {} as Record<'admin' | 'desk' | 'rossi' | 'auditor' | 'deskRm', Principal>;

  const settle = async () => {
    const late = await waitForReadModels(
      bed.events,
      bed.reads,
      [
        usersProjection,
        serviceRequestsProjection,
        inboxProjection,
        notificationDeliveriesProjection,
        requestEscalationsProjection,
      ],
      await bed.events.headPosition(),
      20_000,
    );
    expect(late).toEqual([]);
  };
  const receive = (userId: string, time: string, notification: InboxNotification) =>
    executeCommand(
      bed.events,
      inboxStreamName(userId),
      inboxDecider,
      { type: 'receive', userId, at: at(time), notification },
      systemContext(at(time), 'notify'),
    );
  const notification = (id: string, overrides: Partial<InboxNotification> = {}): InboxNotification => ({
    notificationId: id,
    topic: 'sla-alarm',
    severity: 'warning',
    title: `Alarm ${id}`,
    body: 'Half the response time is gone',
    requestId,
    reference: 'SR-TEST',
    sourceEventId: `event-${id}`,
    ...overrides,
  });

  beforeAll(async () => {
    dir = await tempDir();
    bed = await startServiceRequestTestBed(dir);
    redis = await startRedis();
    scheduler = new JobScheduler({ redisUrl: redis.url, prefix: 'notification-queries' });
    runner = new ProjectionRunner({
      eventStore: bed.events,
      readStore: bed.reads,
      projections: [
        usersProjection,
        serviceRequestsProjection,
        inboxProjection,
        notificationDeliveriesProjection,
        requestEscalationsProjection,
      ] as unknown as AnyProjection[],
      maxBatchWaitMs: 5,
      logger: silentLogger,
    });
    runner.start();

    const auth = new AuthService({
      events: bed.events,
      reads: bed.reads,
      tokenSecret: 'a-test-secret-of-at-least-thirty-two-bytes',
      tokenTtlSeconds: 3600,
    });
    const register = async (username: string, profile: Record<string, unknown>): Promise<Principal> => {
      const user = await auth.registerUser(bed.as(ACTORS.admin), {
        username,
        password: 'a-long-password',
        ...profile,
      });
      return {
        id: user.id,
        displayName: user.displayName,
        kind: 'user',
        role: user.role as Principal['role'],
        ...user.binding,
      };
    };
    people.admin = await register('root', { displayName: 'Root', role: 'admin' });
    people.desk = await register('desk.mi', {
      displayName: 'Desk Milano',
      role: 'dispatcher',
      binding: { unitCode: 'MI' },
    });
    people.deskRm = await register('desk.rm', {
      displayName: 'Desk Roma',
      role: 'dispatcher',
      binding: { unitCode: 'RM' },
    });
    people.rossi = await register('rossi', {
      displayName: 'Mario Rossi',
      role: 'technician',
      binding: { technicianCode: 'T-MI-1' },
    });
    people.auditor = await register('audit', { displayName: 'Auditor', role: 'auditor' });

    ({ requestId } = await bed.openAssigned('T-MI-1', '2026-11-24T09:00:00Z', 60));
    quietId = await bed.openAccepted();

    const directory = new Directory(bed.reads);
    deliveries = new Deliveries({
      events: bed.events,
      senders: {
        sms: {
          async send(message) {
            throw new Error(`Gateway refused ${message.to}: 500`);
          },
        },
      },
      timers: new BullmqTimers(scheduler, deliveryTimerSettings({ attempts: 2, retryMs: 100 })),
      maxAttempts: 2,
      now: () => new Date(at('09:41')),
    });
    inbox = new InboxQueries({ events: bed.events, reads: bed.reads, now: () => new Date(at('12:00')) });
    settings = new NotificationSettingsService({ events: bed.events, reads: bed.reads });
    escalations = new EscalationQueries({
      events: bed.events,
      reads: bed.reads,
      escalations: new Escalations({
        events: bed.events,
        reads: bed.reads,
        directory,
        timers: new BullmqTimers(scheduler, ESCALATION_TIMER_SETTINGS),
        now: () => new Date(at('10:00')),
      }),
    });
    log = new DeliveryLogQueries({ events: bed.events, reads: bed.reads, deliveries });

    // The desk: an alarm at 09:00, then three at 09:41 (one event's notifications share their instant).
    await receive(people.desk.id, '09:00', notification('n-1'));
    for (const id of ['n-2', 'n-3']) await receive(people.desk.id, '09:41', notification(id));
    await receive(
      people.desk.id,
      '09:41',
      notification('n-4', {
        topic: 'escalation',
        severity: 'critical',
        escalation: { level: 1, acknowledgeBy: at('10:11') },
      }),
    );
    await receive(people.rossi.id, '09:05', notification('n-9', { topic: 'assignment', severity: 'info' }));
    const alert: EscalationAlert = {
      chainCode: 'ESC-HIGH',
      level: 1,
      percent: 50,
      clock: 'response',
      audiences: ['unit-dispatchers'],
      recipients: [people.desk.id],
      channels: ['inbox', 'sms'],
      acknowledgeBy: at('10:11'),
      cause: 'threshold',
    };
    await executeCommand(
      bed.events,
      escalationStreamName(requestId),
      escalationDecider,
      { type: 'alert', requestId, at: at('09:41'), alert },
      systemContext(at('09:41'), 'escalate'),
    );
    // The escalation's text message: refused twice, a dead letter.
    await deliveries.schedule(
      {
        deliveryId: 'd-sms',
        channel: 'sms',
        userId: people.desk.id,
        address: UNREACHABLE,
        topic: 'escalation',
        subject: 'Escalation level 1',
        body: 'Take it in hand',
        requestId,
        sourceEventId: 'event-n-4',
        notBefore: at('09:41'),
      },
      'escalate',
    );
    await expect(deliveries.attempt('d-sms', 1)).rejects.toThrow(/Gateway refused/);
    expect(await deliveries.attempt('d-sms', 2)).toBe('dead');
    await settle();
  });

  afterAll(async () => {
    await runner?.stop();
    await scheduler?.close();
    await bed?.stop();
    await redis?.stop();
  });

  describe('the inbox', () => {
    const page = (principal: Principal, query: Record<string, string> = {}) =>
      inbox.page(principal, inboxQuerySchema.parse(query));

    it("pages the reader's own notifications back, a group received together never split", async () => {
      const first = await page(people.desk, { limit: '1' });
      expect(first.notifications.map((n) => [n.receivedAt, n.notificationId]).sort()).toEqual([
        [at('09:41'), 'n-2'],
        [at('09:41'), 'n-3'],
        [at('09:41'), 'n-4'],
      ]);
      expect(first).toMatchObject({ unreadCount: 4, nextBefore: at('09:41') });
      const second = await page(people.desk, { limit: '1', before: first.nextBefore! });
      expect(second.notifications.map((n) => n.notificationId)).toEqual(['n-1']);
      expect(second.nextBefore).toBeUndefined();
      // Everything fits: no next page, not even an empty one.
      expect((await page(people.desk, { limit: '4' })).nextBefore).toBeUndefined();
      expect((await page(people.rossi)).notifications.map((n) => n.notificationId)).toEqual(['n-9']);
      await expect(page(people.desk, { before: 'soon' })).rejects.toMatchObject({
        issues: [expect.objectContaining({ field: 'before' })],
      });
    });

    it('marks read on the reader’s own stream only, and answers what stays unread', async () => {
      const context = (principal: Principal) => bed.as(principal);
      expect(await inbox.markRead(context(people.rossi), { notificationIds: ['n-1', 'n-2'] })).toEqual({
        read: [],
        unreadCount: 1,
      });
      expect(await inbox.markRead(context(people.desk), { notificationIds: ['n-1', 'n-9'] })).toEqual({
        read: ['n-1'],
        unreadCount: 3,
      });
      const unread = await page(people.desk, { unread: 'true' });
      expect(unread.notifications.map((n) => n.notificationId).sort()).toEqual(['n-2', 'n-3', 'n-4']);
      const read = (await page(people.desk)).notifications.find((n) => n.notificationId === 'n-1');
      expect(read?.readAt).toBe(at('12:00'));
      expect(await inbox.markRead(context(people.desk), { all: true })).toEqual({
        read: ['n-2', 'n-3', 'n-4'],
        unreadCount: 0,
      });
      expect((await page(people.rossi)).unreadCount).toBe(1);
      await expect(inbox.markRead(context(people.desk), { notificationIds: [] })).rejects.toBeInstanceOf(
        FieldValidationError,
      );
    });
  });

  describe('settings', () => {
    it('changes only the contact and switches of the signed-in user, validated by the domain', async () => {
      expect(await settings.get(people.rossi)).toMatchObject({ email: null, phone: null, quietHours: null });
      const changed = await settings.put(bed.as(people.rossi), {
        email: 'rossi@example.test',
        phone: '+39 347 123 4567',
        channels: { email: true, sms: true, push: false },
        quietHours: { from: '22:00', to: '07:00' },
        timeZone: 'Europe/Rome',
        mutedTopics: ['assignment', 'assignment'],
      });
      expect(changed).toMatchObject({ phone: '+393471234567', mutedTopics: ['assignment'] });
      expect(await settings.get(people.rossi)).toEqual(changed);
      // The notifier reads the same profile: the new address and switches reach it.
      const recipient = await new Directory(bed.reads).user(people.rossi.id);
      expect(recipient).toMatchObject({
        email: 'rossi@example.test',
        phone: '+393471234567',
        preferences: { sms: true, push: false, quietHours: { from: '22:00', to: '07:00' } },
        binding: { technicianCode: 'T-MI-1' },
        role: 'technician',
      });
      const refused = async (body: Record<string, unknown>) => {
        const error = await settings
          .put(bed.as(people.rossi), { ...changed, ...body })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(FieldValidationError);
        return (error as FieldValidationError).issues.map((issue) => issue.field);
      };
      expect(await refused({ phone: '12345' })).toEqual(['phone']);
      expect(await refused({ timeZone: 'Nowhere/Atall' })).toEqual(['timeZone']);
      expect(await refused({ quietHours: { from: '07:00', to: '07:00' } })).toEqual(['quietHours']);
      expect(await refused({ role: 'admin', displayName: 'Boss' })).toEqual(['role', 'displayName']);
      expect(await settings.get(people.rossi)).toEqual(changed);
      const machine: Principal = { ...ACTORS.integrator };
      await expect(settings.get(machine)).rejects.toBeInstanceOf(ForbiddenError);
    });
  });

  describe('escalations', () => {
    it('shows the levels to whoever reads the request, names the people, and who may acknowledge', async () => {
      const view = await escalations.forRequest(people.rossi, requestId);
      expect(view).toMatchObject({
        chainCode: 'ESC-HIGH',
        levels: [
          {
            level: 1,
            recipients: [{ userId: people.desk.id, displayName: 'Desk Milano' }],
            acknowledgeBy: at('10:11'),
            acknowledged: null,
          },
        ],
        canAcknowledge: false,
      });
      expect((await escalations.forRequest(people.desk, requestId)).canAcknowledge).toBe(true);
      expect((await escalations.forRequest(people.auditor, requestId)).canAcknowledge).toBe(false);
      await expect(escalations.forRequest(people.deskRm, requestId)).rejects.toBeInstanceOf(NotFoundError);
      expect(await escalations.forRequest(people.desk, quietId)).toEqual({
        requestId: quietId,
        chainCode: null,
        levels: [],
        canAcknowledge: false,
      });
    });

    it('acknowledges for those alerted; refuses the others; nothing raised is the domain’s refusal', async () => {
      await expect(escalations.acknowledge(people.rossi, requestId)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(escalations.acknowledge(people.deskRm, requestId)).rejects.toBeInstanceOf(NotFoundError);
      await expect(escalations.acknowledge(people.desk, quietId)).rejects.toEqual(
        expect.objectContaining({ code: 'nothing_to_acknowledge' }),
      );
      const taken = await escalations.acknowledge(people.desk, requestId, 'On it');
      expect(taken.levels[0]!.acknowledged).toEqual({
        at: at('10:00'),
        userId: people.desk.id,
        displayName: 'Desk Milano',
        note: 'On it',
      });
      expect(taken.canAcknowledge).toBe(false);
      const alert = (await inbox.page(people.desk, inboxQuerySchema.parse({}))).notifications.find(
        (n) => n.notificationId === 'n-4',
      );
      expect(alert?.escalation).toEqual({ level: 1, acknowledgeBy: at('10:11'), acknowledged: true });
    });
  });

  describe('the delivery log', () => {
    it('lists the dead letter with its attempts, for administrators and auditors only', async () => {
      for (const reader of [people.admin, people.auditor]) {
        const answer = await log.page(reader, {});
        expect(answer.counts).toEqual({ pending: 0, sent: 0, dead: 1 });
        expect(answer.deliveries).toEqual([
          expect.objectContaining({
            deliveryId: 'd-sms',
            status: 'dead',
            userName: 'Desk Milano',
            attempts: [
              {
                attempt: 1,
                at: at('09:41'),
                outcome: 'failed',
                error: `Gateway refused ${UNREACHABLE}: 500`,
              },
              {
                attempt: 2,
                at: at('09:41'),
                outcome: 'failed',
                error: `Gateway refused ${UNREACHABLE}: 500`,
              },
            ],
          }),
        ]);
      }
      for (const reader of [people.desk, people.rossi])
        await expect(log.page(reader, {})).rejects.toBeInstanceOf(ForbiddenError);
    });

    it('requeues a dead letter for an administrator: pending, its job set; twice is the domain’s refusal', async () => {
      await expect(log.requeue(people.auditor, 'd-sms')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(log.requeue(people.admin, 'no-such')).rejects.toBeInstanceOf(NotFoundError);
      expect(await log.requeue(people.admin, 'd-sms')).toMatchObject({ status: 'pending' });
      expect(await scheduler.inspect('notifications', 'delivery-d-sms')).toEqual([
        expect.objectContaining({ jobId: 'delivery-d-sms' }),
      ]);
      const again = await log.requeue(people.admin, 'd-sms').catch((error: unknown) => error);
      expect(again).toBeInstanceOf(DomainError);
      expect(again).toMatchObject({ code: 'not_dead', details: { status: 'pending' } });
    });
  });
});
