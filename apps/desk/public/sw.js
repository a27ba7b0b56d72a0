/* global self, clients, URL */
/**
 * The desk's service worker, for push notifications and nothing else. Vite copies it to the site's
 * root, so its scope is the whole desk; it is plain JavaScript because it is served as written.
 *
 * It has no fetch handler and caches nothing on purpose: the desk must load exactly as it does
 * without it (every request straight to the network, the server's Cache-Control deciding), so a
 * stale worker can never serve a stale desk. Its only jobs are to show what the server pushes
 * (`PushMessage` in the API contract) and to bring the desk forward when a notification is clicked.
 */
'use strict';

/** Where a notification without a usable address leads: the inbox has every notification. */
const INBOX_PATH = '/app/inbox';

/**
 * The pushed message, or a generic one: a push without a readable payload must still show
 * something (Chromium counts a push that shows no notification against the site), and the
 * server's notification is in the inbox anyway.
 */
function messageOf(data) {
  let parsed = null;
  try {
    parsed = data ? data.json() : null;
  } catch {
    // Not JSON: the generic notification below.
  }
  const message = typeof parsed === 'object' && parsed !== null ? parsed : {};
  const text = (value) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  return {
    title: text(message.title) || 'Fieldstream',
    body: text(message.body) || '',
    tag: text(message.tag),
    url: text(message.url) || INBOX_PATH,
  };
}

/** The address within the desk; anything pointing at another origin goes to the inbox instead. */
function deskUrlOf(url) {
  try {
    const resolved = new URL(url, self.location.origin);
    return resolved.origin === self.location.origin
      ? resolved.href
      : new URL(INBOX_PATH, self.location.origin).href;
  } catch {
    return new URL(INBOX_PATH, self.location.origin).href;
  }
}

// Holds no state and serves no request: a new version may take over at once, without waiting for
// every tab of the old one to close.
self.addEventListener('install', () => {
  void self.skipWaiting();
});

self.addEventListener('push', (event) => {
  const message = messageOf(event.data);
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: message.body,
      // The delivery's id: the same message pushed again replaces its notification, silently.
      ...(message.tag ? { tag: message.tag } : {}),
      renotify: false,
      icon: '/favicon.svg',
      data: { url: message.url },
    }),
  );
});

/** Focuses a desk tab already open and takes it to `url`; opens one when there is none. */
async function openDesk(url) {
  const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => client.url === url) || windows[0];
  if (!open) return clients.openWindow(url);
  // Focus first: the click's permission to raise a window does not outlast the event by long.
  const focused = await open.focus();
  if (focused.url === url) return focused;
  try {
    // navigate() works only on tabs this worker controls (a tab opened before it was installed is
    // not); such a tab stays where it is and the notification's page opens beside it.
    return await focused.navigate(url);
  } catch {
    return clients.openWindow(url);
  }
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  event.waitUntil(openDesk(deskUrlOf(typeof data.url === 'string' ? data.url : INBOX_PATH)));
});
