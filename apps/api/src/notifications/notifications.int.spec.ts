import {
  type DeliveryLogPage,
  type InboxPage,
  type NotificationSettings,
  type RequestEscalation,
  deliveryLogEntrySchema,
  deliveryLogPageSchema,
  inboxPageSchema,
  markReadAnswerSchema,
  notificationSettingsSchema,
  requestEscalationSchema,
} from '@fieldstream/api-contract';
import { userIdOf } from '@fieldstream/application';
import { JobScheduler, deliveryTimerSettings } from '@fieldstream/queue';
import { type TestRedis, startRedis } from '@fieldstream/testing';
import { TEST_ADMIN, type TestApi, startTestApi } from '../testing/start-test-api';
import { USERS, createOrganisation } from '../testing/organisation-fixture';
import { serverSentEvents, topicsUntil } from '../testing/server-sent-events';
import {
  type NotificationDriver,
  SCENARIO_ATTEMPTS,
  startNotificationDriver,
} from './testing/notification-scenario';

jest.setTimeout(60_000);

/*
 * Notifications over HTTP on the real API and stores. The notifications come from real events: a
 * high-priority request at ACME Milano (C-ACME: 60 minutes to respond, in Rome's office hours)
 * opened, accepted and assigned, its SLA alarms recorded by timers' visits at chosen instants, the
 * escalation saga and the notifier following them, and the deliveries' jobs played until sent or
 * given up (see notification-scenario.ts). Only the clock and the outside world are stand-ins.
 *
 * Monday 14 December 2026, UTC. 09:00 opened (the desk of Milan told); 09:05 assigned to Rossi
 * (he and ACME told); 09:40 the 50 % alarm: the desk told, and escalation level 1 to the desk
 * (inbox, e-mail, a text message to a number the gateway always refuses), to acknowledge within
 * 30 minutes;
 * 10:15 the 75 % and 90 % alarms and the response breach: the desk told thrice, level 2 to the
 * managers (the head office's). 11:00 a second request, never escalated.
 */
const utc = (time: string) => `2026-12-14T${time}:00.000Z`;
const UNREACHABLE = '+390000000001';
const QUEUE_PREFIX = 'notify-api';

const DESK_SETTINGS: NotificationSettings = {
  email: 'desk.mi@example.test',
  phone: UNREACHABLE,
  channels: { email: true, sms: true, push: true },
  quietHours: null,
  timeZone: 'Europe/Rome',
  mutedTopics: [],
};
const DEFAULT_SETTINGS: NotificationSettings = {
  email: null,
  phone: null,
  channels: { email: true, sms: false, push: true },
  quietHours: null,
  timeZone: 'Europe/Rome',
  mutedTopics: [],
};

