import type { ServiceRequestDetail } from '@fieldstream/api-contract';
import ICAL from 'ical.js';
import type { Locator, Page } from 'playwright-core';
import { apiFromPage } from './harness/api-from-page';
import { openBrowserOnSystem, type BrowserSession } from './harness/browser-session';
import { expectNoSeriousA11yViolations } from './harness/run-axe';
import { saveScreenshot } from './harness/save-screenshot';
import { prepareAcmeInMilano } from './harness/acme-in-milano.fixture';
import { signIn } from './harness/sign-in';

/**
 * Subscribing a phone's calendar, driven in the browser against the real system: a technician
 * makes a private address of their agenda from "My agenda", copies it with the button, and the
 * address is fetched as a calendar app fetches it (no credentials) and read with ical.js; the
 * list then says it was fetched; revoked in the browser, the address answers 404. A dispatcher
 * does the same for their team from the dispatch board.
 */

const PASSWORD = 'e2e-password-1';
const TECHNICIAN = { username: 'tech.feed', password: PASSWORD };
const DISPATCHER = { username: 'disp.feed', password: PASSWORD };

let session: BrowserSession | undefined;
let page: Page;
let base: string;
let request: ServiceRequestDetail;
let copiedUrl: string;

beforeAll(async () => {
  session = await openBrowserOnSystem({ locale: 'en-US' });
  page = session.page;
  base = session.target.url;
  // The Copy button writes to the clipboard; the test reads it back as a person would paste it.
  await session.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
});

afterAll(async () => {
  await session?.close();
});

async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const answer = await apiFromPage(page, method, path, body);
  if (answer.status >= 300)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as T;
}

