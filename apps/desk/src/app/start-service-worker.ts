import { registerDeskServiceWorker } from '../shared/service-worker/register-desk-service-worker';

/**
 * Registers the service worker that shows push notifications, once the page has loaded so that
 * its download never competes with the first screen's. A browser without service workers, or one
 * that refuses (private window, a blocked origin), simply gets no push: the desk works without it,
 * so a failure is only logged.
 */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    registerDeskServiceWorker().catch((error: unknown) =>
      console.warn('The desk’s service worker could not be registered; push notifications are off.', error),
    );
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
