import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AuthService,
  type CommandContext,
  Escalations,
  Directory,
  MasterDataService,
  ServiceRequestCommands,
  systemContext,
} from '@fieldstream/application';
import { SERVICE_REQUEST_ORGANISATION } from '@fieldstream/application/src/service-requests/commands/testing/service-request-organisation.fixture';
import {
  type DeliveryEvent,
  type EscalationEvent,
  type InboxEvent,
  deliveryStreamName,
  escalationStreamName,
  inboxStreamName,
} from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { type AppConfig, loadConfig } from '@fieldstream/infrastructure';
import { type MasterDataDocument, USERS_COLLECTION, masterDataCollection } from '@fieldstream/projections';
import { BullmqTimers, JobScheduler } from '@fieldstream/queue';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { freePort, startRedis, tempDir, type TempDir, type TestRedis, waitFor } from '@fieldstream/testing';
import { Logger } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { type RunningWorker, startWorker } from '../create-worker';

/*
 * Notifications and escalations in a real worker: real SQLite stores, a private Redis, a real SMTP
 * server on loopback (mail parsed as a client would), and a local HTTP stand-in for the SMS gateway
 * — the world's edge, as is the clock (real time plus a lead, moved by restarting the worker).
 */
const ADMIN = { id: 'admin', displayName: 'Admin', kind: 'user', role: 'admin' } as const;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const START = Date.parse('2026-12-02T09:00:00Z');
/** The desk's phone the SMS gateway refuses every time: its deliveries end as dead letters. */
const UNREACHABLE_PHONE = '+390000000001';

type Mail = { to: string; subject: string; text: string; messageId: string };

