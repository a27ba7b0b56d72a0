import type { DeliveryRequest, EscalationAlert, InboxNotification } from '@fieldstream/domain';
import type { RecordedEvent } from '@fieldstream/event-store';
import { type ProjectedDocuments, foldProjection } from '../fold-projection';
import type { AnyProjection } from '../projection-definition';
import { inboxProjection } from './inbox.projection';
import {
  INBOX_NOTIFICATIONS_COLLECTION,
  type InboxNotificationDocument,
  NOTIFICATION_DELIVERIES_COLLECTION,
  type NotificationDeliveryDocument,
  REQUEST_ESCALATIONS_COLLECTION,
  type RequestEscalationDocument,
  inboxDocumentId,
} from './notification-collections';
import { notificationDeliveriesProjection } from './notification-deliveries.projection';
import { requestEscalationsProjection } from './request-escalations.projection';
import { DecidedNotificationLog } from './testing/decided-notification-log';

const REQUEST = '0b8e2a52-8c53-4a0b-9a3e-1f2d3c4b5a69';
const DESK = 'u-desk';
const BOSS = 'u-boss';
const at = (time: string) => `2026-12-14T${time}:00.000Z`;

const fold = (projection: unknown, events: readonly RecordedEvent[], initial?: ProjectedDocuments) =>
  foldProjection(projection as AnyProjection, events, initial);

function documents<T>(projected: ProjectedDocuments, collection: string): T[] {
  return [...(projected.get(collection)?.values() ?? [])] as T[];
}

const notification = (id: string, overrides: Partial<InboxNotification> = {}): InboxNotification => ({
  notificationId: id,
  topic: 'sla-alarm',
  severity: 'warning',
  title: `Alarm ${id}`,
  body: 'Half the response time is gone',
  requestId: REQUEST,
  reference: 'SR-0B8E2A52',
  sourceEventId: `event-${id}`,
  ...overrides,
});

/** The same log folded twice over itself (a redelivery of everything) ends with the same documents. */
function expectRedeliveryChangesNothing(projection: unknown, events: readonly RecordedEvent[]) {
  const once = fold(projection, events);
  expect(fold(projection, events, once)).toEqual(once);
}

describe('inbox projection', () => {
  function deskInbox(log = new DecidedNotificationLog()) {
    log.inbox(DESK, { type: 'receive', userId: DESK, at: at('09:00'), notification: notification('n-1') });
    log.inbox(DESK, {
      type: 'receive',
      userId: DESK,
      at: at('09:40'),
      notification: notification('n-2', {
        topic: 'escalation',
        severity: 'critical',
        escalation: { level: 1, acknowledgeBy: at('10:10') },
      }),
    });
    return log;
  }

  it('keeps one unread document per notification, with what the bell shows', () => {
    const inbox = documents<InboxNotificationDocument>(
      fold(inboxProjection, deskInbox().events),
      INBOX_NOTIFICATIONS_COLLECTION,
    );
    expect(inbox).toEqual([
      {
        _id: inboxDocumentId(DESK, 'n-1'),
        notificationId: 'n-1',
        userId: DESK,
        topic: 'sla-alarm',
        severity: 'warning',
        title: 'Alarm n-1',
        body: 'Half the response time is gone',
        requestId: REQUEST,
        reference: 'SR-0B8E2A52',
        sourceEventId: 'event-n-1',
        receivedAt: at('09:00'),
        readAt: null,
        lastPosition: 1,
      },
      expect.objectContaining({
        notificationId: 'n-2',
        topic: 'escalation',
        escalation: { level: 1, acknowledgeBy: at('10:10') },
        receivedAt: at('09:40'),
        readAt: null,
      }),
    ]);
  });

  it('marks read the notifications read, each at its first reading, and all of them at once', () => {
    const log = deskInbox();
    log.inbox(DESK, { type: 'markRead', userId: DESK, at: at('10:00'), notificationIds: ['n-2', 'n-9'] });
    // Read again from another device: the decider decides nothing.
    expect(
      log.inbox(DESK, { type: 'markRead', userId: DESK, at: at('10:01'), notificationIds: ['n-2'] }),
    ).toEqual([]);
    const afterSome = documents<InboxNotificationDocument>(
      fold(inboxProjection, log.events),
      INBOX_NOTIFICATIONS_COLLECTION,
    );
    expect(afterSome.map((d) => [d.notificationId, d.readAt])).toEqual([
      ['n-1', null],
      ['n-2', at('10:00')],
    ]);
    log.inbox(DESK, { type: 'markAllRead', userId: DESK, at: at('11:00') });
    const afterAll = documents<InboxNotificationDocument>(
      fold(inboxProjection, log.events),
      INBOX_NOTIFICATIONS_COLLECTION,
    );
    expect(afterAll.map((d) => [d.notificationId, d.readAt])).toEqual([
      ['n-1', at('11:00')],
      ['n-2', at('10:00')],
    ]);
  });

  it("keeps each user's inbox apart, even for the same notification id", () => {
    const log = deskInbox();
    log.inbox(BOSS, { type: 'receive', userId: BOSS, at: at('09:41'), notification: notification('n-1') });
    log.inbox(BOSS, { type: 'markAllRead', userId: BOSS, at: at('09:50') });
    const inbox = documents<InboxNotificationDocument>(
      fold(inboxProjection, log.events),
      INBOX_NOTIFICATIONS_COLLECTION,
    );
    expect(inbox.map((d) => [d._id, d.userId, d.readAt])).toEqual([
      [inboxDocumentId(DESK, 'n-1'), DESK, null],
      [inboxDocumentId(DESK, 'n-2'), DESK, null],
      [inboxDocumentId(BOSS, 'n-1'), BOSS, at('09:50')],
    ]);
  });

  it('takes whose inbox from the stream, and ignores the same types outside inbox streams', () => {
    const log = deskInbox();
    const foreign: RecordedEvent = { ...log.events[0]!, streamName: 'elsewhere-1', position: 3, id: 'x' };
    expect(fold(inboxProjection, [foreign]).get(INBOX_NOTIFICATIONS_COLLECTION)).toBeUndefined();
  });

  it('applies a redelivered event once', () => {
    const log = deskInbox();
    log.inbox(DESK, { type: 'markRead', userId: DESK, at: at('10:00'), notificationIds: ['n-1'] });
    expectRedeliveryChangesNothing(inboxProjection, log.events);
  });
});

