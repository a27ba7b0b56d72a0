import { foldEvents } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';
import { deciderSpecification } from '../testing';
import {
  MAX_PUSH_DEVICES,
  type NotificationEndpointsEvent,
  type PushDevice,
  notificationEndpointsDecider,
  notificationEndpointsStreamName,
} from './notification-endpoints.decider';

const spec = deciderSpecification(notificationEndpointsDecider);
const USER = 'u-anna';
const T0 = '2026-03-03T10:00:00.000Z';
const T1 = '2026-03-03T11:00:00.000Z';
const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const OTHER_SECRET = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;

const device = (n: number, overrides: Partial<PushDevice> = {}): PushDevice => ({
  deviceId: `d-${n}`,
  endpoint: `https://push.example/send/${n}`,
  keys: { p256dh: `p256dh-${n}`, auth: `auth-${n}` },
  label: 'Chrome on Linux',
  registeredAt: T0,
  ...overrides,
});
const registered = (d: PushDevice): NotificationEndpointsEvent => ({
  type: 'PushDeviceRegistered',
  data: { ...d, userId: USER },
});
const webhookSet = (url: string, secret = SECRET, rotatedAt = T0): NotificationEndpointsEvent => ({
  type: 'NotificationWebhookSet',
  data: { userId: USER, url, secret, createdAt: T0, secretRotatedAt: rotatedAt },
});

describe('notification endpoints: push devices', () => {
  it('keeps one stream per user', () => {
    expect(notificationEndpointsStreamName(USER)).toBe('notification-endpoints-u-anna');
  });

  it('registers a browser, and the same subscription again is nothing new', () => {
    spec
      .given([])
      .when({ type: 'registerPushDevice', userId: USER, device: device(1) })
      .then([registered(device(1))]);
    spec
      .given([registered(device(1))])
      .when({ type: 'registerPushDevice', userId: USER, device: device(1, { registeredAt: T1 }) })
      .thenNothingHappens();
  });

  it('takes the new keys of a subscription the browser renewed', () => {
    const renewed = device(1, { keys: { p256dh: 'new', auth: 'new-auth' }, registeredAt: T1 });
    spec
      .given([registered(device(1))])
      .when({ type: 'registerPushDevice', userId: USER, device: renewed })
      .then([registered(renewed)]);
    const state = foldEvents(notificationEndpointsDecider, [registered(device(1)), registered(renewed)]);
    expect(state.devices).toEqual([renewed]);
  });

  it(`lets the oldest device go when a user registers more than ${MAX_PUSH_DEVICES}`, () => {
    const history = Array.from({ length: MAX_PUSH_DEVICES }, (_, i) => registered(device(i)));
    spec
      .given(history)
      .when({ type: 'registerPushDevice', userId: USER, device: device(99, { registeredAt: T1 }) })
      .then([
        { type: 'PushDeviceRemoved', data: { userId: USER, deviceId: 'd-0', at: T1, reason: 'replaced' } },
        registered(device(99, { registeredAt: T1 })),
      ]);
  });

  it('removes a device its user removes, and refuses one they do not have', () => {
    spec
      .given([registered(device(1))])
      .when({ type: 'removePushDevice', userId: USER, deviceId: 'd-1', at: T1, reason: 'removed' })
      .then([
        { type: 'PushDeviceRemoved', data: { userId: USER, deviceId: 'd-1', at: T1, reason: 'removed' } },
      ]);
    spec
      .given([])
      .when({ type: 'removePushDevice', userId: USER, deviceId: 'd-1', at: T1, reason: 'removed' })
      .thenThrows(DomainError, (error) => error.code === 'not_found');
  });

  it('takes a second "gone" from the push service calmly', () => {
    spec
      .given([])
      .when({ type: 'removePushDevice', userId: USER, deviceId: 'd-1', at: T1, reason: 'expired' })
      .thenNothingHappens();
  });
});

describe('notification endpoints: the webhook', () => {
  const set = (url: string, options: { secret?: string; rotate?: boolean; at?: string } = {}) => ({
    type: 'setWebhook' as const,
    userId: USER,
    url,
    secret: options.secret ?? SECRET,
    at: options.at ?? T0,
    ...(options.rotate && { rotate: true }),
  });

  it('is set with the secret the server made', () => {
    spec
      .given([])
      .when(set('https://hooks.example/a'))
      .then([webhookSet('https://hooks.example/a')]);
  });

  it('keeps its secret when only the URL changes, and changes nothing when nothing does', () => {
    spec
      .given([webhookSet('https://hooks.example/a')])
      .when(set('https://hooks.example/b', { secret: OTHER_SECRET, at: T1 }))
      .then([webhookSet('https://hooks.example/b')]);
    spec
      .given([webhookSet('https://hooks.example/a')])
      .when(set('https://hooks.example/a', { secret: OTHER_SECRET, at: T1 }))
      .thenNothingHappens();
  });

  it('rotates the secret on demand, keeping when it was created', () => {
    spec
      .given([webhookSet('https://hooks.example/a')])
      .when(set('https://hooks.example/a', { secret: OTHER_SECRET, at: T1, rotate: true }))
      .then([webhookSet('https://hooks.example/a', OTHER_SECRET, T1)]);
  });

  it('refuses a secret that is not a Standard Webhooks secret', () => {
    spec
      .given([])
      .when(set('https://hooks.example/a', { secret: 'plain-text' }))
      .thenThrows(DomainError, (error) => error.details['field'] === 'secret');
  });

  it('is removed once', () => {
    spec
      .given([webhookSet('https://hooks.example/a')])
      .when({ type: 'removeWebhook', userId: USER, at: T1 })
      .then([{ type: 'NotificationWebhookRemoved', data: { userId: USER, at: T1 } }]);
    spec.given([]).when({ type: 'removeWebhook', userId: USER, at: T1 }).thenNothingHappens();
  });
});
