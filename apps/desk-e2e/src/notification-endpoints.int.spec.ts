import type { NotificationWebhookAnswer, PushDevices, PushMessage } from '@fieldstream/api-contract';
import type { CDPSession, Locator, Page } from 'playwright-core';
import { apiFromPage } from './harness/api-from-page';
import { openBrowserOnSystem, type BrowserSession } from './harness/browser-session';
import { expectNoSeriousA11yViolations } from './harness/run-axe';
import { saveScreenshot } from './harness/save-screenshot';
import { signIn } from './harness/sign-in';
import { E2E_ADMIN } from './harness/start-target';

/**
 * The user's own notification channels outside the desk, on "My notification settings" against the
 * real system: their signed webhook (set, its secret revealed, rotated, removed), and web push in
 * real headless Chromium: the desk's service worker registered at start, a push message delivered
 * to it through the DevTools protocol shown as a notification, and "Enable on this device" as this
 * browser really answers it. The system accepts http webhook URLs here
 * (NOTIFY_ALLOW_HTTP_ENDPOINTS), as a receiver on this machine would be.
 */

/** Nothing listens there: setting, rotating and removing send nothing to the URL. */
const WEBHOOK_URL = 'http://127.0.0.1:9/fieldstream-hook';
const SECRET = /^whsec_[A-Za-z0-9+/]+=*$/;
/** The desk gives the push service this long before saying it did not answer (SUBSCRIBE_TIMEOUT_MS). */
const SUBSCRIBE_TIMEOUT_MS = 20_000;

let session: BrowserSession | undefined;
let page: Page;
let base: string;

beforeAll(async () => {
  session = await openBrowserOnSystem({ locale: 'en-US', env: { NOTIFY_ALLOW_HTTP_ENDPOINTS: 'true' } });
  page = session.page;
  await page.setViewportSize({ width: 1280, height: 1000 });
  base = session.target.url;
  await page.goto(`${base}/login`);
  await signIn(page, E2E_ADMIN);
});

afterAll(async () => {
  await session?.close();
});

