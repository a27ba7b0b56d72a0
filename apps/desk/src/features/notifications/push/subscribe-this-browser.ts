import { registerDeskServiceWorker } from '../../../shared/service-worker/register-desk-service-worker';
import { applicationServerKeyOf } from './application-server-key';
import { BrowserPushError } from './browser-push-error';

/**
 * How long the push service may take. Reaching it takes a second or two; a browser that cannot
 * reach one at all (offline, or headless Chromium without its push service) never settles.
 */
export const SUBSCRIBE_TIMEOUT_MS = 20_000;

function sameKey(current: ArrayBuffer | null, wanted: Uint8Array): boolean {
  if (!current || current.byteLength !== wanted.byteLength) return false;
  const bytes = new Uint8Array(current);
  return bytes.every((byte, index) => byte === wanted[index]);
}

async function subscribe(publicKey: string): Promise<PushSubscription> {
  await registerDeskServiceWorker();
  // subscribe() wants an active worker: at first visit it may still be installing.
  const registration = await navigator.serviceWorker.ready;
  const applicationServerKey = applicationServerKeyOf(publicKey);
  const existing = await registration.pushManager.getSubscription();
  // A subscription made for another server key (the server's keys were replaced) cannot be
  // reused, and the browser refuses a second one beside it.
  if (existing && !sameKey(existing.options.applicationServerKey, applicationServerKey)) {
    await existing.unsubscribe();
  }
  return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey });
}

/**
 * Asks the user for permission to show notifications (a click must have led here: browsers ignore
 * the request otherwise), then subscribes this browser to its push service with the server's VAPID
 * key. Returns the subscription, the same one again if this browser already had it.
 */
export async function subscribeThisBrowser(publicKey: string): Promise<PushSubscription> {
  const permission = await Notification.requestPermission();
  if (permission === 'denied') throw new BrowserPushError('denied');
  if (permission !== 'granted') throw new BrowserPushError('dismissed');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BrowserPushError('timeout')), SUBSCRIBE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([subscribe(publicKey), timeout]);
  } catch (error) {
    if (error instanceof BrowserPushError) throw error;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    throw new BrowserPushError('failed', reason);
  } finally {
    clearTimeout(timer);
  }
}
