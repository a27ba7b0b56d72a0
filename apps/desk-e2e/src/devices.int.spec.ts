import type { DeviceDiagnosis, ServiceRequestDetail } from '@fieldstream/api-contract';
import type { Locator, Page } from 'playwright-core';
import { apiBody, apiFromPage } from './harness/api-from-page';
import { openBrowserOnSystem, type BrowserSession } from './harness/browser-session';
import { expectNoSeriousA11yViolations } from './harness/run-axe';
import { saveScreenshot } from './harness/save-screenshot';
import { prepareAcmeInMilano } from './harness/acme-in-milano.fixture';
import { signIn } from './harness/sign-in';

/**
 * The remote diagnosis seen from the desk against the real system: a boiler's gateway speaks over
 * HTTP with its own API key; its anomaly, known to the catalogue, opens a request; the dispatcher
 * opens that request and sees the device's presence, firmware, last status, the active anomaly and
 * what it said, then its repeats and its clearing arrive live, without a reload. The asset's page
 * shows the same.
 */

const PASSWORD = 'e2e-password-1';
const DISPATCHER = { username: 'disp.dev', password: PASSWORD };
const ASSET = 'SN-ACME-1';
/** The read model and the saga run in the worker: a few seconds at most. */
const PROJECTION_WAIT_MS = 30_000;

let session: BrowserSession | undefined;
/** The administrator's tab: prepares the data and reads the API. */
let admin: Page;
/** The dispatcher's tab, left on the request and never reloaded. */
let desk: Page;
let base: string;
let deviceKey = '';
let requestId = '';

beforeAll(async () => {
  // Repeats are counted and recorded together every window: a short one, for the test not to wait 30 s.
  session = await openBrowserOnSystem({ locale: 'en-US', env: { DEVICE_REPEAT_WINDOW_MS: '300' } });
  admin = session.page;
  base = session.target.url;
});

afterAll(async () => {
  await session?.close();
});