describe('notifications and escalations', () => {
  let dir: TempDir;
  let redisServer: TestRedis;
  let config: AppConfig;
  let events: EventStore;
  let reads: ReadStore;
  let commands: ServiceRequestCommands;
  let worker: RunningWorker | undefined;
  let lead = 0;
  let smtp: SMTPServer;
  let gateway: Server;
  const mails: Mail[] = [];
  const texts: { to: string; text: string; id: string; status: number }[] = [];
  const users: Record<string, string> = {};
  let requestId = '';

  const now = () => new Date(Date.now() + lead);
  const startAt = async (fakeNow: number) => {
    lead = fakeNow - Date.now();
    worker = await startWorker(config, { logger: { log() {}, error() {}, warn() {} }, now });
  };
  const streamOf = async <E>(stream: string) =>
    (await events.readStream(stream, { maxCount: 1000 })).map(
      (recorded) =>
        ({ type: recorded.type, data: recorded.data, id: recorded.id }) as unknown as E & { id: string },
    );
  const inbox = (user: string) => streamOf<InboxEvent>(inboxStreamName(users[user]!));
  const received = async (user: string) =>
    (await inbox(user)).flatMap((event) => (event.type === 'NotificationReceived' ? [event.data] : []));

  beforeAll(async () => {
    Logger.overrideLogger(false);
    dir = await tempDir();
    redisServer = await startRedis();

    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        simpleParser(stream)
          .then((mail) => {
            mails.push({
              to: (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.text ?? '',
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              messageId: mail.messageId ?? '',
            });
            done();
          })
          .catch(done);
      },
    });
    const smtpPort = await freePort();
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));

    // The SMS gateway: refuses the unreachable number always, others twice before accepting.
    const tries = new Map<string, number>();
    gateway = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const sms = JSON.parse(body) as { to: string; text: string; id: string };
        const attempt = (tries.get(sms.id) ?? 0) + 1;
        tries.set(sms.id, attempt);
        const status =
          request.headers.authorization !== 'Bearer gateway-token'
            ? 401
            : sms.to === UNREACHABLE_PHONE
              ? 500
              : attempt <= 2
                ? 503
                : 200;
        texts.push({ ...sms, status });
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(status === 200 ? { messageId: `gw-${sms.id}` } : { error: 'try later' }));
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));

    config = loadConfig({
      DATA_DIR: dir.path,
      REDIS_URL: redisServer.url,
      QUEUE_PREFIX: 'notify',
      LOG_LEVEL: 'fatal',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'Fieldstream <desk@fieldstream.test>',
      SMS_GATEWAY_URL: `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`,
      SMS_GATEWAY_TOKEN: 'gateway-token',
      NOTIFY_ATTEMPTS: '3',
      NOTIFY_RETRY_MS: '200',
    });
    events = await openSqliteEventStore({
      file: config.eventStore.kind === 'sqlite' ? config.eventStore.file : '',
    });
    reads = await openSqliteReadStore({
      file: config.readStore.kind === 'sqlite' ? config.readStore.file : '',
    });
    await startAt(START);

    const masterData = new MasterDataService({ events, reads });
    commands = new ServiceRequestCommands({ events, reads, masterData });
    const admin = systemContext(new Date(START).toISOString(), 'organisation');
    for (const [plural, code, fields] of SERVICE_REQUEST_ORGANISATION) {
      await masterData.write(admin, plural, 'register', code, fields);
    }
    const allDay = Object.fromEntries(
      (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => [
        day,
        [{ from: '00:00', to: '00:00' }],
      ]),
    );
    await masterData.write(admin, 'calendars', 'register', 'SVC-24-7', {
      name: 'Round the clock',
      purpose: 'service-hours',
      timeZone: 'Europe/Rome',
      weeklyHours: allDay,
    });
    await masterData.write(admin, 'contracts', 'register', 'C-ACME', {
      name: 'ACME full service',
      customerCode: 'ACME',
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      serviceCalendarCode: 'SVC-24-7',
      serviceLevels: [{ priority: 'high', responseMinutes: 1, restorationMinutes: 30 }],
      slaThresholds: [50, 100],
    });
    await masterData.write(admin, 'escalation-chains', 'register', 'ESC-HIGH', {
      name: 'High priority',
      priorities: ['high'],
      levels: [
        {
          percent: 50,
          audiences: ['unit-dispatchers'],
          channels: ['inbox', 'email', 'sms'],
          acknowledgeWithinMinutes: 1,
        },
        // Never reached by a threshold here: only raised when level 1 goes unanswered.
        { percent: 300, audiences: ['unit-managers'], channels: ['inbox', 'email', 'sms'] },
      ],
    });

    const auth = new AuthService({
      events,
      reads,
      tokenSecret: 'a-test-secret-of-at-least-thirty-two-bytes',
      tokenTtlSeconds: 3600,
    });
    const adminContext: CommandContext = {
      actor: ADMIN,
      at: new Date(START).toISOString(),
      correlationId: 'users',
    };
    const register = async (username: string, profile: Record<string, unknown>) => {
      const user = await auth.registerUser(adminContext, {
        username,
        password: 'a-long-password',
        ...profile,
      });
      users[username] = user.id;
    };
    await register('rossi', {
      displayName: 'Mario Rossi',
      role: 'technician',
      binding: { technicianCode: 'T-MI-1' },
      language: 'it',
      email: 'rossi@example.test',
    });
    await register('desk.mi', {
      displayName: 'Desk Milano',
      role: 'dispatcher',
      binding: { unitCode: 'MI' },
      language: 'en',
      email: 'desk.mi@example.test',
      phone: UNREACHABLE_PHONE,
      notifications: { sms: true },
    });
    await register('boss.mi', {
      displayName: 'Capo Milano',
      role: 'manager',
      binding: { unitCode: 'MI' },
      language: 'en',
      email: 'boss.mi@example.test',
      phone: '+39 347 555 0101',
      notifications: { sms: true },
    });
    // The worker reads the contract, the chain and the users from the read models.
    await waitFor(
      async () =>
        (await reads
          .collection<MasterDataDocument>(masterDataCollection('escalation-chain'))
          .get('ESC-HIGH')) !== null && (await reads.collection(USERS_COLLECTION).count({})) >= 3,
      { description: 'the read models', timeoutMs: 20_000 },
    );
  }, 60_000);

  afterAll(async () => {
    await worker?.stop();
    await events?.close();
    await reads?.close();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    await new Promise((resolve) => gateway?.close(resolve));
    await redisServer?.stop();
    await dir?.remove();
  });

  const as = (at: number): CommandContext => ({
    actor: ADMIN,
    at: new Date(at).toISOString(),
    correlationId: `t-${at}`,
  });

  it('tells each party through its channels, in its language, once: the desk, the technician, the escalation', async () => {
    // Opened 29 s ago with 1 minute to respond: its 50 % alarm falls due a second from now.
    ({ requestId } = await commands.open(as(now().getTime() - 29 * SECOND), {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      description: 'Caldaia in blocco, reparto produzione fermo',
      priority: 'high',
      conditionCodes: [],
    }));
    // A request recorded as opened three days ago (an import of old work) tells nobody now.
    await commands.open(as(now().getTime() - 3 * 24 * 3600 * SECOND), {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      description: 'Old request brought in from the previous system',
      priority: 'normal',
      conditionCodes: [],
    });
    await commands.execute(as(now().getTime()), requestId, { type: 'accept' });
    await commands.execute(as(now().getTime()), requestId, {
      type: 'assign',
      assignments: [
        {
          technicianCode: 'T-MI-1',
          start: new Date(START + 2 * 3600 * SECOND).toISOString(),
          durationMinutes: 60,
        },
      ],
      displace: [],
    });

    // The technician: the assignment in the inbox and by e-mail, in Italian, with the details.
    const rossiMail = await waitFor(() => mails.find((mail) => mail.to.includes('rossi@example.test')), {
      description: 'the technician’s e-mail',
      timeoutMs: 20_000,
    });
    expect(rossiMail.subject).toMatch(/^SR-[0-9A-F]{8} pianificata /);
    expect(rossiMail.text).toContain('Caldaia in blocco');
    expect((await received('rossi')).map((n) => n.topic)).toEqual(['assignment']);

    // The desk: the new request and the alarm in its inbox, and escalation level 1 by every channel.
    const deskAlert = await waitFor(
      async () => (await received('desk.mi')).find((n) => n.topic === 'escalation'),
      { description: 'the escalation in the desk’s inbox', timeoutMs: 20_000 },
    );
    expect(deskAlert).toMatchObject({ severity: 'critical', escalation: { level: 1 } });
    expect(deskAlert.title).toMatch(/^Escalation level 1: SR-/);
    expect((await received('desk.mi')).map((n) => n.topic).sort()).toEqual([
      'escalation',
      'request-opened',
      'sla-alarm',
    ]);
    await waitFor(() => mails.some((mail) => mail.to.includes('desk.mi@example.test')), {
      description: 'the desk’s e-mail',
    });

    // The desk's phone is refused every time: three attempts, then a dead letter.
    const deskSms = await waitFor(
      async () => {
        const log = await streamOf<DeliveryEvent>(deliveryStreamName(await deliveryIdOf('desk.mi', 'sms')));
        return log.some((event) => event.type === 'NotificationDeliveryDead') && log;
      },
      { description: 'the desk’s SMS given up', timeoutMs: 20_000 },
    );
    expect(deskSms.map((event) => event.type)).toEqual([
      'NotificationDeliveryScheduled',
      'NotificationDeliveryFailed',
      'NotificationDeliveryFailed',
      'NotificationDeliveryFailed',
      'NotificationDeliveryDead',
    ]);
    expect(texts.filter((sms) => sms.to === UNREACHABLE_PHONE)).toHaveLength(3);
  }, 60_000);

  /** The delivery scheduled for a user and channel, from the user's inbox notifications' causes. */
  async function deliveryIdOf(user: string, channel: string): Promise<string> {
    const all = await events.readAll({ maxCount: 5000, streamPrefixes: ['notification-delivery-'] });
    const scheduled = all.find(
      (recorded) =>
        recorded.type === 'NotificationDeliveryScheduled' &&
        recorded.data['userId'] === users[user] &&
        recorded.data['channel'] === channel,
    );
    if (!scheduled) throw new Error(`no ${channel} delivery for ${user} yet`);
    return String(scheduled.data['deliveryId']);
  }

  it('raises the next level when nobody acknowledges in time, and nothing twice when the log is followed again', async () => {
    const mailsBefore = mails.length;
    const inboxBefore = (await received('desk.mi')).length;
    await worker!.stop();
    worker = undefined;
    // Two minutes later, and the notifier follows the whole log again from the start.
    await reads.collection('saga_checkpoints').delete('notifier');
    await startAt(now().getTime() + 2 * MINUTE);

    const level2 = await waitFor(
      async () =>
        (await streamOf<EscalationEvent>(escalationStreamName(requestId))).find(
          (event) => event.type === 'EscalationLevelAlerted' && event.data.level === 2,
        ),
      { description: 'level 2 raised', timeoutMs: 20_000 },
    );
    if (level2.type !== 'EscalationLevelAlerted') throw new Error('unreachable');
    expect(level2.data).toMatchObject({ cause: 'unacknowledged', recipients: [users['boss.mi']] });

    // The manager: inbox, e-mail, and a text message the gateway took at the third attempt.
    await waitFor(() => mails.some((mail) => mail.to.includes('boss.mi@example.test')), {
      description: 'the manager’s e-mail',
      timeoutMs: 20_000,
    });
    const managerSms = await waitFor(
      async () => {
        const log = await streamOf<DeliveryEvent>(deliveryStreamName(await deliveryIdOf('boss.mi', 'sms')));
        return log.some((event) => event.type === 'NotificationDeliverySent') && log;
      },
      { description: 'the manager’s SMS sent', timeoutMs: 20_000 },
    );
    expect(managerSms.map((event) => event.type)).toEqual([
      'NotificationDeliveryScheduled',
      'NotificationDeliveryFailed',
      'NotificationDeliveryFailed',
      'NotificationDeliverySent',
    ]);
    expect(texts.filter((sms) => sms.to === '+393475550101').map((sms) => sms.status)).toEqual([
      503, 503, 200,
    ]);

    // Following the log again told nobody twice. New are only the response breach (a minute has
    // passed: to the desk and the managers by rule) and level 2 (to the manager).
    const newMails = mails
      .slice(mailsBefore)
      .map((mail) => `${mail.to.replace(/.*<|>.*/g, '')} ${mail.subject.replace(/SR-\w+/, 'SR')}`);
    expect(newMails.sort()).toEqual([
      'boss.mi@example.test Escalation level 2: SR',
      'boss.mi@example.test SR: response deadline missed',
      'desk.mi@example.test SR: response deadline missed',
    ]);
    expect((await received('desk.mi')).map((n) => n.topic).sort()).toEqual([
      'escalation',
      'request-opened',
      'sla-alarm',
      'sla-breach',
    ]);
    expect(inboxBefore).toBe(3);
    const ids = mails.map((mail) => mail.messageId);
    expect(new Set(ids).size).toBe(ids.length);

    // The manager takes it in hand: both levels acknowledged, nothing more is raised.
    const scheduler = new JobScheduler({ redisUrl: config.redisUrl, prefix: 'notify-test' });
    try {
      const escalations = new Escalations({
        events,
        reads,
        directory: new Directory(reads),
        timers: new BullmqTimers(scheduler, {
          queue: 'escalations-test',
          jobName: 'check',
          idPrefix: 'esc',
          attempts: 1,
        }),
        now,
      });
      const manager = {
        id: users['boss.mi']!,
        displayName: 'Capo Milano',
        kind: 'user',
        role: 'manager',
        unitCode: 'MI',
      } as const;
      expect(await escalations.acknowledge(manager, requestId, 'On it')).toEqual({ acknowledged: [1, 2] });
      expect(await escalations.acknowledge(manager, requestId)).toEqual({ acknowledged: [] });
      const technician = {
        id: users['rossi']!,
        displayName: 'Mario Rossi',
        kind: 'user',
        role: 'technician',
        technicianCode: 'T-MI-1',
      } as const;
      await expect(escalations.acknowledge(technician, requestId)).rejects.toThrow(/Only the people alerted/);
    } finally {
      await scheduler.close();
    }
  }, 60_000);
});
