import { foldEvents } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import { inboxDecider, type InboxEvent, type InboxNotification, inboxStreamName } from './inbox.decider';

const spec = deciderSpecification(inboxDecider);
const USER = 'u-anna';
const T0 = '2026-03-03T10:00:00.000Z';
const T1 = '2026-03-03T11:00:00.000Z';

const notification = (id: string): InboxNotification => ({
  notificationId: id,
  topic: 'assignment',
  severity: 'info',
  title: 'Assigned to you: SR-1042',
  body: 'Boiler check at Via Roma 1, tomorrow 09:00',
  requestId: 'r-1042',
  reference: 'SR-1042',
  sourceEventId: `ev-${id}`,
});
const received = (id: string, at = T0): InboxEvent => ({
  type: 'NotificationReceived',
  data: { ...notification(id), userId: USER, at },
});
const read = (ids: string[], at = T1): InboxEvent => ({
  type: 'NotificationsRead',
  data: { userId: USER, at, notificationIds: ids },
});
const markRead = (notificationIds: string[]) => ({
  type: 'markRead' as const,
  userId: USER,
  at: T1,
  notificationIds,
});
const markAllRead = { type: 'markAllRead' as const, userId: USER, at: T1 };

describe('inbox: receiving', () => {
  it('keeps one stream per user', () => {
    expect(inboxStreamName(USER)).toBe('inbox-u-anna');
  });

  it('records a notification with its recipient and time', () => {
    spec
      .given([])
      .when({ type: 'receive', userId: USER, at: T0, notification: notification('n1') })
      .then([received('n1')]);
  });

  it('keeps an escalation alert’s level and deadline', () => {
    const alert: InboxNotification = {
      ...notification('n9'),
      topic: 'escalation',
      severity: 'critical',
      escalation: { level: 2, acknowledgeBy: '2026-03-03T10:30:00.000Z' },
    };
    spec
      .given([received('n1')])
      .when({ type: 'receive', userId: USER, at: T0, notification: alert })
      .then([{ type: 'NotificationReceived', data: { ...alert, userId: USER, at: T0 } }]);
  });

  it('refuses a notification without a title or an id, naming the field', () => {
    const isRequired = (e: DomainError) => e.code === 'required' && e.details['field'] === 'title';
    spec
      .given([])
      .when({ type: 'receive', userId: USER, at: T0, notification: { ...notification('n1'), title: '  ' } })
      .thenThrows(DomainError, isRequired);
    spec
      .given([])
      .when({ type: 'receive', userId: USER, at: T0, notification: notification('') })
      .thenThrows(DomainError, isRequired);
  });

  it('counts what arrived and lists the unread oldest first', () => {
    expect(foldEvents(inboxDecider, [received('n1'), received('n2'), received('n3'), read(['n2'])])).toEqual({
      unread: ['n1', 'n3'],
      received: 3,
    });
  });
});

describe('inbox: reading', () => {
  const three = [received('n1'), received('n2'), received('n3')];

  it('marks the given notifications read', () => {
    spec
      .given(three)
      .when(markRead(['n3', 'n1']))
      .then([read(['n3', 'n1'])]);
  });

  it('names each notification once when an id is repeated', () => {
    spec
      .given(three)
      .when(markRead(['n2', 'n2', 'n1', 'n2']))
      .then([read(['n2', 'n1'])]);
  });

  it('names only the unread among the given ids', () => {
    spec
      .given([...three, read(['n1'])])
      .when(markRead(['n1', 'n2', 'unknown']))
      .then([read(['n2'])]);
  });

  it('decides nothing when none of the given is unread: a second device agrees with the first', () => {
    spec
      .given([...three, read(['n1'])])
      .when(markRead(['n1']))
      .thenNothingHappens();
    spec
      .given(three)
      .when(markRead(['unknown']))
      .thenNothingHappens();
    spec.given(three).when(markRead([])).thenNothingHappens();
  });

  it('marks all read: every unread notification, oldest first', () => {
    spec
      .given([...three, read(['n2'])])
      .when(markAllRead)
      .then([read(['n1', 'n3'])]);
  });

  it('decides nothing on mark-all-read with nothing unread', () => {
    spec.given([]).when(markAllRead).thenNothingHappens();
    spec
      .given([...three, read(['n1', 'n2', 'n3'])])
      .when(markAllRead)
      .thenNothingHappens();
  });
});