describe('notification-deliveries projection', () => {
  const request = (deliveryId: string, overrides: Partial<DeliveryRequest> = {}): DeliveryRequest => ({
    deliveryId,
    channel: 'sms',
    userId: DESK,
    address: '+390000000001',
    topic: 'escalation',
    subject: 'Escalation level 1: SR-0B8E2A52',
    body: 'Take it in hand',
    requestId: REQUEST,
    sourceEventId: 'event-1',
    notBefore: at('09:40'),
    ...overrides,
  });
  const delivery = (events: readonly RecordedEvent[], id = 'd-sms') =>
    fold(notificationDeliveriesProjection, events).get(NOTIFICATION_DELIVERIES_COLLECTION)?.get(id) as
      NotificationDeliveryDocument | undefined;

  /** Refused at every attempt: a dead letter after the third. */
  function deadLetter(log = new DecidedNotificationLog()) {
    log.delivery('d-sms', { type: 'schedule', at: at('09:40'), request: request('d-sms') });
    log.delivery('d-sms', {
      type: 'recordFailure',
      at: at('09:41'),
      attempt: 1,
      error: '503 try later',
      lastAttempt: false,
    });
    log.delivery('d-sms', {
      type: 'recordFailure',
      at: at('09:42'),
      attempt: 2,
      error: '503 try later',
      lastAttempt: false,
    });
    log.delivery('d-sms', {
      type: 'recordFailure',
      at: at('09:44'),
      attempt: 3,
      error: '500 refused',
      lastAttempt: true,
    });
    return log;
  }

  it('lists a delivery given up, with every attempt and the last error', () => {
    expect(delivery(deadLetter().events)).toEqual({
      _id: 'd-sms',
      deliveryId: 'd-sms',
      channel: 'sms',
      status: 'dead',
      userId: DESK,
      address: '+390000000001',
      topic: 'escalation',
      subject: 'Escalation level 1: SR-0B8E2A52',
      requestId: REQUEST,
      reference: 'SR-0B8E2A52',
      sourceEventId: 'event-1',
      scheduledAt: at('09:40'),
      notBefore: at('09:40'),
      attempts: [
        { attempt: 1, at: at('09:41'), outcome: 'failed', error: '503 try later' },
        { attempt: 2, at: at('09:42'), outcome: 'failed', error: '503 try later' },
        { attempt: 3, at: at('09:44'), outcome: 'failed', error: '500 refused' },
      ],
      lastError: '500 refused',
      deadAt: at('09:44'),
      requeues: [],
      lastPosition: 5,
      updatedAt: at('09:44'),
    });
  });

  it('shows a requeued dead letter pending again, then sent in a new round (the error cleared)', () => {
    const log = deadLetter();
    log.delivery('d-sms', { type: 'requeue', at: at('11:00'), by: 'u-admin' });
    expect(delivery(log.events)).toMatchObject({
      status: 'pending',
      requeues: [{ at: at('11:00'), by: 'u-admin' }],
      lastError: '500 refused',
    });
    log.delivery('d-sms', { type: 'recordSent', at: at('11:01'), attempt: 1, providerMessageId: 'gw-1' });
    const sent = delivery(log.events)!;
    expect(sent).toMatchObject({ status: 'sent', sentAt: at('11:01') });
    expect(sent).not.toHaveProperty('lastError');
    expect(sent.attempts.map((attempt) => [attempt.attempt, attempt.outcome])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'failed'],
      [1, 'sent'],
    ]);
    expect(sent.attempts[3]).toEqual({
      attempt: 1,
      at: at('11:01'),
      outcome: 'sent',
      providerMessageId: 'gw-1',
    });
  });

  it('keeps a delivery sent at once, without a request when it has none', () => {
    const log = new DecidedNotificationLog();
    const { requestId: _none, ...withoutRequest } = request('d-mail', {
      channel: 'email',
      address: 'desk@example.test',
    });
    log.delivery('d-mail', { type: 'schedule', at: at('09:40'), request: withoutRequest });
    log.delivery('d-mail', { type: 'recordSent', at: at('09:40'), attempt: 1 });
    const sent = delivery(log.events, 'd-mail')!;
    expect(sent).toMatchObject({
      status: 'sent',
      channel: 'email',
      attempts: [{ attempt: 1, outcome: 'sent' }],
    });
    expect(sent).not.toHaveProperty('requestId');
    expect(sent).not.toHaveProperty('reference');
  });

  it('ignores attempts on a delivery it never saw scheduled, and applies a redelivered event once', () => {
    const log = deadLetter();
    expect(delivery(log.events.slice(1))).toBeUndefined();
    expectRedeliveryChangesNothing(notificationDeliveriesProjection, log.events);
  });
});

