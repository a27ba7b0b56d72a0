import type { PushDeviceView } from '@fieldstream/api-contract';
import type { BrowserPush } from './browser-push';
import type { RememberedPushDevice } from './remembered-push-device';

/** What the "this device" part of the push section shows, and which listed device is this browser. */
export type PushHereState =
  { state: 'unsupported' } | { state: 'blocked' } | { state: 'off' } | { state: 'on'; deviceId: string };

/**
 * A refusal wins over everything (nothing shows until the user unblocks, even if subscribed);
 * otherwise push is on here when the browser's subscription is the one it registered and the API
 * still lists it: removed from another browser, or dropped by the push service, it is off again.
 */
export function pushHereState(
  browser: BrowserPush,
  devices: readonly PushDeviceView[],
  remembered: RememberedPushDevice | null,
): PushHereState {
  if (!browser.supported) return { state: 'unsupported' };
  if (browser.permission === 'denied') return { state: 'blocked' };
  if (
    browser.permission === 'granted' &&
    browser.endpoint !== null &&
    remembered?.endpoint === browser.endpoint &&
    devices.some((device) => device.deviceId === remembered.deviceId)
  ) {
    return { state: 'on', deviceId: remembered.deviceId };
  }
  return { state: 'off' };
}
