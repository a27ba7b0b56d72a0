import type {
  DeliveryLogPage,
  NotificationSettings,
  RequestEscalation,
  ServiceRequestDetail,
} from '@fieldstream/api-contract';
import { freePort } from '@fieldstream/testing';
import type { Locator, Page } from 'playwright-core';
import { apiBody } from './harness/api-from-page';
import { openBrowserOnSystem, type BrowserSession } from './harness/browser-session';
import { expectNoSeriousA11yViolations } from './harness/run-axe';
import { saveScreenshot } from './harness/save-screenshot';
import { prepareAcmeInMilano } from './harness/acme-in-milano.fixture';
import { signIn } from './harness/sign-in';

/**
 * Notifications and escalations seen from the desk against the real system, the worker running the
 * real SLA saga, escalation saga and notifier on real time: a contract promising a response within
 * one minute for high priority, round the clock, with alarms at 50 % and 100 %, and an escalation
 * chain whose first level, at 50 %, alerts the dispatchers of the request's centre in their inbox
 * (and by e-mail) and asks them to acknowledge within a minute. The dispatcher's inbox, never
 * reloaded, shows the alert arrive; they acknowledge it there, and the request's page says who did.
 * Then their own settings, and the administrator's delivery log: the system's SMTP server refuses
 * every connection (nothing listens on its port) and a delivery has one attempt, so the alert's
 * e-mail is a dead letter at once, to be sent again.
 */

const PASSWORD = 'e2e-password-1';
const DISPATCHER = { username: 'disp.mi', password: PASSWORD };
const DISPATCHER_NAME = 'Dispatcher Milano';
const DISPATCHER_EMAIL = 'disp.mi@example.test';
const NOTE = 'Calling the customer now';
/** The worker's alarms run on real time: half the one-minute response is half a minute away. */
const ALERT_WAIT_MS = 90_000;

let session: BrowserSession | undefined;
/** The administrator's tab: prepares the data, opens the request, reads the delivery log. */
let desk: Page;
/** The dispatcher's tab, left on the inbox and never reloaded until the alert is acknowledged. */
let dispatcher: Page;
let base: string;
let request: ServiceRequestDetail | undefined;

beforeAll(async () => {
  session = await openBrowserOnSystem({
    locale: 'en-US',
    env: { SMTP_URL: `smtp://127.0.0.1:${await freePort()}`, NOTIFY_ATTEMPTS: '1', NOTIFY_RETRY_MS: '1000' },
  });
  desk = session.page;
  await desk.setViewportSize({ width: 1440, height: 1000 });
  base = session.target.url;
});

afterAll(async () => {
  await session?.close();
});