describe('request-escalations projection', () => {
  const alert = (level: number, overrides: Partial<EscalationAlert> = {}): EscalationAlert => ({
    chainCode: 'ESC-HIGH',
    level,
    percent: level === 1 ? 50 : 100,
    clock: 'response',
    audiences: level === 1 ? ['unit-dispatchers'] : ['unit-managers'],
    recipients: level === 1 ? [DESK] : [BOSS, DESK],
    channels: ['inbox', 'email'],
    cause: 'threshold',
    ...overrides,
  });
  const escalation = (events: readonly RecordedEvent[]) =>
    documents<RequestEscalationDocument>(
      fold(requestEscalationsProjection, events),
      REQUEST_ESCALATIONS_COLLECTION,
    );

  function twoLevels(log = new DecidedNotificationLog()) {
    log.escalation(REQUEST, {
      type: 'alert',
      requestId: REQUEST,
      at: at('09:40'),
      alert: alert(1, { acknowledgeBy: at('10:10') }),
    });
    log.escalation(REQUEST, {
      type: 'alert',
      requestId: REQUEST,
      at: at('10:10'),
      alert: alert(2, { cause: 'unacknowledged' }),
    });
    return log;
  }

  it('keeps each level as alerted, open until acknowledged, and who was alerted', () => {
    expect(escalation(twoLevels().events)).toEqual([
      {
        _id: REQUEST,
        requestId: REQUEST,
        chainCode: 'ESC-HIGH',
        levels: [
          {
            chainCode: 'ESC-HIGH',
            level: 1,
            percent: 50,
            clock: 'response',
            audiences: ['unit-dispatchers'],
            recipients: [DESK],
            channels: ['inbox', 'email'],
            cause: 'threshold',
            alertedAt: at('09:40'),
            acknowledgeBy: at('10:10'),
            acknowledged: null,
          },
          expect.objectContaining({ level: 2, cause: 'unacknowledged', acknowledged: null }),
        ],
        open: true,
        alerted: [DESK, BOSS],
        lastPosition: 2,
        updatedAt: at('10:10'),
      },
    ]);
  });

  it('shows every open level acknowledged by whoever answered, with the note; a later level opens it again', () => {
    const log = twoLevels();
    log.escalation(REQUEST, {
      type: 'acknowledge',
      requestId: REQUEST,
      at: at('10:20'),
      userId: BOSS,
      note: ' On it ',
    });
    const [taken] = escalation(log.events);
    expect(taken!.open).toBe(false);
    expect(taken!.levels.map((level) => level.acknowledged)).toEqual([
      { at: at('10:20'), userId: BOSS, note: 'On it' },
      { at: at('10:20'), userId: BOSS, note: 'On it' },
    ]);
    log.escalation(REQUEST, {
      type: 'alert',
      requestId: REQUEST,
      at: at('11:00'),
      alert: alert(3, { percent: 150, recipients: ['u-hq'] }),
    });
    const [again] = escalation(log.events);
    expect(again!.open).toBe(true);
    expect(again!.alerted).toEqual([DESK, BOSS, 'u-hq']);
    expect(again!.levels.map((level) => [level.level, level.acknowledged?.userId ?? null])).toEqual([
      [1, BOSS],
      [2, BOSS],
      [3, null],
    ]);
  });

  it('applies a redelivered event once', () => {
    const log = twoLevels();
    log.escalation(REQUEST, { type: 'acknowledge', requestId: REQUEST, at: at('10:20'), userId: DESK });
    expectRedeliveryChangesNothing(requestEscalationsProjection, log.events);
  });
});
