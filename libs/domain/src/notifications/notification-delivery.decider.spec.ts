import { foldEvents } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import {
  deliveryDecider,
  type DeliveryEvent,
  type DeliveryRequest,
  deliveryStreamName,
} from './notification-delivery.decider';

const spec = deciderSpecification(deliveryDecider);
const ID = 'd-ev42-u-anna-email';
const T0 = '2026-03-03T10:00:00.000Z';
const T1 = '2026-03-03T10:01:00.000Z';
const T2 = '2026-03-03T10:05:00.000Z';
const T3 = '2026-03-04T08:00:00.000Z';

const request: DeliveryRequest = {
  deliveryId: ID,
  channel: 'email',
  userId: 'u-anna',
  address: 'anna@example.com',
  topic: 'assignment',
  subject: 'Assigned to you: SR-1042',
  body: 'Boiler check at Via Roma 1, tomorrow 09:00',
  requestId: 'r-1042',
  sourceEventId: 'ev42',
  notBefore: T0,
};

const scheduled: DeliveryEvent = { type: 'NotificationDeliveryScheduled', data: { ...request, at: T0 } };
const sent = (attempt: number, at = T1): DeliveryEvent => ({
  type: 'NotificationDeliverySent',
  data: { deliveryId: ID, at, attempt, providerMessageId: 'msg-1' },
});
const failed = (attempt: number, willRetry: boolean, at = T1, error = 'SMTP 451'): DeliveryEvent => ({
  type: 'NotificationDeliveryFailed',
  data: { deliveryId: ID, at, attempt, error, willRetry },
});
const dead = (attempts: number, at = T2, lastError = 'SMTP 451'): DeliveryEvent => ({
  type: 'NotificationDeliveryDead',
  data: { deliveryId: ID, at, attempts, lastError },
});
const requeued: DeliveryEvent = {
  type: 'NotificationDeliveryRequeued',
  data: { deliveryId: ID, at: T3, by: 'u-admin' },
};

const schedule = { type: 'schedule' as const, at: T0, request };
const recordSent = (attempt: number, at = T1) => ({
  type: 'recordSent' as const,
  at,
  attempt,
  providerMessageId: 'msg-1',
});
const recordFailure = (attempt: number, lastAttempt: boolean, at = T1, error = 'SMTP 451') => ({
  type: 'recordFailure' as const,
  at,
  attempt,
  error,
  lastAttempt,
});
const requeue = { type: 'requeue' as const, at: T3, by: 'u-admin' };
const notDead = (status: string) => (e: DomainError) =>
  e.code === 'not_dead' && e.details['status'] === status;

const gaveUp = [scheduled, failed(1, true), failed(2, true, T2), failed(3, false, T2), dead(3)];

describe('delivery: scheduling', () => {
  it('keeps one stream per delivery', () => {
    expect(deliveryStreamName(ID)).toBe('notification-delivery-d-ev42-u-anna-email');
  });

  it('schedules a delivery with its address and the instant it may go', () => {
    spec.given([]).when(schedule).then([scheduled]);
  });

  it('schedules once: a second schedule decides nothing, whatever state the delivery is in', () => {
    spec.given([scheduled]).when(schedule).thenNothingHappens();
    spec
      .given([scheduled, sent(1)])
      .when({ ...schedule, at: T3 })
      .thenNothingHappens();
    spec.given(gaveUp).when(schedule).thenNothingHappens();
  });

  it('refuses a delivery without an address', () => {
    spec
      .given([])
      .when({ ...schedule, request: { ...request, address: '' } })
      .thenThrows(DomainError, (e) => e.code === 'required' && e.details['field'] === 'address');
  });
});

describe('delivery: attempts', () => {
  it('records a sent message with the provider’s id', () => {
    spec
      .given([scheduled])
      .when(recordSent(1))
      .then([sent(1)]);
  });

  it('leaves out the provider’s id when there is none', () => {
    spec
      .given([scheduled])
      .when({ type: 'recordSent', at: T1, attempt: 1 })
      .then([{ type: 'NotificationDeliverySent', data: { deliveryId: ID, at: T1, attempt: 1 } }]);
  });

  it('records a failure that will be retried', () => {
    spec
      .given([scheduled])
      .when(recordFailure(1, false))
      .then([failed(1, true)]);
  });

  it('records the last failure and gives up: the delivery is dead', () => {
    spec
      .given([scheduled, failed(1, true), failed(2, true, T2)])
      .when(recordFailure(3, true, T2))
      .then([failed(3, false, T2), dead(3)]);
    expect(foldEvents(deliveryDecider, gaveUp)).toMatchObject({ status: 'dead', attempts: 3 });
  });

  it('keeps at most 1000 characters of a provider’s error', () => {
    const long = 'x'.repeat(1500);
    const events = deliveryDecider.decide(
      recordFailure(1, true, T1, long),
      foldEvents(deliveryDecider, [scheduled]),
    );
    expect(events.map((e) => e.type)).toEqual(['NotificationDeliveryFailed', 'NotificationDeliveryDead']);
    expect(events[0]).toMatchObject({ data: { error: 'x'.repeat(1000) } });
    expect(events[1]).toMatchObject({ data: { lastError: 'x'.repeat(1000) } });
  });

  it('sends after a failure', () => {
    spec
      .given([scheduled, failed(1, true)])
      .when(recordSent(2, T2))
      .then([sent(2, T2)]);
    expect(foldEvents(deliveryDecider, [scheduled, failed(1, true), sent(2, T2)])).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
  });

  it('decides nothing on attempts after the delivery was sent: a job run twice records once', () => {
    spec
      .given([scheduled, sent(1)])
      .when(recordSent(1))
      .thenNothingHappens();
    spec
      .given([scheduled, sent(1)])
      .when(recordFailure(2, true, T2))
      .thenNothingHappens();
  });

  it('decides nothing on attempts once dead, or before anything was scheduled', () => {
    spec.given(gaveUp).when(recordSent(4, T3)).thenNothingHappens();
    spec
      .given(gaveUp)
      .when(recordFailure(4, true, T3))
      .thenNothingHappens();
    spec.given([]).when(recordSent(1)).thenNothingHappens();
    spec.given([]).when(recordFailure(1, false)).thenNothingHappens();
  });
});

describe('delivery: dead letters', () => {
  it('sends a dead delivery again on an administrator’s word, counting attempts afresh', () => {
    spec.given(gaveUp).when(requeue).then([requeued]);
    expect(foldEvents(deliveryDecider, [...gaveUp, requeued])).toMatchObject({
      status: 'pending',
      attempts: 0,
      request,
    });
  });

  it('takes attempts again after a requeue, up to another death', () => {
    spec
      .given([...gaveUp, requeued])
      .when(recordSent(1, T3))
      .then([sent(1, T3)]);
    spec
      .given([...gaveUp, requeued])
      .when(recordFailure(1, true, T3))
      .then([failed(1, false, T3), dead(1, T3)]);
  });

  it('refuses to requeue a delivery that has not given up, naming its status', () => {
    spec.given([]).when(requeue).thenThrows(DomainError, notDead('none'));
    spec
      .given([scheduled, failed(1, true)])
      .when(requeue)
      .thenThrows(DomainError, notDead('pending'));
    spec
      .given([scheduled, sent(1)])
      .when(requeue)
      .thenThrows(DomainError, notDead('sent'));
    spec
      .given([...gaveUp, requeued])
      .when(requeue)
      .thenThrows(DomainError, notDead('pending'));
  });
});
