import type { RequestServiceLevel, ServiceRequestDetail } from '@fieldstream/api-contract';
import type { Locator, Page } from 'playwright-core';
import { apiBody, apiFromPage } from './harness/api-from-page';
import { openBrowserOnSystem, type BrowserSession } from './harness/browser-session';
import { expectNoSeriousA11yViolations } from './harness/run-axe';
import { saveScreenshot } from './harness/save-screenshot';
import { prepareAcmeInMilano } from './harness/acme-in-milano.fixture';
import { signIn } from './harness/sign-in';

/**
 * SLA clocks seen from the desk against the real system, the worker running the real SLA saga on
 * real time: a contract promising a response within one minute for high priority, round the
 * clock, at risk from its 50 % alarm. A manager's dashboard, never reloaded, shows the request at
 * risk counting down, then breached; the request's page shows its clocks; a suspension with a
 * reason the contract pauses for holds them.
 */

const PASSWORD = 'e2e-password-1';
const MANAGER = { username: 'mgr.sla', password: PASSWORD };
/** The worker's alarms run on real time: half the one-minute response is half a minute away. */
const ALARM_WAIT_MS = 75_000;

let session: BrowserSession | undefined;
/** The administrator's tab: prepares the data and acts on the request. */
let desk: Page;
/** The manager's tab, left on the dashboard and never reloaded. */
let manager: Page;
let base: string;
let request: ServiceRequestDetail | undefined;

beforeAll(async () => {
  session = await openBrowserOnSystem({ locale: 'en-US' });
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

/** A centre, a customer's site in it, service hours that never close and the one-minute contract. */
async function prepareContract(page: Page) {
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
          slaThresholds: [50, 75, 90, 100],
          slaAtRiskPercent: 50,
          slaPausingReasonCodes: ['waiting-customer'],
        },
      ],
    ],
    users: [
      {
        ...MANAGER,
        displayName: 'Manager Milano',
        role: 'manager',
        binding: { unitCode: 'MI' },
      },
    ],
  });
}

/** Asks the API (every second) until the request's service level satisfies `done`. */
async function levelWhen(
  page: Page,
  requestId: string,
  done: (level: RequestServiceLevel) => boolean,
  what: string,
): Promise<RequestServiceLevel> {
  const until = Date.now() + ALARM_WAIT_MS;
  let last: RequestServiceLevel | undefined;
  while (Date.now() < until) {
    last = await apiBody<RequestServiceLevel>(
      page,
      'GET',
      `/api/service-requests/${requestId}/service-level`,
    );
    if (done(last)) return last;
    await page.waitForTimeout(1_000);
  }
  throw new Error(`${what} not recorded in time; last answer: ${JSON.stringify(last)}`);
}

const atRiskRow = (page: Page, reference: string): Locator =>
  page.getByTestId('sla-at-risk').getByRole('row').filter({ hasText: reference });

const tile = (page: Page, standing: string): Locator =>
  page.getByTestId('sla-totals').locator(`[data-standing="${standing}"] dd`);

