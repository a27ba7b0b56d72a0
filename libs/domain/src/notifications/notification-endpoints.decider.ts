import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';

/**
 * A browser's push subscription (Push API), as the browser hands it over: where its push service
 * takes messages for it, and the keys the messages are encrypted to (RFC 8291).
 */
export type PushDevice = {
  deviceId: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  /** What the user recognises it by ("Chrome on Android"). */
  label: string;
  registeredAt: string;
};

/** A user's own signed webhook: where their notifications are POSTed, and the secret they are signed with. */
export type NotificationWebhook = {
  url: string;
  /** `whsec_` and the base64 key, as the Standard Webhooks specification writes it. */
  secret: string;
  createdAt: string;
  secretRotatedAt: string;
};

/**
 * Why a device stopped receiving: its user removed it, its push service said it is gone, a newer
 * one took its place, or another user signed in on that browser and registered it as theirs.
 */
export type PushDeviceRemovalReason = 'removed' | 'expired' | 'replaced' | 'moved';

export type NotificationEndpointsEvent =
  | { type: 'PushDeviceRegistered'; data: PushDevice & { userId: string } }
  | {
      type: 'PushDeviceRemoved';
      data: { userId: string; deviceId: string; at: string; reason: PushDeviceRemovalReason };
    }
  | { type: 'NotificationWebhookSet'; data: NotificationWebhook & { userId: string } }
  | { type: 'NotificationWebhookRemoved'; data: { userId: string; at: string } };

export const NOTIFICATION_ENDPOINTS_EVENT_TYPES: readonly NotificationEndpointsEvent['type'][] = [
  'PushDeviceRegistered',
  'PushDeviceRemoved',
  'NotificationWebhookSet',
  'NotificationWebhookRemoved',
];

export type NotificationEndpointsCommand =
  | { type: 'registerPushDevice'; userId: string; device: PushDevice }
  | {
      type: 'removePushDevice';
      userId: string;
      deviceId: string;
      at: string;
      reason: Exclude<PushDeviceRemovalReason, 'replaced'>;
    }
  /** `secret` is used when the webhook is new; an existing one keeps its own unless `rotate`. */
  | { type: 'setWebhook'; userId: string; url: string; secret: string; at: string; rotate?: boolean }
  | { type: 'removeWebhook'; userId: string; at: string };

export type NotificationEndpointsState = {
  /** Oldest first. */
  devices: PushDevice[];
  webhook: NotificationWebhook | null;
};

/** A user reaches this many browsers at most; registering one more lets the oldest go. */
export const MAX_PUSH_DEVICES = 10;

/** One stream per user: `notification-endpoints-<userId>`. */
export const notificationEndpointsStreamName = (userId: string) => `notification-endpoints-${userId}`;

const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/;

/**
 * Where a user's notifications reach them outside the application, when it is not a mailbox or a
 * phone: the browsers that subscribed to push, and their own webhook. Both belong to the user
 * alone (the profile is an administrator's), and both can go away on the far side: a push service
 * that answers "gone" removes its device.
 */
export const notificationEndpointsDecider: Decider<
  NotificationEndpointsState,
  NotificationEndpointsCommand,
  NotificationEndpointsEvent
> = {
  initialState: { devices: [], webhook: null },
  evolve(state, event) {
    switch (event.type) {
      case 'PushDeviceRegistered': {
        const { userId: _userId, ...device } = event.data;
        return {
          ...state,
          devices: [...state.devices.filter((d) => d.deviceId !== device.deviceId), device],
        };
      }
      case 'PushDeviceRemoved':
        return { ...state, devices: state.devices.filter((d) => d.deviceId !== event.data.deviceId) };
      case 'NotificationWebhookSet': {
        const { userId: _userId, ...webhook } = event.data;
        return { ...state, webhook };
      }
      case 'NotificationWebhookRemoved':
        return { ...state, webhook: null };
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'registerPushDevice': {
        const device = command.device;
        const same = state.devices.find((d) => d.deviceId === device.deviceId);
        // The browser subscribes again on every visit: the same subscription is nothing new.
        if (
          same &&
          same.endpoint === device.endpoint &&
          same.keys.p256dh === device.keys.p256dh &&
          same.keys.auth === device.keys.auth &&
          same.label === device.label
        ) {
          return [];
        }
        const kept = state.devices.filter((d) => d.deviceId !== device.deviceId);
        const surplus = kept.slice(0, Math.max(0, kept.length + 1 - MAX_PUSH_DEVICES));
        return [
          ...surplus.map((old): NotificationEndpointsEvent => ({
            type: 'PushDeviceRemoved',
            data: {
              userId: command.userId,
              deviceId: old.deviceId,
              at: device.registeredAt,
              reason: 'replaced',
            },
          })),
          { type: 'PushDeviceRegistered', data: { ...device, userId: command.userId } },
        ];
      }
      case 'removePushDevice': {
        if (!state.devices.some((d) => d.deviceId === command.deviceId)) {
          // The push service's "gone" may come twice (two deliveries at once), a browser move be
          // told twice: nothing is left to do.
          if (command.reason !== 'removed') return [];
          throw new DomainError('not_found', 'You have no such device', { field: 'deviceId' });
        }
        return [
          {
            type: 'PushDeviceRemoved',
            data: {
              userId: command.userId,
              deviceId: command.deviceId,
              at: command.at,
              reason: command.reason,
            },
          },
        ];
      }
      case 'setWebhook': {
        const current = state.webhook;
        const secret = current && !command.rotate ? current.secret : command.secret;
        if (!WEBHOOK_SECRET.test(secret)) {
          throw new DomainError('invalid', 'A webhook secret is whsec_ and 24 to 64 bytes in base64', {
            field: 'secret',
          });
        }
        if (current && current.url === command.url && current.secret === secret) return [];
        return [
          {
            type: 'NotificationWebhookSet',
            data: {
              userId: command.userId,
              url: command.url,
              secret,
              createdAt: current?.createdAt ?? command.at,
              secretRotatedAt: current && current.secret === secret ? current.secretRotatedAt : command.at,
            },
          },
        ];
      }
      case 'removeWebhook':
        return state.webhook
          ? [{ type: 'NotificationWebhookRemoved', data: { userId: command.userId, at: command.at } }]
          : [];
    }
  },
};