async function signInAs(page: Page, credentials: { username: string; password: string }) {
  await page.goto(`${base}/login`);
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${base}/login`);
  await signIn(page, credentials);
}

/**
 * A centre, a customer's site in it, service hours that never close, the one-minute contract, the
 * escalation chain for high priority, and the centre's dispatcher.
 */
async function prepare(page: Page) {
  await prepareAcmeInMilano(page, base, {
    records: [
      // No weekly hours and no holidays: the clocks run all week round the clock.
      [
        'calendars',
        { code: 'SVC-24-7', name: 'Round the clock', purpose: 'service-hours', timeZone: 'Europe/Rome' },
      ],
      [
        'contracts',
        {
          code: 'CT-ACME',
          name: 'ACME one-minute response',
          customerCode: 'ACME',
          validFrom: '2020-01-01',
          validTo: '2099-12-31',
          serviceCalendarCode: 'SVC-24-7',
          serviceLevels: [{ priority: 'high', responseMinutes: 1, restorationMinutes: 60 }],
          slaThresholds: [50, 100],
        },
      ],
      [
        'escalation-chains',
        {
          code: 'ESC-HIGH',
          name: 'High priority',
          priorities: ['high'],
          levels: [
            {
              percent: 50,
              audiences: ['unit-dispatchers'],
              channels: ['inbox', 'email'],
              acknowledgeWithinMinutes: 1,
            },
          ],
        },
      ],
    ],
    users: [
      {
        ...DISPATCHER,
        displayName: DISPATCHER_NAME,
        email: DISPATCHER_EMAIL,
        // The notifier words each message in its recipient's language.
        language: 'en',
        role: 'dispatcher',
        binding: { unitCode: 'MI' },
      },
    ],
  });
}

const bell = (page: Page): Locator => page.getByRole('banner').getByRole('link', { name: /^Notifications/ });

/** The dispatcher's alert about the request, in the inbox. */
const alertItem = (page: Page, reference: string): Locator =>
  page
    .getByTestId('inbox-list')
    .getByRole('article')
    .filter({ has: page.getByTestId('escalation-alert') })
    .filter({ has: page.getByRole('link', { name: reference, exact: true }) });

describe('notifications in a real browser against the real system', () => {
  it('1. the escalation reaches the dispatcher’s bell and inbox live, and is acknowledged from there', async () => {
    await prepare(desk);

    dispatcher = await session!.browser.context.newPage();
    dispatcher.setDefaultTimeout(15_000);
    await dispatcher.setViewportSize({ width: 1280, height: 1000 });
    await signInAs(dispatcher, DISPATCHER);
    await bell(dispatcher).click();
    await dispatcher.waitForURL(/\/app\/inbox$/);
    await dispatcher.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    // Marks this document: still there at the end means no reload happened.
    await dispatcher.evaluate(() => ((window as unknown as { inboxMark?: boolean }).inboxMark = true));

    request = await apiBody<ServiceRequestDetail>(desk, 'POST', '/api/service-requests', {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      description: 'Production line stopped',
      priority: 'high',
      source: 'desk',
    });

    // Half the minute on, the chain's first level alerts the centre's desk: it arrives by itself.
    const item = alertItem(dispatcher, request.reference);
    await item.waitFor({ timeout: ALERT_WAIT_MS });
    expect(await bell(dispatcher).getAttribute('href')).toBe('/app/inbox');
    expect(await bell(dispatcher).textContent()).toMatch(/^Notifications, \d+ unread$/);
    const alert = item.getByTestId('escalation-alert');
    await alert.getByText('Escalation level 1').waitFor();
    await alert.getByText(/^Acknowledge by /).waitFor();
    expect(await item.getByText('Unread', { exact: true }).count()).toBe(1);
    expect(await item.getByRole('link', { name: request.reference }).getAttribute('href')).toBe(
      `/app/requests/${request.id}`,
    );
    expect(await dispatcher.evaluate(() => (window as unknown as { inboxMark?: boolean }).inboxMark)).toBe(
      true,
    );
    await saveScreenshot(dispatcher, 'notifications-inbox-escalation');
    await expectNoSeriousA11yViolations(dispatcher, 'inbox with an escalation alert');

    await item.getByRole('button', { name: `Acknowledge the escalation of ${request.reference}` }).click();
    const dialog = dispatcher.getByRole('dialog', { name: 'Acknowledge the escalation' });
    await dialog.getByRole('textbox', { name: 'Note (optional)' }).fill(NOTE);
    await saveScreenshot(dispatcher, 'notifications-acknowledge-dialog');
    await expectNoSeriousA11yViolations(dispatcher, 'acknowledge dialog');
    await dialog.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    await item.locator('[data-testid="escalation-alert"][data-acknowledged="true"]').waitFor();
    await alert.getByText('Acknowledged', { exact: true }).waitFor();
    expect(await alert.getByRole('button').count()).toBe(0);
    // Whoever acknowledges an alert has read it.
    await item.getByText('Unread', { exact: true }).waitFor({ state: 'detached' });
    expect(await dispatcher.evaluate(() => (window as unknown as { inboxMark?: boolean }).inboxMark)).toBe(
      true,
    );
    await saveScreenshot(dispatcher, 'notifications-inbox-acknowledged');
  });

  it('2. the request’s page shows the level raised, acknowledged by the dispatcher with the note', async () => {
    const { id, reference } = request!;
    await alertItem(dispatcher, reference).getByRole('link', { name: reference, exact: true }).click();
    await dispatcher.getByRole('heading', { level: 1, name: reference }).waitFor();
    const panel = dispatcher.getByRole('region', { name: 'Escalation' });
    await panel.getByRole('link', { name: 'ESC-HIGH' }).waitFor();
    const level = panel
      .getByRole('listitem')
      .filter({ has: dispatcher.getByRole('heading', { name: 'Level 1' }) });
    await level.getByText('Acknowledged', { exact: true }).waitFor();
    await level.getByText('50% of the response time').waitFor();
    await level.getByText('SLA threshold reached').waitFor();
    await level.getByText(DISPATCHER_NAME, { exact: true }).waitFor();
    await level.getByText(new RegExp(`^${DISPATCHER_NAME}, `)).waitFor();
    await level.getByText(`Note: ${NOTE}`).waitFor();

    const escalation = await apiBody<RequestEscalation>(
      desk,
      'GET',
      `/api/service-requests/${id}/escalation`,
    );
    expect(escalation.chainCode).toBe('ESC-HIGH');
    expect(escalation.levels[0]?.acknowledged).toMatchObject({ displayName: DISPATCHER_NAME, note: NOTE });
    await saveScreenshot(dispatcher, 'notifications-request-escalation');
    await expectNoSeriousA11yViolations(dispatcher, 'request detail with its escalation');
  });

  it('3. the dispatcher edits their own settings: the API’s refusal on the field, then saved', async () => {
    await dispatcher.getByRole('button', { name: `User menu for ${DISPATCHER.username}` }).click();
    await dispatcher.getByRole('menuitem', { name: 'Notification settings' }).click();
    await dispatcher.waitForURL(/\/app\/settings\/notifications$/);
    await dispatcher.getByRole('heading', { level: 1, name: 'My notification settings' }).waitFor();
    const phone = dispatcher.getByRole('textbox', { name: /^Mobile phone/ });
    // The address the administrator gave the account.
    expect(await dispatcher.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe(DISPATCHER_EMAIL);
    await phone.fill('call me');
    await dispatcher.getByRole('button', { name: 'Save', exact: true }).click();
    await dispatcher.getByTestId('settings-invalid').waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    await saveScreenshot(dispatcher, 'notifications-settings-invalid');

    await phone.fill('+39 347 123 4567');
    await dispatcher.getByRole('switch', { name: 'SMS' }).check({ force: true });
    await dispatcher
      .getByRole('switch', { name: 'Hold messages back during quiet hours' })
      .check({ force: true });
    await dispatcher.getByRole('textbox', { name: /^From/ }).fill('22:00');
    await dispatcher.getByRole('textbox', { name: /^To/ }).fill('07:00');
    const zone = dispatcher.getByRole('combobox', { name: /^Time zone/ });
    await zone.click();
    await zone.fill('London');
    await dispatcher.getByRole('option', { name: 'Europe/London' }).click();
    await dispatcher.getByRole('checkbox', { name: 'Reschedules' }).check({ force: true });
    await expectNoSeriousA11yViolations(dispatcher, 'notification settings');
    await dispatcher.getByRole('button', { name: 'Save', exact: true }).click();
    await dispatcher.getByRole('status').getByText('Settings saved.').waitFor();
    await saveScreenshot(dispatcher, 'notifications-settings-saved');

    const stored = await apiBody<NotificationSettings>(dispatcher, 'GET', '/api/me/notification-settings');
    expect(stored).toMatchObject({
      email: DISPATCHER_EMAIL,
      channels: { email: true, sms: true, push: true },
      quietHours: { from: '22:00', to: '07:00' },
      timeZone: 'Europe/London',
      mutedTopics: ['reschedule'],
    });
    expect(stored.phone?.replace(/[\s.-]/g, '')).toBe('+393471234567');
    // What a later visit shows is what was stored.
    await dispatcher.reload();
    await dispatcher.getByRole('button', { name: 'Save', exact: true }).waitFor();
    expect(await dispatcher.getByRole('textbox', { name: /^Mobile phone/ }).inputValue()).toBe(stored.phone);
    expect(await dispatcher.getByRole('combobox', { name: /^Time zone/ }).inputValue()).toBe('Europe/London');
    expect(await dispatcher.getByRole('checkbox', { name: 'Reschedules' }).isChecked()).toBe(true);
  });

  it('4. the administrator finds the alert’s e-mail a dead letter, its failed attempt, and sends it again', async () => {
    const { reference } = request!;
    await desk.goto(`${base}/app`);
    const nav = desk.getByRole('navigation', { name: 'Main navigation' });
    await nav
      .getByRole('group', { name: 'Administration' })
      .getByRole('link', { name: 'Delivery log' })
      .click();
    await desk.waitForURL(/\/app\/notification-deliveries$/);
    await desk.getByRole('heading', { level: 1, name: 'Delivery log' }).waitFor();
    await desk.getByRole('combobox', { name: 'Status' }).click();
    await desk.getByRole('option', { name: 'Dead letter' }).click();
    await desk.waitForURL(/\/app\/notification-deliveries\?status=dead$/);

    const dead = desk
      .getByTestId('delivery-log')
      .locator('tr[data-status="dead"]')
      .filter({ hasText: DISPATCHER_EMAIL })
      .filter({ hasText: 'Escalations' })
      .filter({ has: desk.getByRole('link', { name: reference, exact: true }) });
    await dead.waitFor({ timeout: 30_000 });
    const deadCount = desk.getByTestId('delivery-counts').locator('[data-status="dead"] dd');
    expect(Number(await deadCount.textContent())).toBeGreaterThanOrEqual(1);
    await dead.getByText('Dead letter', { exact: true }).waitFor();
    await dead.getByText('E-mail', { exact: true }).waitFor();
    expect((await dead.locator('td').nth(6).textContent())?.trim()).not.toBe('');
    const attempts = dead.getByRole('button', { name: `1 attempt to ${DISPATCHER_NAME}` });
    await attempts.click();
    expect(await attempts.getAttribute('aria-expanded')).toBe('true');
    const list = desk.locator(`[id="${await attempts.getAttribute('aria-controls')}"]`);
    await list
      .getByRole('table', { name: new RegExp(`^Attempts to deliver .+ to ${DISPATCHER_NAME}$`) })
      .waitFor();
    await list.getByRole('cell', { name: 'Failed', exact: true }).waitFor();
    await saveScreenshot(desk, 'notifications-delivery-log-dead');
    await expectNoSeriousA11yViolations(desk, 'delivery log with a dead letter, its attempts shown');

    const deliveryId = await dead.getAttribute('data-delivery-id');
    await dead.getByRole('button', { name: /^Send again / }).click();
    const dialog = desk.getByRole('dialog', { name: 'Send this message again?' });
    await dialog
      .getByText(`to ${DISPATCHER_NAME} (${DISPATCHER_EMAIL}) by E-mail`, { exact: false })
      .waitFor();
    await expectNoSeriousA11yViolations(desk, 'send again confirmation');
    await saveScreenshot(desk, 'notifications-requeue-dialog');
    await dialog.getByRole('button', { name: 'Send again', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await desk
      .getByRole('status')
      .getByText(/^Back in the queue: /)
      .waitFor();
    // Requeued: pending, or already tried again against the same refusing server and dead anew,
    // with one more failed attempt in its log.
    const log = await apiBody<DeliveryLogPage>(desk, 'GET', '/api/notification-deliveries?channel=email');
    const again = log.deliveries.find((delivery) => delivery.deliveryId === deliveryId);
    expect(again?.status === 'pending' || (again?.attempts.length ?? 0) > 1).toBe(true);

    // The master data of notifications is at hand for the administrator too.
    const settings = nav.getByRole('group', { name: 'Settings' });
    await settings.getByRole('link', { name: 'Escalation chains' }).click();
    await desk.getByRole('link', { name: 'ESC-HIGH' }).waitFor();

    // The dispatcher reads the chains but has no way to the delivery log.
    await dispatcher.goto(`${base}/app`);
    const dispatcherNav = dispatcher.getByRole('navigation', { name: 'Main navigation' });
    await dispatcherNav.getByRole('link', { name: 'Escalation chains' }).waitFor();
    expect(await dispatcherNav.getByRole('link', { name: 'Delivery log' }).count()).toBe(0);
  });
});
