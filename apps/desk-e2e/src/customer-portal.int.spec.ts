import type { PortalRequestDetail, ServiceRequestDetail } from '@fieldstream/api-contract';
import type { Page } from 'playwright-core';
import { apiBody, requestCommand } from './harness/api-from-page';
import { openBrowserOnSystem, type BrowserSession } from './harness/browser-session';
import { expectNoSeriousA11yViolations } from './harness/run-axe';
import { saveScreenshot } from './harness/save-screenshot';
import { prepareAcmeInMilano } from './harness/acme-in-milano.fixture';
import { signIn } from './harness/sign-in';

/**
 * The customer portal against the real system, on a phone: the customer prints the request label of
 * their boiler, "scans" it (opens its link in a tab with no session), signs in, lands on the form
 * with the boiler chosen, describes the fault, picks the condition, takes a photo and sends it;
 * then follows the request on its page while the desk (an administrator's tab, through the API)
 * accepts it, assigns Mario Rossi, and Mario sets out. The page, never reloaded, shows the visit's
 * window with the technician's first name only, then that he is on the way.
 */

const PASSWORD = 'e2e-password-1';
const CUSTOMER = { username: 'acme.giulia', password: PASSWORD, displayName: 'Giulia Verdi' };
const PHONE = { width: 375, height: 812 };
/** A real 1×1 PNG: signature, IHDR, IDAT, IEND. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082',
  'hex',
);

let session: BrowserSession | undefined;
/** The administrator's tab: prepares the organisation and plays the desk through the API. */
let desk: Page;
/** The customer's phone. */
let phone: Page;
let base: string;
let labelUrl: string;
let request: PortalRequestDetail;

beforeAll(async () => {
  session = await openBrowserOnSystem({ locale: 'en-US' });
  desk = session.page;
  base = session.target.url;
});

afterAll(async () => {
  await session?.close();
});

/** A command on a request as the desk sends it, with the version it has now. */
const command = (path: string, body: unknown = {}) => requestCommand<ServiceRequestDetail>(desk, path, body);

/** A centre, ACME with a site and a boiler, the boiler's model and one of its conditions, Mario, the customer's user. */
async function prepareOrganisation(page: Page) {
  await prepareAcmeInMilano(page, base, {
    records: [
      ['technicians', { code: 'T-MI-1', name: 'Mario Rossi', unitCode: 'MI' }],
      ['asset-models', { code: 'BOILER-X', name: 'Boiler X 24kW', manufacturer: 'Caldo', family: 'boilers' }],
      [
        'conditions',
        {
          code: 'E04',
          name: 'Ignition failure (E04)',
          category: 'fault',
          precision: 'precise',
          modelCodes: ['BOILER-X'],
          expectedMinutes: 60,
        },
      ],
      [
        'assets',
        {
          code: 'SN-ACME-1',
          name: 'Boiler hall A',
          modelCode: 'BOILER-X',
          siteCode: 'S-ACME-1',
          customerCode: 'ACME',
          ownership: 'customer',
        },
      ],
    ],
    users: [
      {
        username: CUSTOMER.username,
        password: CUSTOMER.password,
        displayName: CUSTOMER.displayName,
        role: 'customer',
        binding: { customerCode: 'ACME' },
      },
    ],
  });
}