async function signInAs(credentials: { username: string; password: string }, lands: RegExp) {
  await page.goto(`${base}/login`);
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${base}/login`);
  await signIn(page, credentials, lands);
}

/** What a phone's calendar reads in a feed: its events, through the feed's own VTIMEZONEs. */
function readAsPhone(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(vtimezone));
  try {
    return calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        summary: event.summary,
        start: event.startDate.toJSDate().toISOString(),
        zone: event.startDate.zone?.tzid,
        status: String(vevent.getFirstPropertyValue('status')),
      };
    });
  } finally {
    ICAL.TimezoneService.reset();
  }
}

/** Opens the dialog, makes an address and copies it with the button; answers what was copied. */
async function createAndCopy(dialog: Locator): Promise<string> {
  await dialog.getByRole('button', { name: 'Create the address' }).click();
  const shown = dialog.getByRole('textbox', { name: 'Calendar address' });
  await shown.waitFor();
  await dialog.getByRole('button', { name: 'Copy address' }).click();
  await dialog.getByRole('button', { name: 'Copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await shown.inputValue());
  expect(
    await dialog.getByRole('link', { name: 'Open in Apple Calendar or Outlook' }).getAttribute('href'),
  ).toBe(copied.replace(/^http:/, 'webcal:'));
  return copied;
}

describe('subscribing a calendar to an agenda', () => {
  it('prepares a technician, a dispatcher and an appointment tomorrow morning', async () => {
    await prepareAcmeInMilano(page, base, {
      records: [['technicians', { code: 'T-A', name: 'Anna Gas', unitCode: 'MI' }]],
      users: [
        {
          ...TECHNICIAN,
          displayName: 'Anna Gas',
          role: 'technician',
          language: 'en',
          binding: { technicianCode: 'T-A' },
        },
        {
          ...DISPATCHER,
          displayName: 'Desk Milano',
          role: 'dispatcher',
          language: 'en',
          binding: { unitCode: 'MI' },
        },
      ],
    });
    const start = await page.evaluate(() => {
      const date = new Date();
      date.setDate(date.getDate() + 1);
      date.setHours(9, 0, 0, 0);
      return date.toISOString();
    });
    let opened = await api<ServiceRequestDetail>('POST', '/api/service-requests', {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      description: 'The boiler does not start; error E04 on the display.',
      priority: 'high',
    });
    if (opened.status === 'open')
      opened = await api<ServiceRequestDetail>('POST', `/api/service-requests/${opened.id}/accept`, {});
    request = await api<ServiceRequestDetail>('POST', `/api/service-requests/${opened.id}/assignments`, {
      assignments: [{ technicianCode: 'T-A', start, durationMinutes: 90 }],
    });
    expect(request.status).toBe('assigned');
  });

  it('a technician makes a private address of their agenda and copies it', async () => {
    await signInAs(TECHNICIAN, /\/app\/my\/agenda/);
    await page.getByRole('heading', { level: 1, name: 'My agenda' }).waitFor();
    await page.getByRole('button', { name: 'Subscribe in your calendar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe in your calendar' });
    await dialog.getByText('None yet.').waitFor();
    expect(await dialog.getByRole('textbox', { name: /^Name/ }).inputValue()).toBe('Fieldstream, Anna Gas');
    copiedUrl = await createAndCopy(dialog);
    expect(copiedUrl).toMatch(
      new RegExp(`^${base}/api/calendar-feeds/fscal_[0-9a-f-]{36}_[A-Za-z0-9_-]{43}\\.ics$`),
    );
    await dialog.getByRole('button', { name: 'iPhone, iPad and Mac' }).click();
    await dialog.getByText(/Add Subscribed Calendar/).waitFor();
    await saveScreenshot(page, 'calendar-feed-created');
    await expectNoSeriousA11yViolations(page, 'subscribe-in-your-calendar dialog, address shown');
  });

  it('the copied address serves the agenda to a calendar app, without credentials', async () => {
    const response = await fetch(copiedUrl, { headers: { 'user-agent': 'Fieldstream-e2e-calendar' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = readAsPhone(await response.text());
    expect(events).toEqual([
      {
        uid: expect.stringMatching(/@fieldstream$/),
        summary: `${request.reference} · ACME S.p.A. — The boiler does not start; error E04 on the display.`,
        start: request.assignments[0]!.start,
        zone: 'Europe/Rome',
        status: 'CONFIRMED',
      },
    ]);
  });

  it('the list says when and by what the address was fetched; revoked, it answers 404', async () => {
    const dialog = page.getByRole('dialog', { name: 'Subscribe in your calendar' });
    await dialog.getByRole('button', { name: 'I have added it' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Calendar address' }).count()).resolves.toBe(0);
    // The list is read again when the dialog opens: the fetch is recorded by then, or shortly after.
    await dialog.getByRole('button', { name: 'Close' }).click();
    for (let attempt = 0; ; attempt++) {
      await page.getByRole('button', { name: 'Subscribe in your calendar' }).click();
      const fetched = dialog.getByText(/by Fieldstream-e2e-calendar/);
      try {
        await fetched.waitFor({ timeout: 2_000 });
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
        await dialog.getByRole('button', { name: 'Close' }).click();
      }
    }
    await dialog.getByRole('button', { name: 'Revoke “Fieldstream, Anna Gas”' }).click();
    await dialog.getByText(/Its address stops working at once/).waitFor();
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click();
    await dialog.getByText('“Fieldstream, Anna Gas” was revoked.').waitFor();
    await dialog.getByText('None yet.').waitFor();
    expect((await fetch(copiedUrl)).status).toBe(404);
  });

  it("a dispatcher subscribes to their team's appointments from the dispatch board", async () => {
    await signInAs(DISPATCHER, /\/app$/);
    await page.goto(`${base}/app/board`);
    await page.getByRole('heading', { level: 1, name: 'Dispatch board' }).waitFor();
    await page.getByRole('button', { name: 'Subscribe in your calendar' }).click();
    const dialog = page.getByRole('dialog', { name: 'Subscribe in your calendar' });
    // The dispatcher's own centre is proposed, and the name follows it.
    const name = dialog.getByRole('textbox', { name: /^Name/ });
    for (let tries = 0; tries < 50 && (await name.inputValue()) !== 'Fieldstream, Milano'; tries++)
      await page.waitForTimeout(100);
    expect(await name.inputValue()).toBe('Fieldstream, Milano');
    await saveScreenshot(page, 'calendar-feed-team-form');
    const url = await createAndCopy(dialog);
    await saveScreenshot(page, 'calendar-feed-team');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const events = readAsPhone(await response.text());
    expect(events.map((event) => event.summary)).toEqual([
      `Anna Gas: ${request.reference} · ACME S.p.A. — The boiler does not start; error E04 on the display.`,
    ]);
  });
});
