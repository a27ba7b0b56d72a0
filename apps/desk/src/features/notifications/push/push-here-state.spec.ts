import type { PushDeviceView } from '@fieldstream/api-contract';
import { pushHereState } from './push-here-state';

const ENDPOINT = 'https://fcm.googleapis.com/fcm/send/abc';
const DEVICES: PushDeviceView[] = [
  {
    deviceId: 'd-1',
    label: 'Chrome on Linux',
    pushService: 'fcm.googleapis.com',
    registeredAt: '2026-11-20T08:00:00Z',
  },
];
const HERE = { endpoint: ENDPOINT, deviceId: 'd-1' };

describe('push on this device', () => {
  it('is unsupported without service workers, push or notifications', () => {
    expect(pushHereState({ supported: false }, DEVICES, HERE)).toEqual({ state: 'unsupported' });
  });

  it('is blocked when the user refused notifications, subscribed or not', () => {
    expect(
      pushHereState({ supported: true, permission: 'denied', endpoint: ENDPOINT }, DEVICES, HERE),
    ).toEqual({ state: 'blocked' });
  });

  it('is on when the browser’s subscription is the one it registered and the API lists it', () => {
    expect(
      pushHereState({ supported: true, permission: 'granted', endpoint: ENDPOINT }, DEVICES, HERE),
    ).toEqual({ state: 'on', deviceId: 'd-1' });
  });

  it('is off when the device was removed elsewhere, the subscription changed, or was never registered', () => {
    const granted = { supported: true, permission: 'granted', endpoint: ENDPOINT } as const;
    expect(pushHereState(granted, [], HERE)).toEqual({ state: 'off' });
    expect(pushHereState({ ...granted, endpoint: `${ENDPOINT}-new` }, DEVICES, HERE)).toEqual({
      state: 'off',
    });
    expect(pushHereState(granted, DEVICES, null)).toEqual({ state: 'off' });
    expect(pushHereState({ ...granted, endpoint: null }, DEVICES, HERE)).toEqual({ state: 'off' });
    expect(pushHereState({ ...granted, permission: 'default' }, DEVICES, HERE)).toEqual({ state: 'off' });
  });
});