describe('service levels in a real browser against the real system', () => {
  it('1. a high request reaches its 50 % alarm: the dashboard shows it at risk counting down, then breached, live', async () => {
    await prepareContract(desk);

    manager = await session!.browser.context.newPage();
    manager.setDefaultTimeout(15_000);
    await manager.setViewportSize({ width: 1440, height: 1100 });
    await signInAs(manager, MANAGER);
    await manager.getByRole('navigation').getByRole('link', { name: 'Service levels' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Service levels' }).waitFor();
    // The filters in the URL, asked of the real API.
    await manager.getByRole('combobox', { name: 'Priority' }).click();
    await manager.getByRole('option', { name: 'High' }).click();
    await manager.waitForURL(/\/app\/service-levels\?priority=high$/);
    await manager.getByTestId('sla-at-risk-empty').waitFor();
    // Marks this document: still there at the end means no reload happened.
    await manager.evaluate(() => ((window as unknown as { slaMark?: boolean }).slaMark = true));

    request = await apiBody<ServiceRequestDetail>(desk, 'POST', '/api/service-requests', {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      description: 'Production line stopped',
      priority: 'high',
      source: 'desk',
    });
    const opened = await levelWhen(desk, request.id, (level) => level.clocks.length > 0, 'The clocks');
    expect(opened.contractCode).toBe('CT-ACME');
    const half = await levelWhen(
      desk,
      request.id,
      (level) => (level.clocks.find((clock) => clock.clock === 'response')?.reachedPercent ?? 0) >= 50,
      'The 50 % alarm',
    );
    expect(half.standing).toBe('at-risk');

    // At risk on the dashboard, counting down on the screen's clock (unless the minute is already up).
    const row = atRiskRow(manager, request.reference);
    await row.and(manager.locator('[data-standing="at-risk"]')).waitFor();
    const countdown = row.getByTestId('countdown');
    const before = await countdown.textContent();
    expect(before).toMatch(/^(\d+ sec left|overdue by \d+ sec)$/);
    await manager.waitForTimeout(1_500);
    expect(await countdown.textContent()).not.toBe(before);
    expect(await row.getByRole('link', { name: request.reference }).getAttribute('href')).toBe(
      `/app/requests/${request.id}`,
    );
    expect(await tile(manager, 'at-risk').textContent()).toBe('1');
    await saveScreenshot(manager, 'service-levels-at-risk');
    await expectNoSeriousA11yViolations(manager, 'service levels dashboard');

    // Past the minute: breached, overdue, without a reload.
    await row.and(manager.locator('[data-standing="breached"]')).waitFor({ timeout: ALARM_WAIT_MS });
    expect(await countdown.textContent()).toMatch(/^overdue by /);
    await manager.getByTestId('sla-totals').locator('[data-standing="breached"] dd').getByText('1').waitFor();
    expect(await tile(manager, 'at-risk').textContent()).toBe('0');
    await manager
      .getByTestId('sla-trend-summary')
      .getByText(/^1 breach and no penalty/)
      .waitFor();
    expect(await manager.evaluate(() => (window as unknown as { slaMark?: boolean }).slaMark)).toBe(true);
    await manager.getByTestId('sla-trend-chart').locator('svg').first().waitFor();
    await saveScreenshot(manager, 'service-levels-breached');
    await expectNoSeriousA11yViolations(manager, 'service levels dashboard, breached');
  });

  it('2. the request’s page shows its response clock: deadline, overdue, highest alarm', async () => {
    const { id, reference } = request!;
    await atRiskRow(manager, reference).getByRole('link', { name: reference }).click();
    await manager.getByRole('heading', { level: 1, name: reference }).waitFor();
    const panel = manager.getByRole('region', { name: 'Service level' });
    await panel.getByTestId('sla-clocks').waitFor();
    await panel.getByText('Breached', { exact: true }).waitFor();
    await panel.getByRole('link', { name: 'ACME one-minute response (CT-ACME)' }).waitFor();
    const response = panel
      .getByRole('row')
      .filter({ has: manager.getByRole('rowheader', { name: 'Response' }) });
    const cells = response.getByRole('cell');
    expect(await cells.nth(0).textContent()).toBe('1 min');
    const level = await apiBody<RequestServiceLevel>(
      desk,
      'GET',
      `/api/service-requests/${id}/service-level`,
    );
    const deadline = level.clocks.find((clock) => clock.clock === 'response')?.deadline ?? '';
    expect(await cells.nth(1).locator('time').getAttribute('datetime')).toBe(deadline);
    expect(await cells.nth(2).textContent()).toMatch(/^overdue by /);
    expect(await cells.nth(3).textContent()).toMatch(/^100%/);
    const restoration = panel
      .getByRole('row')
      .filter({ has: manager.getByRole('rowheader', { name: 'Restoration' }) });
    expect(await restoration.getByRole('cell').nth(2).textContent()).toMatch(/ left$/);
    await saveScreenshot(manager, 'service-levels-request-panel');
    await expectNoSeriousA11yViolations(manager, 'request detail with its service level');
  });

  it('3. suspended with a reason the contract pauses for, the clocks hold, and the manager sees it live', async () => {
    const { id } = request!;
    const accepted = await apiFromPage(
      desk,
      'POST',
      `/api/service-requests/${id}/accept`,
      {},
      {
        'If-Match': `"${(await apiBody<ServiceRequestDetail>(desk, 'GET', `/api/service-requests/${id}`)).version}"`,
      },
    );
    expect(accepted.status).toBe(200);
    await desk.goto(`${base}/app/requests/${id}`);
    await desk.getByRole('button', { name: 'Suspend' }).click();
    const dialog = desk.getByRole('dialog', { name: 'Suspend the request' });
    await dialog.getByRole('combobox', { name: 'Cause (optional)' }).click();
    await desk.getByRole('option', { name: 'Waiting for the customer' }).click();
    await dialog.getByRole('textbox', { name: /^Reason/ }).fill('Customer away until Monday');
    await saveScreenshot(desk, 'service-levels-suspend-reason');
    await expectNoSeriousA11yViolations(desk, 'suspend dialog with its cause');
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await dialog.waitFor({ state: 'detached' });

    const paused = await levelWhen(desk, id, (level) => level.pause !== null, 'The pause');
    expect(paused.pause?.reasonCode).toBe('waiting-customer');
    // The manager's page, open since test 2, follows.
    const panel = manager.getByRole('region', { name: 'Service level' });
    await panel.getByText(/^Clocks paused since /).waitFor();
    await panel.getByText('Reason: Waiting for the customer — Customer away until Monday').waitFor();
    const restoration = panel
      .getByRole('row')
      .filter({ has: manager.getByRole('rowheader', { name: 'Restoration' }) });
    expect(await restoration.getByRole('cell').nth(2).textContent()).toBe('Paused');
    await saveScreenshot(manager, 'service-levels-request-paused');
  });
});
