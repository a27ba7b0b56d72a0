/** Served at the site's root (apps/desk/public/sw.js), so that its scope is the whole desk. */
const SERVICE_WORKER_URL = '/sw.js';

/**
 * Registers the desk's service worker, or finds it registered: the browser keeps one registration
 * per script and scope, so calling this again (at start, then before subscribing to push) is
 * harmless. `updateViaCache: 'none'` has the browser check for a new version on every navigation.
 */
export function registerDeskServiceWorker(): Promise<ServiceWorkerRegistration> {
  return navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/', updateViaCache: 'none' });
}