async function api<T>(method: 'GET' | 'DELETE', path: string): Promise<T> {
  const answer = await apiFromPage(page, method, path);
  if (answer.status >= 300)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

async function openSettings() {
  await page.goto(`${base}/app/settings/notifications`);
  await page.getByRole('heading', { level: 1, name: 'My notification settings' }).waitFor();
}

const webhookSection = (): Locator => page.getByRole('region', { name: 'Webhook' });
const pushSection = (): Locator => page.getByRole('region', { name: 'Push notifications on this device' });

async function revealedSecret(): Promise<string> {
  const section = webhookSection();
  const hide = section.getByRole('button', { name: 'Hide the secret' });
  if (!(await hide.isVisible())) await section.getByRole('button', { name: 'Reveal the secret' }).click();
  await hide.waitFor();
  return (await section.getByTestId('webhook-secret').textContent()) ?? '';
}

/** The push events the DevTools protocol reports for the desk's service worker registration. */
async function deskRegistrationId(cdp: CDPSession): Promise<string> {
  const registrations: { registrationId: string; scopeURL: string; isDeleted: boolean }[] = [];
  cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
  await cdp.send('ServiceWorker.enable');
  for (let waited = 0; waited < 10_000; waited += 100) {
    const desk = registrations.filter((r) => r.scopeURL === `${base}/` && !r.isDeleted).at(-1);
    if (desk) return desk.registrationId;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no service worker registration for ${base}/: ${JSON.stringify(registrations)}`);
}

/**
 * The notifications the service worker shows (with `tag`, or all), as the page sees them, once
 * `count` are there and one has `body` if given: a push is handled asynchronously, so each step
 * waits for its own outcome before the next push (at most 10 s, then returns what there is).
 */
async function shownNotifications({ tag, count = 1, body }: { tag?: string; count?: number; body?: string }) {
  return page.evaluate(
    async ({ tag, count, body }) => {
      const registration = await navigator.serviceWorker.ready;
      for (let waited = 0; ; waited += 100) {
        const shown = await registration.getNotifications(tag === undefined ? {} : { tag });
        const done = shown.length === count && (body === undefined || shown.some((n) => n.body === body));
        if (done || waited >= 10_000)
          return shown.map((n) => ({
            title: n.title,
            body: n.body,
            tag: n.tag,
            icon: n.icon,
            data: n.data as unknown,
          }));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    { tag, count, body },
  );
}

describe('my push devices and webhook in a real browser against the real system', () => {
  it('1. a refusal at the permission prompt shows as blocked, with how to unblock', async () => {
    // Headless Chromium answers every permission prompt the test did not grant with a refusal.
    await openSettings();
    const section = pushSection();
    await section.getByText('Push notifications are off on this device.').waitFor();
    await section.getByRole('button', { name: 'Enable on this device' }).click();
    await section.getByText('Notifications are blocked for this site').waitFor();
    await section.getByText(/set Notifications to Allow in the site’s permissions/).waitFor();
    expect(await section.getByRole('button', { name: 'Enable on this device' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'push blocked');
  });

  it('2. the desk’s service worker is active, and shows a pushed message as a notification', async () => {
    await session!.browser.context.grantPermissions(['notifications'], { origin: base });
    await openSettings();
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const active = registration.active!;
      if (active.state !== 'activated')
        await new Promise((resolve) =>
          active.addEventListener('statechange', () => active.state === 'activated' && resolve(null)),
        );
      return { scope: registration.scope, script: active.scriptURL, state: active.state };
    });
    expect(worker).toEqual({ scope: `${base}/`, script: `${base}/sw.js`, state: 'activated' });

    const cdp = await session!.browser.context.newCDPSession(page);
    try {
      const registrationId = await deskRegistrationId(cdp);
      const message: PushMessage = {
        title: 'SR-E2E0001 assigned to you',
        body: 'ACME Milano, tomorrow at 09:00',
        tag: 'delivery-e2e-1',
        topic: 'assignment',
        url: '/app/inbox',
      };
      const push = (data: string) =>
        cdp.send('ServiceWorker.deliverPushMessage', { origin: base, registrationId, data });
      await push(JSON.stringify(message));
      expect(await shownNotifications({ tag: message.tag })).toEqual([
        {
          title: message.title,
          body: message.body,
          tag: message.tag,
          icon: `${base}/favicon.svg`,
          data: { url: '/app/inbox' },
        },
      ]);

      // The same delivery pushed again replaces its notification rather than adding one.
      const later = 'ACME Milano, tomorrow at 10:00';
      await push(JSON.stringify({ ...message, body: later }));
      expect((await shownNotifications({ tag: message.tag, body: later })).map((n) => n.body)).toEqual([
        later,
      ]);

      // A payload that is not a message still shows something, pointing at the inbox.
      await push('not json');
      const all = await shownNotifications({ count: 2 });
      expect(all.filter((n) => n.tag !== message.tag)).toEqual([
        { title: 'Fieldstream', body: '', tag: '', icon: `${base}/favicon.svg`, data: { url: '/app/inbox' } },
      ]);
    } finally {
      await cdp.detach();
    }
  });

  it('3. “Enable on this device”: headless Chromium has no push service, and the page says so inline', async () => {
    await openSettings();
    const section = pushSection();
    await section.getByText('Push notifications are off on this device.').waitFor();
    const before = await api<PushDevices>('GET', '/api/me/push-devices');
    expect(before.devices).toEqual([]);
    expect(before.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);

    await section.getByRole('button', { name: 'Enable on this device' }).click();
    // Offline headless Chromium keeps subscribe() pending for ever (tried: still pending after
    // minutes), where a browser with a reachable push service answers in a second or two.
    const error = section.getByTestId('push-error');
    await error.waitFor({ timeout: SUBSCRIBE_TIMEOUT_MS + 10_000 });
    expect(await error.getByText('Push notifications could not be turned on').count()).toBe(1);
    expect(await error.textContent()).toMatch(
      /did not answer within 20 seconds|could not subscribe to its push service: AbortError: Registration failed/,
    );
    await section.getByText('Push notifications are off on this device.').waitFor();
    await section.getByText('No device receives your push notifications yet.').waitFor();
    expect((await api<PushDevices>('GET', '/api/me/push-devices')).devices).toEqual([]);
    await saveScreenshot(page, 'notification-endpoints-push-error');
    await expectNoSeriousA11yViolations(page, 'push subscription failed');
  });

  it('4. sets a webhook, shows its secret hidden then revealed, rotates it and removes it', async () => {
    await openSettings();
    const section = webhookSection();
    const url = section.getByRole('textbox', { name: /^Webhook URL/ });
    await url.waitFor();
    expect(await url.inputValue()).toBe('');

    // The server judges the URL, and says so on the field.
    await url.fill('hooks.example.test/fieldstream');
    await section.getByRole('button', { name: 'Save webhook' }).click();
    await section.locator('input[aria-invalid="true"]').waitFor();
    expect((await api<NotificationWebhookAnswer>('GET', '/api/me/notification-webhook')).webhook).toBeNull();

    await url.fill(WEBHOOK_URL);
    await section.getByRole('button', { name: 'Save webhook' }).click();
    await section.getByText('Webhook saved.').waitFor();
    expect(await section.getByTestId('webhook-secret').textContent()).toMatch(/^whsec_•+hidden$/);
    await saveScreenshot(page, 'notification-endpoints-webhook');
    await expectNoSeriousA11yViolations(page, 'notification settings with a webhook');

    // Copied without being shown: what the receiver's configuration gets pasted. (Granting sets
    // the origin's whole list, so notifications stay in it; this test runs last for the same reason.)
    await session!.browser.context.grantPermissions(['notifications', 'clipboard-read', 'clipboard-write'], {
      origin: base,
    });
    await section.getByRole('button', { name: 'Copy the secret' }).click();
    await section.getByRole('button', { name: 'Copied' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());

    const first = await revealedSecret();
    expect(first).toMatch(SECRET);
    expect(copied).toBe(first);
    const stored = (await api<NotificationWebhookAnswer>('GET', '/api/me/notification-webhook')).webhook;
    expect(stored).toEqual(expect.objectContaining({ url: WEBHOOK_URL, secret: first }));

    await section.getByRole('button', { name: 'Rotate secret' }).click();
    const rotate = page.getByRole('dialog', { name: 'Make a new secret?' });
    await rotate.getByText(/Update your receiver with the new secret/).waitFor();
    await expectNoSeriousA11yViolations(page, 'rotate secret dialog');
    await rotate.getByRole('button', { name: 'Rotate secret' }).click();
    await rotate.waitFor({ state: 'detached' });
    await section.getByText('New secret made: update your receiver with it.').waitFor();
    const second = await revealedSecret();
    expect(second).toMatch(SECRET);
    expect(second).not.toBe(first);
    const rotated = (await api<NotificationWebhookAnswer>('GET', '/api/me/notification-webhook')).webhook;
    expect(rotated).toEqual(
      expect.objectContaining({ url: WEBHOOK_URL, secret: second, createdAt: stored?.createdAt }),
    );
    expect(Date.parse(rotated?.secretRotatedAt ?? '')).toBeGreaterThan(
      Date.parse(stored?.secretRotatedAt ?? ''),
    );

    await section.getByRole('button', { name: 'Remove webhook' }).click();
    const remove = page.getByRole('dialog', { name: 'Remove the webhook?' });
    await remove.getByText(WEBHOOK_URL, { exact: false }).waitFor();
    await remove.getByRole('button', { name: 'Remove webhook' }).click();
    await section.getByText('Webhook removed.').waitFor();
    expect(await section.getByTestId('webhook-secret').count()).toBe(0);
    expect(await url.inputValue()).toBe('');
    expect((await api<NotificationWebhookAnswer>('GET', '/api/me/notification-webhook')).webhook).toBeNull();
  });
});
