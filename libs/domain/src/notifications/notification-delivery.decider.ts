import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import type { ExternalChannel, NotificationTopic } from './notification-topics';

/** One message to one recipient through one outside channel, and what became of it. */
export type DeliveryRequest = {
  deliveryId: string;
  channel: ExternalChannel;
  userId: string;
  /** E-mail address, phone number, push endpoint or URL, as it was when scheduled. */
  address: string;
  topic: NotificationTopic;
  subject: string;
  body: string;
  requestId?: string;
  /** Where in the desk the recipient opens what it is about (their role's page of the request). */
  link?: string;
  sourceEventId: string;
  /** Not before this instant (quiet hours). */
  notBefore: string;
};

export type DeliveryEvent =
  | { type: 'NotificationDeliveryScheduled'; data: DeliveryRequest & { at: string } }
  | {
      type: 'NotificationDeliverySent';
      data: { deliveryId: string; at: string; attempt: number; providerMessageId?: string };
    }
  | {
      type: 'NotificationDeliveryFailed';
      data: { deliveryId: string; at: string; attempt: number; error: string; willRetry: boolean };
    }
  | {
      /** Every attempt failed: in the dead-letter view until an administrator sends it again. */
      type: 'NotificationDeliveryDead';
      data: { deliveryId: string; at: string; attempts: number; lastError: string };
    }
  | { type: 'NotificationDeliveryRequeued'; data: { deliveryId: string; at: string; by: string } };

export const DELIVERY_EVENT_TYPES: readonly DeliveryEvent['type'][] = [
  'NotificationDeliveryScheduled',
  'NotificationDeliverySent',
  'NotificationDeliveryFailed',
  'NotificationDeliveryDead',
  'NotificationDeliveryRequeued',
];

export type DeliveryCommand =
  | { type: 'schedule'; at: string; request: DeliveryRequest }
  | { type: 'recordSent'; at: string; attempt: number; providerMessageId?: string }
  | { type: 'recordFailure'; at: string; attempt: number; error: string; lastAttempt: boolean }
  | { type: 'requeue'; at: string; by: string };

export type DeliveryState = {
  status: 'none' | 'pending' | 'sent' | 'dead';
  request?: DeliveryRequest;
  attempts: number;
};

export const deliveryStreamName = (deliveryId: string) => `notification-delivery-${deliveryId}`;
export const DELIVERY_STREAM_PREFIX = 'notification-delivery-';

/**
 * A delivery's log: scheduled once (a second schedule decides nothing: the id is derived from the
 * event, the recipient and the channel, so a notification is never sent twice by design), then
 * attempts until sent or dead. Attempts on a delivery already sent decide nothing: a job that runs
 * twice sends twice at worst, and records once.
 */
export const deliveryDecider: Decider<DeliveryState, DeliveryCommand, DeliveryEvent> = {
  initialState: { status: 'none', attempts: 0 },
  evolve(state, event) {
    switch (event.type) {
      case 'NotificationDeliveryScheduled': {
        const { at: _at, ...request } = event.data;
        return { status: 'pending', request, attempts: 0 };
      }
      case 'NotificationDeliverySent':
        return { ...state, status: 'sent', attempts: Math.max(state.attempts, event.data.attempt) };
      case 'NotificationDeliveryFailed':
        return { ...state, attempts: Math.max(state.attempts, event.data.attempt) };
      case 'NotificationDeliveryDead':
        return { ...state, status: 'dead' };
      case 'NotificationDeliveryRequeued':
        return { ...state, status: 'pending', attempts: 0 };
    }
  },
  decide(command, state) {
    const deliveryId = state.request?.deliveryId;
    switch (command.type) {
      case 'schedule':
        if (state.status !== 'none') return [];
        if (!command.request.address) {
          throw new DomainError('required', 'A delivery needs an address', { field: 'address' });
        }
        return [{ type: 'NotificationDeliveryScheduled', data: { ...command.request, at: command.at } }];
      case 'recordSent':
        if (state.status !== 'pending') return [];
        return [
          {
            type: 'NotificationDeliverySent',
            data: {
              deliveryId: deliveryId!,
              at: command.at,
              attempt: command.attempt,
              ...(command.providerMessageId && { providerMessageId: command.providerMessageId }),
            },
          },
        ];
      case 'recordFailure': {
        if (state.status !== 'pending') return [];
        const failed: DeliveryEvent = {
          type: 'NotificationDeliveryFailed',
          data: {
            deliveryId: deliveryId!,
            at: command.at,
            attempt: command.attempt,
            error: command.error.slice(0, 1000),
            willRetry: !command.lastAttempt,
          },
        };
        return command.lastAttempt
          ? [
              failed,
              {
                type: 'NotificationDeliveryDead',
                data: {
                  deliveryId: deliveryId!,
                  at: command.at,
                  attempts: command.attempt,
                  lastError: command.error.slice(0, 1000),
                },
              },
            ]
          : [failed];
      }
      case 'requeue':
        if (state.status !== 'dead') {
          throw new DomainError('not_dead', 'Only a delivery that gave up can be sent again', {
            status: state.status,
          });
        }
        return [
          {
            type: 'NotificationDeliveryRequeued',
            data: { deliveryId: deliveryId!, at: command.at, by: command.by },
          },
        ];
    }
  },
};
