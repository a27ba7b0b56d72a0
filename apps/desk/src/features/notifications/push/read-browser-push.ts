import type { BrowserPush } from './browser-push';

/**
 * Asks the browser, without prompting the user for anything. `getRegistration` rather than
 * `serviceWorker.ready`: ready never settles while no worker is registered (a browser that
 * refused it), and a browser with no registration has no subscription either.
 */
export async function readBrowserPush(): Promise<BrowserPush> {
  if (
    typeof navigator === 'undefined' ||
    !('serviceWorker' in navigator) ||
    typeof window.PushManager === 'undefined' ||
    typeof window.Notification === 'undefined'
  ) {
    return { supported: false };
  }
  let endpoint: string | null = null;
  try {
    const registration = await navigator.serviceWorker.getRegistration('/');
    endpoint = (await registration?.pushManager.getSubscription())?.endpoint ?? null;
  } catch (error) {
    // A browser that refuses service workers here (private mode, storage blocked) has no subscription.
    console.warn('This browser’s push subscription could not be read.', error);
  }
  return { supported: true, permission: Notification.permission, endpoint };
}