/** The visit's window as the portal words it in this browser (its language and zone). */
function windowAsShown(page: Page, start: string, end: string): Promise<string> {
  return page.evaluate(
    ([start, end]) =>
      new Intl.DateTimeFormat('en', {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).formatRange(new Date(start!), new Date(end!)),
    [start, end],
  );
}

describe('the customer portal on a phone, against the real system', () => {
  it('1. the customer prints the request label of their boiler: its QR code links to the pre-filled form', async () => {
    await prepareOrganisation(desk);

    phone = await session!.browser.context.newPage();
    phone.setDefaultTimeout(15_000);
    await phone.setViewportSize(PHONE);
    await phone.goto(`${base}/login`);
    // A customer lands on their requests in the portal.
    await signIn(phone, CUSTOMER, /\/app\/portal$/);
    await phone.getByRole('heading', { level: 1, name: 'My requests' }).waitFor();
    await phone.getByText('You have no open requests.', { exact: false }).waitFor();
    const tabs = phone.getByRole('navigation', { name: 'Portal' });
    await tabs.getByRole('link', { name: 'My equipment' }).click();
    await phone.waitForURL(/\/app\/portal\/assets$/);
    const boiler = phone.getByRole('article').filter({ hasText: 'Serial number SN-ACME-1' });
    await boiler.getByRole('link', { name: 'Print request label for Boiler hall A' }).click();
    await phone.waitForURL(/\/app\/portal\/assets\/SN-ACME-1\/label$/);
    const qr = phone.getByTestId('asset-label').getByTestId('asset-qr');
    await qr.waitFor();
    labelUrl = (await qr.getAttribute('data-url'))!;
    expect(labelUrl).toBe(`${base}/app/portal/new?asset=SN-ACME-1`);
    expect(await qr.getAttribute('alt')).toBe(`QR code opening ${labelUrl}`);
    // Wider than the phone: nothing scrolls sideways.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(phone, 'portal-asset-label');
    await expectNoSeriousA11yViolations(phone, 'the request label of an asset');
  });

  it('2. scanning the label opens the sign-in, then the form with the boiler chosen; the request goes with a photo', async () => {
    // The camera app opens the link in a fresh tab: no session there yet.
    const scanned = await session!.browser.context.newPage();
    scanned.setDefaultTimeout(15_000);
    await scanned.setViewportSize(PHONE);
    await phone.close();
    phone = scanned;
    await phone.goto(labelUrl);
    await phone.waitForURL(/\/login$/);
    await signIn(phone, CUSTOMER, /\/app\/portal\/new\?asset=SN-ACME-1$/);
    await phone.getByRole('heading', { level: 1, name: 'New request' }).waitFor();
    const field = (label: RegExp) =>
      phone
        .getByRole('textbox', { name: label })
        .or(phone.getByRole('combobox', { name: label }))
        .first();
    // Chosen once the customer's equipment has loaded.
    await phone.waitForFunction(() =>
      [...document.querySelectorAll('input')].some((input) => input.value === 'Boiler hall A (SN-ACME-1)'),
    );
    expect(await field(/^Equipment/).inputValue()).toBe('Boiler hall A (SN-ACME-1)');
    expect(await field(/^Site/).inputValue()).toMatch(/^ACME Milano — Via Torino 1, 20123 Milano/);

    await phone
      .getByRole('textbox', { name: /^What is wrong\?/ })
      .fill('The boiler stopped this morning; E04 on the display.');
    await field(/^What the equipment shows/).click();
    await phone.getByRole('option', { name: 'Ignition failure (E04)' }).click();
    const camera = phone.locator('input[type="file"]');
    expect([await camera.getAttribute('accept'), await camera.getAttribute('capture')]).toEqual([
      'image/*',
      'environment',
    ]);
    await camera.setInputFiles({ name: 'display.png', mimeType: 'image/png', buffer: PNG });
    await phone.getByRole('img', { name: 'The photo you chose: display.png' }).waitFor();
    await phone
      .getByRole('textbox', { name: /^Who should the technician ask for/ })
      .fill('Giulia at reception');
    await saveScreenshot(phone, 'portal-new-request-filled');
    await expectNoSeriousA11yViolations(phone, 'the new request form, pre-filled from the label');

    await phone.getByRole('button', { name: 'Send request' }).click();
    await phone.waitForURL(/\/app\/portal\/requests\/[0-9a-f-]{36}$/);
    const id = phone.url().split('/').pop()!;
    request = await apiBody<PortalRequestDetail>(phone, 'GET', `/api/portal/requests/${id}`);
    expect(request).toMatchObject({
      source: 'portal',
      stage: 'received',
      assetCode: 'SN-ACME-1',
      reportedConditions: [{ code: 'E04', name: 'Ignition failure (E04)' }],
      contactName: 'Giulia at reception',
      photos: [expect.objectContaining({ fileName: 'display.png', contentType: 'image/png' })],
    });
    await phone.getByRole('heading', { level: 1, name: request.reference }).waitFor();
    await phone.getByText('We have your request and will look at it shortly.').waitFor();
    await phone.getByRole('img', { name: 'Photo display.png' }).waitFor();
    await phone.getByText('Opened on the portal by Giulia Verdi').waitFor();
    // The desk sees the customer's photo on the request.
    const files = await apiBody<{ fileName: string }[]>(
      desk,
      'GET',
      `/api/attachments?ownerKind=service-requests&ownerCode=${id}`,
    );
    expect(files.map((file) => file.fileName)).toEqual(['display.png']);
    await saveScreenshot(phone, 'portal-request-received');
    await expectNoSeriousA11yViolations(phone, 'the request just opened');
  });

  it('3. the desk accepts and assigns Mario: the page, never reloaded, shows the window and his first name only, then that he is on the way', async () => {
    const id = request.id;
    await phone.evaluate(() => ((window as unknown as { portalMark?: boolean }).portalMark = true));
    const start = await desk.evaluate(() => {
      const day = new Date();
      day.setDate(day.getDate() + 1);
      day.setHours(9, 0, 0, 0);
      return day.toISOString();
    });
    const end = new Date(Date.parse(start) + 2 * 3_600_000).toISOString();
    await command(`${id}/accept`, {});
    await command(`${id}/notes`, { text: 'Internal: the customer insists on mornings' });
    await command(`${id}/assignments`, {
      assignments: [{ technicianCode: 'T-MI-1', start, durationMinutes: 120 }],
    });

    const visit = phone.getByRole('region', { name: 'Your visit' });
    await visit.waitFor();
    await visit.getByText(await windowAsShown(phone, start, end)).waitFor();
    await visit.getByText('Mario', { exact: true }).waitFor();
    await phone.getByText('Visit planned', { exact: true }).waitFor();
    const progress = phone.getByRole('region', { name: 'Progress' });
    await progress.getByText(`Visit planned ${await windowAsShown(phone, start, end)} with Mario`).waitFor();
    const page = (await phone.locator('main').textContent()) ?? '';
    for (const secret of ['Rossi', 'T-MI-1', 'Internal: the customer insists', 'Z-MI']) {
      expect([secret, page.includes(secret)]).toEqual([secret, false]);
    }
    expect(await phone.evaluate(() => (window as unknown as { portalMark?: boolean }).portalMark)).toBe(true);
    await saveScreenshot(phone, 'portal-request-planned');
    await expectNoSeriousA11yViolations(phone, 'the request with its visit planned');

    // Mario sets out (recorded by the desk on his behalf): the customer sees him coming.
    await command(`${id}/on-the-way`, { technicianCode: 'T-MI-1', etaMinutes: 25 });
    await visit.getByText('Expected in about 25 minutes').waitFor();
    await phone.getByText('Technician on the way', { exact: true }).waitFor();
    expect(await phone.evaluate(() => (window as unknown as { portalMark?: boolean }).portalMark)).toBe(true);

    // Back on the list, the request shows the same, in one line.
    await phone
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'My requests' })
      .click();
    const card = phone.getByRole('article').filter({ hasText: request.reference });
    await card.getByTestId('next-visit').getByText('Mario is on the way: about 25 min').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(phone, 'portal-requests-on-the-way');
    await expectNoSeriousA11yViolations(phone, 'my requests with a technician on the way');
  });
});