describe('notifications over HTTP', () => {
  let redis: TestRedis;
  let api: TestApi;
  let admin: string;
  let tokens: Record<keyof typeof USERS, string>;
  let driver: NotificationDriver;
  let escalated = '';
  let quiet = '';
  const id = (user: keyof typeof USERS) => userIdOf(USERS[user].username);

  beforeAll(async () => {
    redis = await startRedis();
    api = await startTestApi({ REDIS_URL: redis.url, QUEUE_PREFIX });
    admin = await api.login(TEST_ADMIN.username, TEST_ADMIN.password);
    tokens = await createOrganisation(api, admin);
    // The desk's own settings, through the API, before anything happens.
    const settings = await api.call('PUT', '/api/me/notification-settings', tokens.dispatcherMi, {
      ...DESK_SETTINGS,
      phone: '+39 000 000 0001',
    });
    if (settings.status !== 200) throw new Error(`settings: ${settings.status} ${await settings.text()}`);

    driver = await startNotificationDriver(api, admin, redis.url);
    driver.world.unreachable.add(UNREACHABLE);
    escalated = await driver.open(utc('09:00'), {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      priority: 'high',
      description: 'Caldaia in blocco',
    });
    await driver.process(utc('09:01'));
    await driver.act(utc('09:02'), escalated, { type: 'accept' });
    await driver.act(utc('09:05'), escalated, {
      type: 'assign',
      assignments: [{ technicianCode: 'T-MI-1', start: utc('13:00'), durationMinutes: 60 }],
      displace: [],
    });
    await driver.process(utc('09:06'));
    await driver.visit(utc('09:40'), escalated);
    await driver.process(utc('09:41'));
    await driver.visit(utc('10:15'), escalated);
    await driver.process(utc('10:16'));
    quiet = await driver.open(utc('11:00'), { customerCode: 'ACME', siteCode: 'S-ACME-1', priority: 'high' });
    await driver.process(utc('11:01'));
  }, 120_000);

  afterAll(async () => {
    await driver?.stop();
    await api?.stop();
    await redis?.stop();
  });

  const get = async (token: string, path: string) => {
    const response = await api.call('GET', path, token);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const inbox = async (token: string, query: Record<string, string> = {}): Promise<InboxPage> =>
    inboxPageSchema.parse(await get(token, `/api/me/notifications?${new URLSearchParams(query)}`));
  const problem = async (response: Response) => ({
    status: response.status,
    body: (await response.json()) as { code?: string; detail?: string; errors?: { field: string }[] },
  });
  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((error) => error.field);

  describe('the inbox', () => {
    it("lists the reader's own notifications, newest first, with the unread count and the escalation alert's deadline", async () => {
      const desk = await inbox(tokens.dispatcherMi);
      expect(desk.unreadCount).toBe(7);
      expect(desk.nextBefore).toBeUndefined();
      const byTime = new Map<string, string[]>();
      for (const n of desk.notifications)
        byTime.set(n.receivedAt, [...(byTime.get(n.receivedAt) ?? []), n.topic]);
      expect([...byTime].map(([at, topics]) => [at, topics.sort()])).toEqual([
        [utc('11:01'), ['request-opened']],
        [utc('10:16'), ['sla-alarm', 'sla-alarm', 'sla-breach']],
        [utc('09:41'), ['escalation', 'sla-alarm']],
        [utc('09:01'), ['request-opened']],
      ]);
      const alert = desk.notifications.find((n) => n.topic === 'escalation')!;
      expect(alert).toMatchObject({
        severity: 'critical',
        requestId: escalated,
        reference: expect.stringMatching(/^SR-[0-9A-F]{8}$/),
        title: expect.stringMatching(/^Escalation livello 1: SR-/),
        readAt: null,
        escalation: { level: 1, acknowledgeBy: utc('10:11'), acknowledged: false },
      });
      expect(desk.notifications.every((n) => n.readAt === null)).toBe(true);

      // Each reader sees their own: the technician and the customer their assignment, the
      // managers the breach and level 2, the other desk nothing.
      expect((await inbox(tokens.technicianMi)).notifications.map((n) => n.topic)).toEqual(['assignment']);
      const customer = (await inbox(tokens.customerAcme)).notifications;
      expect(customer.map((n) => n.topic)).toEqual(['assignment']);
      // The customer hears who is coming by first name only; the technician reads the full name.
      expect(customer[0]!.body).toContain('Mario');
      expect(customer[0]!.body).not.toContain('Rossi');
      expect((await inbox(tokens.technicianMi)).notifications[0]!.body).toContain('Mario Rossi');
      const managers = await inbox(tokens.manager);
      expect(managers.notifications.map((n) => n.topic).sort()).toEqual(['escalation', 'sla-breach']);
      expect(managers.notifications.find((n) => n.topic === 'escalation')!.escalation).toEqual({
        level: 2,
        acknowledged: false,
      });
      expect(await inbox(tokens.dispatcherRm)).toEqual({ notifications: [], unreadCount: 0 });
      expect(await inbox(admin)).toEqual({ notifications: [], unreadCount: 0 });
    });

    it('pages back with `before`, keeping the notifications received at the same instant on one page', async () => {
      const first = await inbox(tokens.dispatcherMi, { limit: '2' });
      // Two asked, but the second shares its instant with two more: all three stay together.
      expect(first.notifications.map((n) => n.receivedAt)).toEqual([
        utc('11:01'),
        utc('10:16'),
        utc('10:16'),
        utc('10:16'),
      ]);
      expect(first.nextBefore).toBe(utc('10:16'));
      expect(first.unreadCount).toBe(7);
      const second = await inbox(tokens.dispatcherMi, { limit: '2', before: first.nextBefore! });
      expect(second.notifications.map((n) => n.receivedAt)).toEqual([utc('09:41'), utc('09:41')]);
      expect(second.nextBefore).toBe(utc('09:41'));
      const third = await inbox(tokens.dispatcherMi, { limit: '2', before: second.nextBefore! });
      expect(third.notifications.map((n) => [n.receivedAt, n.topic])).toEqual([
        [utc('09:01'), 'request-opened'],
      ]);
      expect(third.nextBefore).toBeUndefined();
      const all = [...first.notifications, ...second.notifications, ...third.notifications];
      expect(new Set(all.map((n) => n.notificationId)).size).toBe(7);
      // Any instant will do as `before`, in any ISO form.
      const beforeHalfPast = await inbox(tokens.dispatcherMi, { before: '2026-12-14T10:30:00+01:00' });
      expect(beforeHalfPast.notifications.map((n) => n.receivedAt)).toEqual([utc('09:01')]);
    });

    it('answers 400 naming the parameter for a bad page', async () => {
      for (const [query, field] of [
        [{ before: 'yesterday' }, 'before'],
        [{ limit: '0' }, 'limit'],
        [{ unread: 'maybe' }, 'unread'],
      ] as const) {
        const { status, body } = await problem(
          await api.call('GET', `/api/me/notifications?${new URLSearchParams(query)}`, tokens.dispatcherMi),
        );
        expect([query, status, fields(body)]).toEqual([query, 400, [field]]);
      }
      expect((await api.call('GET', '/api/me/notifications')).status).toBe(401);
    });

    it("marks some read, then all; someone else's ids change nothing", async () => {
      const before = await inbox(tokens.dispatcherMi);
      const alarms = before.notifications.filter((n) => n.topic === 'sla-alarm').map((n) => n.notificationId);
      const markRead = async (token: string, body: unknown) => {
        const response = await api.call('POST', '/api/me/notifications/read', token, body);
        expect(response.status).toBe(200);
        return markReadAnswerSchema.parse(await response.json());
      };

      // The technician sends the desk's ids: not in his inbox, nothing changes anywhere.
      expect(await markRead(tokens.technicianMi, { notificationIds: alarms })).toEqual({
        read: [],
        unreadCount: 1,
      });
      expect((await inbox(tokens.dispatcherMi)).unreadCount).toBe(7);

      const some = await markRead(tokens.dispatcherMi, { notificationIds: [...alarms, 'not-mine'] });
      expect(some.read.sort()).toEqual([...alarms].sort());
      expect(some.unreadCount).toBe(4);
      const after = await inbox(tokens.dispatcherMi);
      expect(after.unreadCount).toBe(4);
      for (const n of after.notifications)
        expect([n.topic, n.readAt !== null]).toEqual([n.topic, alarms.includes(n.notificationId)]);
      const unread = await inbox(tokens.dispatcherMi, { unread: 'true' });
      expect(unread.notifications.map((n) => n.topic).sort()).toEqual([
        'escalation',
        'request-opened',
        'request-opened',
        'sla-breach',
      ]);
      expect(unread.unreadCount).toBe(4);
      // Read again from another device: nothing more.
      expect(await markRead(tokens.dispatcherMi, { notificationIds: alarms })).toEqual({
        read: [],
        unreadCount: 4,
      });

      const all = await markRead(tokens.dispatcherMi, { all: true });
      expect(all.read).toHaveLength(4);
      expect(all.unreadCount).toBe(0);
      expect(await inbox(tokens.dispatcherMi, { unread: 'true' })).toEqual({
        notifications: [],
        unreadCount: 0,
      });
      expect(await markRead(tokens.dispatcherMi, { all: true })).toEqual({ read: [], unreadCount: 0 });
      // The others' inboxes are as they were.
      expect((await inbox(tokens.manager)).unreadCount).toBe(2);
      expect((await inbox(tokens.technicianMi)).unreadCount).toBe(1);
    });

    it('answers 400 naming the field for a bad body', async () => {
      for (const [body, field] of [
        [{ notificationIds: [] }, 'notificationIds'],
        [{ all: false }, 'all'],
        [{ all: true, notificationIds: ['x'] }, 'notificationIds'],
      ] as const) {
        const { status, body: answer } = await problem(
          await api.call('POST', '/api/me/notifications/read', tokens.dispatcherMi, body),
        );
        expect([body, status, fields(answer)]).toEqual([body, 400, [field]]);
      }
    });
  });

  describe('notification settings', () => {
    const settingsOf = async (token: string) =>
      notificationSettingsSchema.parse(await get(token, '/api/me/notification-settings'));
    const put = (token: string, body: unknown) =>
      api.call('PUT', '/api/me/notification-settings', token, body);

    it("reads the signed-in user's own settings: the defaults until they set theirs", async () => {
      // Set through the API before the scenario: the phone as typed, kept in international form.
      expect(await settingsOf(tokens.dispatcherMi)).toEqual(DESK_SETTINGS);
      expect(await settingsOf(tokens.technicianMi)).toEqual(DEFAULT_SETTINGS);
      expect((await api.call('GET', '/api/me/notification-settings')).status).toBe(401);
    });

    it('changes only the signed-in user’s contact and switches, nothing else of the profile', async () => {
      const mine: NotificationSettings = {
        email: 'rossi@example.test',
        phone: '+39 347.123-4567',
        channels: { email: false, sms: true, push: false },
        quietHours: { from: '22:00', to: '07:00' },
        timeZone: 'Europe/Rome',
        mutedTopics: ['assignment', 'reschedule'],
      };
      const response = await put(tokens.technicianMi, mine);
      expect(response.status).toBe(200);
      const stored = { ...mine, phone: '+393471234567' };
      expect(notificationSettingsSchema.parse(await response.json())).toEqual(stored);
      expect(await settingsOf(tokens.technicianMi)).toEqual(stored);
      // The profile keeps its name, role and binding; the others' are untouched.
      const users = (await get(admin, '/api/users')) as { username: string; profile: object }[];
      const rossi = users.find((user) => user.username === USERS.technicianMi.username)!;
      expect(rossi.profile).toMatchObject({
        displayName: 'Mario Rossi',
        role: 'technician',
        binding: { technicianCode: 'T-MI-1' },
        email: 'rossi@example.test',
        phone: '+393471234567',
        notifications: { email: false, sms: true, push: false, mutedTopics: ['assignment', 'reschedule'] },
      });
      expect(await settingsOf(tokens.dispatcherMi)).toEqual(DESK_SETTINGS);
      // Back to nothing: null removes the address and the quiet hours.
      const cleared = await put(tokens.technicianMi, { ...DEFAULT_SETTINGS });
      expect(await cleared.json()).toEqual(DEFAULT_SETTINGS);
      const profile = ((await get(admin, '/api/users')) as typeof users).find(
        (user) => user.username === USERS.technicianMi.username,
      )!.profile;
      expect(profile).not.toHaveProperty('email');
      expect(profile).not.toHaveProperty('phone');
    });

    it('answers 400 naming the field, and changes nothing, for a bad phone, zone, quiet hours, or a field of the profile', async () => {
      const invalid = async (body: Record<string, unknown>, field: string) => {
        const { status, body: answer } = await problem(
          await put(tokens.technicianMi, { ...DEFAULT_SETTINGS, ...body }),
        );
        expect([body, status, fields(answer)]).toEqual([body, 400, [field]]);
      };
      await invalid({ phone: '347 1234567' }, 'phone');
      await invalid({ phone: '+39 abc' }, 'phone');
      await invalid({ email: 'not an address' }, 'email');
      await invalid({ timeZone: 'Mars/Olympus' }, 'timeZone');
      await invalid({ quietHours: { from: '22:00', to: '22:00' } }, 'quietHours');
      await invalid({ quietHours: { from: '25:00', to: '07:00' } }, 'quietHours.from');
      await invalid({ mutedTopics: ['gossip'] }, 'mutedTopics.0');
      await invalid({ channels: { email: true, sms: true } }, 'channels.push');
      // The rest of a profile is an administrator's.
      await invalid({ role: 'admin' }, 'role');
      await invalid({ binding: { technicianCode: 'T-RM-1' } }, 'binding');
      const { body } = await problem(await put(tokens.technicianMi, { ...DEFAULT_SETTINGS, role: 'admin' }));
      expect(body.errors).toEqual([expect.objectContaining({ field: 'role', code: 'not_changeable_here' })]);
      expect(await settingsOf(tokens.technicianMi)).toEqual(DEFAULT_SETTINGS);
      // The principal behind the token, read from the profile on every call: still a technician.
      expect(await get(tokens.technicianMi, '/api/auth/me')).toMatchObject({
        role: 'technician',
        technicianCode: 'T-MI-1',
      });
    });
  });

  describe("a request's escalation", () => {
    const escalation = async (token: string, requestId: string): Promise<RequestEscalation> =>
      requestEscalationSchema.parse(await get(token, `/api/service-requests/${requestId}/escalation`));
    const acknowledge = (token: string, requestId: string, body?: unknown) =>
      api.call('POST', `/api/service-requests/${requestId}/escalation/acknowledge`, token, body);

    it('shows the levels raised, whom they alerted by name, until when to acknowledge', async () => {
      expect(await escalation(admin, escalated)).toEqual({
        requestId: escalated,
        chainCode: 'ESC-HIGH',
        levels: [
          {
            level: 1,
            percent: 50,
            clock: 'response',
            cause: 'threshold',
            alertedAt: utc('09:41'),
            recipients: [{ userId: id('dispatcherMi'), displayName: 'Desk Milano' }],
            channels: ['inbox', 'email', 'sms'],
            acknowledgeBy: utc('10:11'),
            acknowledged: null,
          },
          {
            level: 2,
            percent: 100,
            clock: 'response',
            cause: 'threshold',
            alertedAt: utc('10:16'),
            recipients: [{ userId: id('manager'), displayName: 'Service manager' }],
            channels: ['inbox', 'email'],
            acknowledged: null,
          },
        ],
        canAcknowledge: true,
      });
    });

    it('is read by whoever reads the request at the desk, and acknowledged by those alerted, the desk and management', async () => {
      const may = async (token: string) => (await escalation(token, escalated)).canAcknowledge;
      expect(await may(tokens.dispatcherMi)).toBe(true);
      expect(await may(tokens.manager)).toBe(true);
      // Readers of the request who were not alerted and are neither desk nor management.
      expect(await may(tokens.technicianMi)).toBe(false);
      expect(await may(tokens.auditor)).toBe(false);
      // The customer follows the request in the portal: who was alerted inside is not theirs to read.
      const customer = await api.call(
        'GET',
        `/api/service-requests/${escalated}/escalation`,
        tokens.customerAcme,
      );
      expect(customer.status).toBe(403);
      const stranger = await api.call(
        'GET',
        `/api/service-requests/${escalated}/escalation`,
        tokens.dispatcherRm,
      );
      expect(stranger.status).toBe(404);
      const otherCustomer = await api.call(
        'GET',
        `/api/service-requests/${escalated}/escalation`,
        tokens.customerBeta,
      );
      expect(otherCustomer.status).toBe(403);
      expect(await escalation(tokens.dispatcherMi, quiet)).toEqual({
        requestId: quiet,
        chainCode: null,
        levels: [],
        canAcknowledge: false,
      });
      const missing = await api.call(
        'GET',
        '/api/service-requests/00000000-0000-4000-8000-000000000000/escalation',
        admin,
      );
      expect(await problem(missing)).toMatchObject({ status: 404, body: { code: 'not_found' } });
    });

    it('refuses whoever may not acknowledge: 403 for a technician not alerted, 404 out of reach', async () => {
      const refused = await problem(await acknowledge(tokens.technicianMi, escalated, {}));
      expect(refused).toMatchObject({ status: 403, body: { code: 'forbidden' } });
      expect((await acknowledge(tokens.dispatcherRm, escalated, {})).status).toBe(404);
      // Customers have no say on the desk's escalations at all, theirs or others'.
      expect((await acknowledge(tokens.customerBeta, escalated)).status).toBe(403);
      expect((await acknowledge('', escalated)).status).toBe(401);
      const badNote = await problem(await acknowledge(tokens.dispatcherMi, escalated, { note: 5 }));
      expect([badNote.status, fields(badNote.body)]).toEqual([400, ['note']]);
      expect((await escalation(admin, escalated)).levels.map((level) => level.acknowledged)).toEqual([
        null,
        null,
      ]);
    });

    it('says clearly that there is nothing to acknowledge on a request that never escalated', async () => {
      const { status, body } = await problem(await acknowledge(tokens.dispatcherMi, quiet, {}));
      expect(status).toBe(409);
      expect(body).toMatchObject({
        code: 'nothing_to_acknowledge',
        detail: 'No escalation has been raised for this request',
      });
    });

    it('acknowledges every open level for the one alerted, shows it in the inboxes, and again changes nothing', async () => {
      const response = await acknowledge(tokens.dispatcherMi, escalated, {
        note: '  Calling the customer  ',
      });
      expect(response.status).toBe(200);
      const taken = requestEscalationSchema.parse(await response.json());
      const acknowledged = {
        at: expect.any(String),
        userId: id('dispatcherMi'),
        displayName: 'Desk Milano',
        note: 'Calling the customer',
      };
      expect(taken.levels.map((level) => level.acknowledged)).toEqual([acknowledged, acknowledged]);
      expect(taken.canAcknowledge).toBe(false);
      // The alerts in the desk's and the managers' inboxes show it taken in hand.
      const deskAlert = (await inbox(tokens.dispatcherMi)).notifications.find(
        (n) => n.topic === 'escalation',
      );
      expect(deskAlert!.escalation).toEqual({ level: 1, acknowledgeBy: utc('10:11'), acknowledged: true });
      const managerAlert = (await inbox(tokens.manager)).notifications.find((n) => n.topic === 'escalation');
      expect(managerAlert!.escalation).toEqual({ level: 2, acknowledged: true });

      const again = await acknowledge(tokens.manager, escalated);
      expect(again.status).toBe(200);
      expect(requestEscalationSchema.parse(await again.json()).levels).toEqual(taken.levels);
    });
  });

  describe('the delivery log', () => {
    const log = async (token: string, query: Record<string, string> = {}): Promise<DeliveryLogPage> =>
      deliveryLogPageSchema.parse(
        await get(token, `/api/notification-deliveries?${new URLSearchParams(query)}`),
      );

    it('lists every outside delivery with its attempts, and the dead letter with why it died', async () => {
      const all = await log(admin);
      expect(all.counts).toEqual({ pending: 0, sent: 2, dead: 1 });
      expect(all.deliveries.map((d) => [d.scheduledAt, d.channel, d.status, d.topic]).sort()).toEqual([
        [utc('09:41'), 'email', 'sent', 'escalation'],
        [utc('09:41'), 'sms', 'dead', 'escalation'],
        [utc('10:16'), 'email', 'sent', 'sla-breach'],
      ]);
      expect(all.deliveries[0]).toMatchObject({
        scheduledAt: utc('10:16'),
        channel: 'email',
        topic: 'sla-breach',
      });
      const [dead] = (await log(admin, { status: 'dead' })).deliveries;
      expect(dead).toEqual({
        deliveryId: expect.any(String),
        channel: 'sms',
        status: 'dead',
        userId: id('dispatcherMi'),
        userName: 'Desk Milano',
        address: UNREACHABLE,
        topic: 'escalation',
        subject: expect.stringMatching(/^Escalation livello 1: SR-/),
        requestId: escalated,
        reference: expect.stringMatching(/^SR-[0-9A-F]{8}$/),
        scheduledAt: utc('09:41'),
        notBefore: utc('09:41'),
        attempts: [1, 2].map((attempt) => ({
          attempt,
          at: utc('09:41'),
          outcome: 'failed',
          error: `Gateway refused ${UNREACHABLE}: 500`,
        })),
        lastError: `Gateway refused ${UNREACHABLE}: 500`,
      });
      expect(SCENARIO_ATTEMPTS).toBe(2);
      const mail = (await log(admin, { channel: 'email' })).deliveries;
      expect(mail.map((d) => [d.status, d.address, d.attempts.length, d.sentAt])).toEqual([
        ['sent', 'desk.mi@example.test', 1, utc('10:16')],
        ['sent', 'desk.mi@example.test', 1, utc('09:41')],
      ]);
      expect(driver.world.sent.map((message) => message.to)).toEqual([
        'desk.mi@example.test',
        'desk.mi@example.test',
      ]);
    });

    it('filters by request, user and channel, counts under the same filters, and pages back', async () => {
      expect((await log(admin, { requestId: escalated })).deliveries).toHaveLength(3);
      expect(await log(admin, { requestId: quiet })).toEqual({
        deliveries: [],
        counts: { pending: 0, sent: 0, dead: 0 },
      });
      expect((await log(admin, { userId: id('manager') })).deliveries).toEqual([]);
      const sms = await log(admin, { channel: 'sms', userId: id('dispatcherMi') });
      expect(sms.counts).toEqual({ pending: 0, sent: 0, dead: 1 });
      const first = await log(admin, { limit: '1' });
      expect(first.deliveries.map((d) => d.scheduledAt)).toEqual([utc('10:16')]);
      expect(first.nextBefore).toBe(utc('10:16'));
      const rest = await log(admin, { limit: '1', before: first.nextBefore! });
      // The two scheduled at the same instant come together.
      expect(rest.deliveries.map((d) => d.channel).sort()).toEqual(['email', 'sms']);
      expect(rest.nextBefore).toBeUndefined();
      const bad = await problem(await api.call('GET', '/api/notification-deliveries?status=lost', admin));
      expect([bad.status, fields(bad.body)]).toEqual([400, ['status']]);
    });

    it('is for administrators and auditors: 403 for the desk, technicians and customers', async () => {
      expect((await log(tokens.auditor)).counts).toEqual({ pending: 0, sent: 2, dead: 1 });
      for (const token of [tokens.dispatcherMi, tokens.manager, tokens.technicianMi, tokens.customerAcme]) {
        expect(await problem(await api.call('GET', '/api/notification-deliveries', token))).toMatchObject({
          status: 403,
          body: { code: 'forbidden' },
        });
      }
    });

    it('sends a dead letter again for an administrator only: pending again, its job set in the worker’s queue', async () => {
      const [dead] = (await log(admin, { status: 'dead' })).deliveries;
      const path = `/api/notification-deliveries/${dead!.deliveryId}/requeue`;
      for (const token of [tokens.dispatcherMi, tokens.auditor, tokens.technicianMi]) {
        expect(await problem(await api.call('POST', path, token))).toMatchObject({
          status: 403,
          body: { code: 'forbidden' },
        });
      }
      expect((await log(admin)).counts).toEqual({ pending: 0, sent: 2, dead: 1 });

      const response = await api.call('POST', path, admin);
      expect(response.status).toBe(200);
      const requeued = deliveryLogEntrySchema.parse(await response.json());
      expect(requeued).toMatchObject({
        deliveryId: dead!.deliveryId,
        status: 'pending',
        attempts: dead!.attempts,
      });
      expect((await log(admin)).counts).toEqual({ pending: 1, sent: 2, dead: 0 });
      // Where the worker's delivery jobs wait, under the API's queue prefix.
      const scheduler = new JobScheduler({ redisUrl: redis.url, prefix: QUEUE_PREFIX });
      try {
        const settings = deliveryTimerSettings({ attempts: 1, retryMs: 1 });
        const jobs = await scheduler.inspect(settings.queue, `${settings.idPrefix}-${dead!.deliveryId}`);
        expect(jobs).toEqual([
          expect.objectContaining({
            jobId: `delivery-${dead!.deliveryId}`,
            state: expect.stringMatching(/^(waiting|delayed)$/),
          }),
        ]);
        expect(jobs[0]!.runAt.getTime()).toBeLessThanOrEqual(Date.now());
      } finally {
        await scheduler.close();
      }

      expect(await problem(await api.call('POST', path, admin))).toMatchObject({
        status: 409,
        body: { code: 'not_dead', details: { status: 'pending' } },
      });
      expect(
        await problem(await api.call('POST', '/api/notification-deliveries/no-such-delivery/requeue', admin)),
      ).toMatchObject({ status: 404, body: { code: 'not_found' } });
    });
  });

  describe('live updates', () => {
    type Heard = { event: string; data: unknown }[];
    const listen = async (token: string) => {
      const controller = new AbortController();
      const response = await fetch(`${api.url}/api/live`, {
        headers: { authorization: `Bearer ${token}` },
        signal: controller.signal,
      });
      return { events: serverSentEvents(response), controller };
    };
    const collect = (events: AsyncGenerator<{ event: string; data: unknown }>, heard: Heard) =>
      (async () => {
        try {
          for await (const event of events) heard.push(event);
        } catch {
          /* aborted */
        }
      })();
    const topicsIn = (heard: Heard) =>
      heard.flatMap((event) =>
        event.event === 'changed' ? (event.data as { topics: string[] }).topics : [],
      );

    it('tells an inbox’s owner that it changed, and nobody else', async () => {
      const owner = await listen(tokens.dispatcherMi);
      const others = await Promise.all(
        [tokens.dispatcherRm, tokens.technicianMi, tokens.manager, admin].map(listen),
      );
      const heard: Heard[] = others.map(() => []);
      const collecting = others.map((other, index) => collect(other.events, heard[index]!));

      // A new request at Milan: its desk is told, in its inbox.
      await driver.open(utc('12:00'), { customerCode: 'ACME', siteCode: 'S-ACME-1', priority: 'high' });
      await driver.process(utc('12:01'));
      expect(await topicsUntil(owner.events, ['inbox'])).toContain('inbox');
      expect((await inbox(tokens.dispatcherMi)).unreadCount).toBe(1);
      // Everyone else heard of the request, never of an inbox.
      for (const list of heard) {
        const deadline = Date.now() + 10_000;
        while (!topicsIn(list).includes('service-requests') && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      owner.controller.abort();
      others.forEach((other) => other.controller.abort());
      await Promise.all(collecting);
      for (const list of heard) {
        expect(topicsIn(list)).toContain('service-requests');
        expect(topicsIn(list)).not.toContain('inbox');
      }
    });
  });
});