/** What the boiler's gateway sends: one signal over HTTP with its own key, as a machine would. */
async function signal(body: Record<string, unknown>) {
  const answer = await apiFromPage(admin, 'POST', `/api/assets/${ASSET}/signals`, body, {
    Authorization: `Bearer ${deviceKey}`,
  });
  if (answer.status !== 200) throw new Error(`signal: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Asks the API (every half second) until the asset's device satisfies `done`. */
async function deviceWhen(done: (device: DeviceDiagnosis) => boolean, what: string) {
  const until = Date.now() + PROJECTION_WAIT_MS;
  let last: DeviceDiagnosis | undefined;
  while (Date.now() < until) {
    last = await apiBody<DeviceDiagnosis>(admin, 'GET', `/api/assets/${ASSET}/device`);
    if (done(last)) return last;
    await admin.waitForTimeout(500);
  }
  throw new Error(`${what} not shown in time; last answer: ${JSON.stringify(last)}`);
}

/** A centre and its zone, a customer's boiler watched every hour, and the catalogue's E104. */
async function prepareOrganisation(page: Page) {
  await prepareAcmeInMilano(page, base, {
    records: [
      ['asset-models', { code: 'BOILER-X', name: 'Boiler X 24kW', manufacturer: 'Caldo', family: 'boilers' }],
      [
        'assets',
        {
          code: ASSET,
          modelCode: 'BOILER-X',
          siteCode: 'S-ACME-1',
          customerCode: 'ACME',
          ownership: 'customer',
          heartbeatMinutes: 60,
        },
      ],
      [
        'conditions',
        {
          code: 'BURNER-LOCKOUT',
          name: 'Burner lockout',
          category: 'fault',
          precision: 'precise',
          deviceCode: 'E104',
          modelCodes: ['BOILER-X'],
          expectedMinutes: 60,
        },
      ],
    ],
    users: [
      {
        ...DISPATCHER,
        displayName: 'Desk Milano',
        role: 'dispatcher',
        binding: { unitCode: 'MI' },
      },
    ],
  });
  const key = await apiBody<{ apiKey: string }>(page, 'POST', '/api/api-keys', {
    name: 'Boiler gateway',
    role: 'device',
    assetCodes: [ASSET],
  });
  deviceKey = key.apiKey;
}

const panelOf = (page: Page): Locator => page.getByRole('region', { name: 'Device' });
const signals = (panel: Locator): Locator => panel.getByTestId('device-signals').getByRole('listitem');

describe('the remote diagnosis in a real browser against the real system', () => {
  it('1. a boiler’s signals over HTTP show on the request its anomaly opened', async () => {
    await prepareOrganisation(admin);

    await signal({ kind: 'heartbeat', firmware: '2.4.1' });
    await signal({ kind: 'anomaly', code: 'E104', severity: 'critical', message: 'Burner lockout' });
    await signal({ kind: 'status', state: 'fault', values: { flowTemperature: 92.5, pumpOn: false } });
    const device = await deviceWhen(
      (answer) => answer.requestId !== null && answer.status?.state === 'fault',
      'The request opened by E104 and the status',
    );
    requestId = device.requestId!;
    const request = await apiBody<ServiceRequestDetail>(admin, 'GET', `/api/service-requests/${requestId}`);
    expect(request).toMatchObject({ source: 'device', assetCode: ASSET, priority: 'high' });

    desk = await session!.browser.context.newPage();
    desk.setDefaultTimeout(15_000);
    await desk.setViewportSize({ width: 1440, height: 1400 });
    await desk.goto(`${base}/login`);
    await signIn(desk, DISPATCHER);
    await desk.goto(`${base}/app/requests/${requestId}`);
    await desk.getByRole('heading', { level: 1, name: request.reference }).waitFor();

    const panel = panelOf(desk);
    await panel.getByTestId('device-signals').waitFor();
    expect(await panel.getByTestId('device-presence').textContent()).toBe('Online');
    const facts = panel.getByTestId('device-facts');
    await facts.getByText('2.4.1').waitFor();
    await facts.getByText('Every 1 hr').waitFor();
    await facts.getByText('this request').waitFor();
    expect(await panel.getByTestId('device-last-seen').textContent()).toMatch(/^(now|\d+ minutes? ago) · /);

    const values = panel.getByTestId('device-status-values');
    expect(await values.locator('dt').allTextContents()).toEqual(['flowTemperature', 'pumpOn']);
    expect(await values.locator('dd').allTextContents()).toEqual(['92.5', 'no']);

    const anomaly = panel.getByTestId('device-anomalies').getByRole('listitem');
    await anomaly.getByText('E104', { exact: true }).waitFor();
    await anomaly.getByText('Critical', { exact: true }).waitFor();
    await anomaly.getByText('Burner lockout', { exact: true }).waitFor();

    // Newest first: the status, the link to this request and the raise (the saga links when it can).
    const all = await signals(panel).allTextContents();
    expect(all).toHaveLength(3);
    expect(all.some((text) => /^State: fault — flowTemperature 92\.5, pumpOn no/.test(text))).toBe(true);
    expect(all.some((text) => text.startsWith(`Followed on request ${request.reference}`))).toBe(true);
    expect(all[2]).toMatch(/^E104 raised \(critical\): Burner lockout/);
    await saveScreenshot(desk, 'devices-request-panel');
    await expectNoSeriousA11yViolations(desk, 'request detail with its device');
  });

  it('2. repeats and the clearing arrive live, without a reload', async () => {
    // Marks this document: still there at the end means no reload happened.
    await desk.evaluate(() => ((window as unknown as { deviceMark?: boolean }).deviceMark = true));
    const panel = panelOf(desk);

    // Three more E104s: counted, and recorded together (one record, or two if a window closes between).
    for (let i = 0; i < 3; i++) await signal({ kind: 'anomaly', code: 'E104' });
    await panel
      .getByTestId('device-anomalies')
      .getByText(/repeated 3 times/)
      .waitFor();
    await signals(panel)
      .first()
      .getByText(/^E104 repeated (once|\d+ times)$/)
      .waitFor();
    await desk
      .getByTestId('timeline')
      .getByText(new RegExp(`^The device of ${ASSET} reported E104 (once more|\\d+ more times)\\.$`))
      .first()
      .waitFor();

    await signal({ kind: 'cleared', code: 'E104' });
    await signals(panel)
      .first()
      .getByText(/^E104 cleared after \d+ (sec|min)/)
      .waitFor();
    await panel.getByText('No anomaly is active.').waitFor();
    await desk.getByTestId('timeline').getByText(`The device of ${ASSET} cleared E104.`).waitFor();
    expect(await desk.evaluate(() => (window as unknown as { deviceMark?: boolean }).deviceMark)).toBe(true);
    await saveScreenshot(desk, 'devices-request-panel-cleared');
    await expectNoSeriousA11yViolations(desk, 'request detail with the anomaly cleared');

    // On a phone the panel stacks under the request and stays readable.
    await desk.setViewportSize({ width: 390, height: 844 });
    await panel.scrollIntoViewIfNeeded();
    await saveScreenshot(desk, 'devices-request-panel-phone');
    await expectNoSeriousA11yViolations(desk, 'request detail with its device, on a phone');
    await desk.setViewportSize({ width: 1440, height: 1400 });
  });

  it('3. the asset’s page shows the same device, and "show more" the older signals', async () => {
    await desk.goto(`${base}/app/md/assets/${ASSET}`);
    await desk.getByRole('tab', { name: 'Device' }).click();
    const panel = panelOf(desk);
    await panel.getByTestId('device-signals').waitFor();
    expect(await panel.getByTestId('device-presence').textContent()).toBe('Online');
    // Not a request's page: the request the trouble was followed on is a link.
    const reference = `SR-${requestId.slice(0, 8).toUpperCase()}`;
    expect(
      await panel.getByTestId('device-facts').getByRole('link', { name: reference }).getAttribute('href'),
    ).toBe(`/app/requests/${requestId}`);
    // Cleared, repeated, status, linked, raised: five, then the rest behind "show more" if any.
    const count = await signals(panel).count();
    expect(count).toBe(5);
    const more = panel.getByRole('button', { name: /^Show more/ });
    if (await more.count()) {
      await more.click();
      expect(await signals(panel).count()).toBeGreaterThan(5);
    }
    await saveScreenshot(desk, 'devices-asset-tab');
    await expectNoSeriousA11yViolations(desk, 'asset page, device tab');
  });
});
