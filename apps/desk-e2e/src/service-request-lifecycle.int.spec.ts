import type { ServiceRequestDetail, TimelineEntry } from '@fieldstream/api-contract';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { apiBody, requestCommand } from './harness/api-from-page';
import { openBrowserOnSystem, type BrowserSession } from './harness/browser-session';
import { chromiumPath } from './harness/chromium-path';
import { CHROMIUM_FLAGS } from './harness/launch-chromium';
import { expectNoSeriousA11yViolations } from './harness/run-axe';
import { saveScreenshot } from './harness/save-screenshot';
import { prepareAcmeInMilano } from './harness/acme-in-milano.fixture';
import { signIn } from './harness/sign-in';

/**
 * A service request walked from opening to closing through the screens, against the real system:
 * the dispatcher on a desktop (and a second tab watching the to-do list), the technician on a phone.
 */

const PASSWORD = 'e2e-password-1';
const DISPATCHER = { username: 'disp.mi', password: PASSWORD };
const TECHNICIAN = { username: 'tech.mi', password: PASSWORD };
const VAN = 'VAN-T-MI-1';

let session: BrowserSession | undefined;
let phoneBrowser: Browser | undefined;
/** The dispatcher's main tab (desktop). */
let desk: Page;
/** A second dispatcher tab, left open on the to-do list or a detail. */
let watcher: Page;
/** The technician's phone. */
let phone: Page;
let base: string;
/** Requests walked by the tests, in order: their ids (and the renounced one's reference). */
const requests: { main?: string; renounced?: { id: string; reference: string }; stale?: string } = {};

beforeAll(async () => {
  session = await openBrowserOnSystem({ locale: 'en-US' });
  desk = session.page;
  base = session.target.url;
});

afterAll(async () => {
  await phoneBrowser?.close();
  await session?.close();
});

/** Signs in through the form as someone else and waits for where the role lands (a technician: the agenda). */
async function signInAs(page: Page, credentials: { username: string; password: string }, lands?: RegExp) {
  // A tab already signed in (the admin who prepared the data) forgets that session first.
  await page.goto(`${base}/login`);
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${base}/login`);
  await signIn(page, credentials, lands);
}

/** A command on a request with the version it has now, as a second desk would send it. */
const command = (page: Page, path: string, body: unknown = {}) =>
  requestCommand<ServiceRequestDetail>(page, path, body);

/** The organisation the walk needs, created through the API as an administrator would. */
async function prepareOrganisation(page: Page) {
  await prepareAcmeInMilano(page, base, {
    records: [
      ['technicians', { code: 'T-MI-1', name: 'Mario Rossi', unitCode: 'MI' }],
      ['asset-models', { code: 'BOILER-X', name: 'Boiler X 24kW', manufacturer: 'Caldo', family: 'boilers' }],
      [
        'assets',
        {
          code: 'SN-ACME-1',
          modelCode: 'BOILER-X',
          siteCode: 'S-ACME-1',
          customerCode: 'ACME',
          ownership: 'customer',
        },
      ],
      ['items', { code: 'FILTER', name: 'Air filter', category: 'part' }],
      [
        'warehouses',
        { code: VAN, name: 'Van of Rossi', type: 'van', unitCode: 'MI', technicianCode: 'T-MI-1' },
      ],
      [
        'conditions',
        {
          code: 'E04',
          name: 'Ignition failure',
          category: 'fault',
          precision: 'generic',
          expectedMinutes: 45,
          materials: [{ itemCode: 'FILTER', quantity: 1 }],
          correctiveActions: [
            {
              title: 'Replace the air filter',
              steps: [{ instruction: 'Open the casing and swap the filter.' }],
            },
          ],
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
      {
        ...TECHNICIAN,
        displayName: 'Mario Rossi',
        role: 'technician',
        binding: { technicianCode: 'T-MI-1' },
      },
    ],
  });
  await apiBody(page, 'POST', `/api/stock/${VAN}/movements`, {
    type: 'receive',
    itemCode: 'FILTER',
    quantity: 5,
    reason: 'Van restock',
  });
}

/** Tomorrow at `hour`:00 on the browser's clock, as a datetime-local input takes it. */
async function tomorrowAt(page: Page, hour: number): Promise<string> {
  return page.evaluate((hour) => {
    const date = new Date();
    date.setDate(date.getDate() + 1);
    date.setHours(hour, 0, 0, 0);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(hour)}:00`;
  }, hour);
}

/** The same slot as an instant, for commands sent through the API. */
async function tomorrowInstant(page: Page, hour: number): Promise<string> {
  const local = await tomorrowAt(page, hour);
  return page.evaluate((local) => new Date(local).toISOString(), local);
}

/** Types into a searchable select and picks the option the API's search answers. */
async function pick(page: Page, scope: Locator, label: RegExp, search: string, option: RegExp) {
  const box = scope
    .getByRole('textbox', { name: label })
    .or(scope.getByRole('combobox', { name: label }))
    .first();
  await box.click();
  await box.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

const rowOf = (page: Page, id: string) =>
  page.locator(`[data-testid="service-requests"] tr[data-request-id="${id}"]`);
const timeline = (page: Page) => page.getByTestId('timeline');
const detailPath = (id: string) => `${base}/app/requests/${id}`;

async function openDetail(page: Page, id: string) {
  await page.goto(detailPath(id));
  await page
    .getByRole('group', { name: 'What can be done now' })
    .or(page.getByTestId('timeline'))
    .first()
    .waitFor();
}

describe('a service request from opening to closing, in real browsers against the real system', () => {
  it('1. the dispatcher opens a request with the form, accepts and assigns it; a second tab sees it live', async () => {
    await prepareOrganisation(desk);
    await signInAs(desk, DISPATCHER);

    watcher = await session!.browser.context.newPage();
    watcher.setDefaultTimeout(15_000);
    await signInAs(watcher, DISPATCHER);
    await watcher.goto(`${base}/app/requests`);
    await watcher.getByRole('heading', { level: 1, name: 'Service requests' }).waitFor();
    await watcher.getByText('0 requests').waitFor();

    await desk.goto(`${base}/app/requests/new`);
    const form = desk.getByRole('form', { name: 'New service request' });
    await form.waitFor();
    await pick(desk, form, /^Customer/, 'ACME', /ACME/);
    await pick(desk, form, /^Site/, 'ACME', /S-ACME-1/);
    await pick(desk, form, /^Asset/, 'SN', /SN-ACME-1/);
    await form
      .getByRole('textbox', { name: /^Description/ })
      .fill('The boiler does not start; error E04 on the display.');
    await form
      .getByRole('textbox', { name: /^Priority/ })
      .or(form.getByRole('combobox', { name: /^Priority/ }))
      .first()
      .click();
    await desk.getByRole('option', { name: 'High' }).click();
    await pick(desk, form, /^Conditions/, 'Ignition', /E04/);
    await saveScreenshot(desk, 'sr-new-request-form');
    await form.getByRole('button', { name: 'Open request' }).click();
    await desk.waitForURL(/\/app\/requests\/[0-9a-f-]{36}$/);
    const id = decodeURIComponent(desk.url().split('/').pop()!);
    requests.main = id;
    const actions = desk.getByRole('group', { name: 'What can be done now' });
    await actions.getByRole('button', { name: 'Accept' }).waitFor();
    const opened = await apiBody<ServiceRequestDetail>(desk, 'GET', `/api/service-requests/${id}`);
    expect(opened).toMatchObject({
      status: 'open',
      priority: 'high',
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      assetCode: 'SN-ACME-1',
      conditionCodes: ['E04'],
    });

    // The list tab, already open, shows the new request without a reload.
    await rowOf(watcher, id).getByText('Open', { exact: true }).waitFor();

    await actions.getByRole('button', { name: 'Accept' }).click();
    const acceptDialog = desk.getByRole('dialog', { name: 'Accept the request' });
    await acceptDialog.getByRole('button', { name: 'Accept' }).click();
    await desk.getByText('Done: Accept the request.').waitFor();
    await rowOf(watcher, id).getByText('To dispatch', { exact: true }).waitFor();

    await actions.getByRole('button', { name: 'Assign' }).click();
    const assign = desk.getByRole('dialog', { name: 'Assign technicians' });
    // The dialog proposes who can do it, with the reasons, before anyone is picked.
    const proposals = assign.getByRole('region', { name: 'Proposed technicians' });
    await proposals.getByRole('heading', { name: 'Mario Rossi (T-MI-1)' }).waitFor();
    await proposals.getByRole('button', { name: 'Why Mario Rossi?' }).click();
    await proposals.getByRole('table').first().waitFor();
    await saveScreenshot(desk, 'sr-assign-proposals');
    await expectNoSeriousA11yViolations(desk, 'assign dialog with proposals');
    await pick(desk, assign, /^Technician 1/, 'Rossi', /T-MI-1/);
    await assign.getByLabel(/^Start 1/).fill(await tomorrowAt(desk, 10));
    await assign.getByRole('textbox', { name: /^Duration in minutes 1/ }).fill('120');
    await saveScreenshot(desk, 'sr-assign-dialog');
    await assign.getByRole('button', { name: 'Assign', exact: true }).click();
    await desk.getByText('Done: Assign technicians.').waitFor();
    await desk.getByText('Mario Rossi').first().waitFor();

    // Live: the tab opened before the assignment shows it assigned, to Rossi, with no reload.
    await rowOf(watcher, id).getByText('Assigned', { exact: true }).waitFor();
    await rowOf(watcher, id).getByText('Mario Rossi').waitFor();
    await saveScreenshot(watcher, 'sr-list-live-assigned');
    await expectNoSeriousA11yViolations(watcher, 'to-do list');
    await expectNoSeriousA11yViolations(desk, 'request detail (assigned)');
  });

  it('2. the technician, on a phone, finds the appointment, starts, notes and closes the job', async () => {
    const id = requests.main!;
    phoneBrowser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_FLAGS,
    });
    const context = await phoneBrowser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
      locale: 'en-US',
      timezoneId: 'Europe/Rome',
    });
    phone = await context.newPage();
    phone.setDefaultTimeout(15_000);
    await signInAs(phone, TECHNICIAN, /\/app\/my\/agenda$/);
    await phone.getByRole('heading', { level: 1, name: 'My agenda' }).waitFor();
    const detail = await apiBody<ServiceRequestDetail>(phone, 'GET', `/api/service-requests/${id}`);
    const reference = detail.reference;
    const card = phone.getByTestId('agenda-card').filter({ hasText: reference });
    await card.getByRole('link', { name: `${reference} · ACME S.p.A.` }).waitFor();
    await saveScreenshot(phone, 'sr-phone-agenda-list');

    // The calendar views open on today; whether the appointment lies past the first one is judged
    // on the phone's own clock and zone (Rome): near midnight UTC, the desk's "tomorrow" is already
    // the phone's today.
    const views = phone.getByRole('radiogroup', { name: 'How to show the agenda' });
    const beyond = await phone.evaluate((start) => {
      const day = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
      const appointment = day(new Date(start));
      const today = day(new Date());
      // The agenda's weeks start on Monday (firstDay 1).
      const monday = new Date(today);
      monday.setDate(today.getDate() - ((today.getDay() + 6) % 7));
      const nextMonday = new Date(monday);
      nextMonday.setDate(monday.getDate() + 7);
      return {
        Day: appointment.getTime() !== today.getTime(),
        Week: appointment >= nextMonday,
        Month:
          appointment.getMonth() !== today.getMonth() || appointment.getFullYear() !== today.getFullYear(),
      };
    }, detail.assignments[0]!.start);
    for (const view of ['Day', 'Week', 'Month'] as const) {
      await views.locator('label').filter({ hasText: view }).click();
      await phone.waitForURL(new RegExp(`view=${view.toLowerCase()}`));
      await phone.getByRole('button', { name: 'Today' }).waitFor();
      if (beyond[view]) await phone.getByRole('button', { name: /^Next/ }).click();
      await phone
        .getByRole('link', { name: new RegExp(reference) })
        .first()
        .waitFor();
      await saveScreenshot(phone, `sr-phone-agenda-${view.toLowerCase()}`);
    }
    await views.locator('label').filter({ hasText: 'List' }).click();
    await card.getByRole('link', { name: `${reference} · ACME S.p.A.` }).click();

    await phone.waitForURL(new RegExp(`/app/my/requests/${id}`));
    await phone.getByRole('heading', { name: `Request ${reference}` }).waitFor();
    const actions = phone.getByRole('group', { name: 'Actions' });
    await actions.getByRole('button', { name: 'Start work' }).click();
    await phone.getByText('Work started: you are on site.').waitFor();
    await actions.getByRole('button', { name: 'Add note' }).waitFor();
    await expectNoSeriousA11yViolations(phone, "technician's intervention sheet (in progress)");
    await saveScreenshot(phone, 'sr-phone-sheet-started');

    await actions.getByRole('button', { name: 'Add note' }).click();
    const note = phone.getByRole('dialog', { name: 'Add a note' });
    await note.getByRole('textbox', { name: /^Note/ }).fill('Filter clogged with limescale.');
    await note.getByRole('button', { name: 'Add note' }).click();
    await phone.getByText('Note added.').waitFor();

    await actions.getByRole('button', { name: 'Close the job' }).click();
    const close = phone.getByRole('form', { name: 'Close the job' });
    await close.getByRole('textbox', { name: /^Labour \(minutes\)/ }).fill('90');
    await close.getByRole('textbox', { name: /^Travel \(minutes\)/ }).fill('30');
    await close.getByRole('textbox', { name: /^Travel \(km\)/ }).fill('12.5');
    await close.getByRole('button', { name: 'Add material' }).click();
    const material = close.getByRole('group', { name: 'Material 1' });
    await pick(phone, material, /^Item/, 'FILTER', /FILTER/);
    await material.getByRole('textbox', { name: /^Quantity/ }).fill('2');
    const source = material
      .getByRole('textbox', { name: /^Taken from/ })
      .or(material.getByRole('combobox', { name: /^Taken from/ }))
      .first();
    expect(await source.inputValue()).toContain(VAN);
    await close.getByRole('checkbox', { name: 'Replace the air filter' }).check();
    await close
      .getByRole('textbox', { name: /^Resolution/ })
      .fill('Filter replaced; the boiler starts and holds pressure.');
    await saveScreenshot(phone, 'sr-phone-close-form');
    await close.getByRole('button', { name: 'Close the job' }).click();
    await phone.getByText('Job closed. Thank you.').waitFor();
    await phone.getByText('Closed', { exact: true }).first().waitFor();
    await saveScreenshot(phone, 'sr-phone-closed');
  });

  it('3. back on the desk: closed, the closure beside the estimate, the timeline in plain words, the van emptier', async () => {
    const id = requests.main!;
    // The detail tab was left open on the request: it shows the closure without a reload.
    await desk.getByText('Closed', { exact: true }).first().waitFor();
    const figures = desk.getByTestId('closure-figures');
    await figures.waitFor();
    const labour = figures.getByRole('row', { name: /Labour \(minutes\)/ });
    expect(await labour.locator('td').allTextContents()).toEqual([expect.stringMatching(/^\d+$/), '90']);
    await figures
      .getByRole('row', { name: /Travel \(km\)/ })
      .getByText('12.5')
      .waitFor();
    await desk.getByText(`2 × FILTER from ${VAN}`, { exact: true }).waitFor();
    await desk.getByText('Replace the air filter', { exact: true }).waitFor();
    await desk.getByText('Filter replaced; the boiler starts and holds pressure.', { exact: true }).waitFor();

    const steps = [
      /^Desk Milano opened the request from the desk, priority high\./,
      /^Desk Milano accepted the request\./,
      /^Desk Milano assigned Mario Rossi \(T-MI-1\) on .* from 1\d:00 to 1\d:00\./,
      /^Mario Rossi \(T-MI-1\) arrived on site and started work/,
      /^Mario Rossi added a note\./,
      /^Mario Rossi closed the request: 1 h 30 min of work \(estimate .*\), 30 min of travel, 12\.5 km, materials: 2 × FILTER from VAN-T-MI-1\. Corrective actions: Replace the air filter\./,
    ];
    const items = timeline(desk).locator('.mantine-Timeline-item');
    await items.nth(steps.length - 1).waitFor();
    const titles = await timeline(desk).locator('.mantine-Timeline-itemTitle').allTextContents();
    expect(titles).toHaveLength(steps.length);
    titles.forEach((title, index) => expect(title).toMatch(steps[index]!));
    await timeline(desk).getByText('Why: Filter clogged with limescale.').waitFor();
    await expectNoSeriousA11yViolations(desk, 'request detail (closed)');
    await saveScreenshot(desk, 'sr-detail-closed');

    await desk
      .getByRole('radiogroup', { name: 'Language' })
      .locator('label')
      .filter({ hasText: 'IT' })
      .click();
    await timeline(desk)
      .getByText(/^Desk Milano ha aperto la richiesta dal desk, priorità alta\./)
      .waitFor();
    const italian = [
      /^Desk Milano ha accettato la richiesta\./,
      /^Desk Milano ha assegnato Mario Rossi \(T-MI-1\) il .* dalle 1\d:00 alle 1\d:00\./,
      /^Mario Rossi \(T-MI-1\) è sul posto e ha iniziato il lavoro/,
      /^Mario Rossi ha aggiunto una nota\./,
      /^Mario Rossi ha chiuso la richiesta: 1 h 30 min di lavoro .*materiali: 2 × FILTER da VAN-T-MI-1\./,
    ];
    for (const text of italian) await timeline(desk).getByText(text).waitFor();
    await desk.getByText('Chiusa', { exact: true }).first().waitFor();
    await saveScreenshot(desk, 'sr-detail-closed-it');
    await expectNoSeriousA11yViolations(desk, 'request detail (closed, it)');
    await desk.getByRole('radiogroup', { name: 'Lingua' }).locator('label').filter({ hasText: 'EN' }).click();
    await timeline(desk)
      .getByText(/^Desk Milano accepted the request\./)
      .waitFor();

    const van = await apiBody<{ itemCode: string; onHand: number }[]>(
      desk,
      'GET',
      `/api/stock?warehouseCode=${VAN}&itemCode=FILTER`,
    );
    expect(van).toEqual([expect.objectContaining({ itemCode: 'FILTER', onHand: 3 })]);
    expect((await apiBody<ServiceRequestDetail>(desk, 'GET', `/api/service-requests/${id}`)).status).toBe(
      'closed',
    );
  });

  it('4. the technician renounces a second job from the phone; it is back to dispatch with the reason', async () => {
    const opened = await apiBody<ServiceRequestDetail>(desk, 'POST', '/api/service-requests', {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      assetCode: 'SN-ACME-1',
      description: 'Water dripping under the boiler.',
      priority: 'normal',
    });
    const id = opened.id;
    requests.renounced = { id, reference: opened.reference };
    await command(desk, `${id}/accept`, {});
    await command(desk, `${id}/assignments`, {
      assignments: [
        { technicianCode: 'T-MI-1', start: await tomorrowInstant(desk, 14), durationMinutes: 60 },
      ],
    });
    await watcher.goto(`${base}/app/requests`);
    await rowOf(watcher, id).getByText('Assigned', { exact: true }).waitFor();

    await phone.goto(`${base}/app/my/agenda`);
    const card = phone.getByTestId('agenda-card').filter({ hasText: opened.reference });
    await card.getByRole('link', { name: new RegExp(opened.reference) }).click();
    await phone.getByRole('heading', { name: `Request ${opened.reference}` }).waitFor();
    await phone.getByRole('group', { name: 'Actions' }).getByRole('button', { name: 'Renounce' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Renounce this job' });
    await dialog
      .getByRole('textbox', { name: /^Reason/ })
      .or(dialog.getByRole('combobox', { name: /^Reason/ }))
      .first()
      .click();
    await phone.getByRole('option', { name: 'Vehicle problem' }).click();
    await dialog.getByRole('textbox', { name: /^Explanation/ }).fill('The van will not start this morning.');
    await saveScreenshot(phone, 'sr-phone-renounce');
    await dialog.getByRole('button', { name: 'Renounce the job' }).click();
    // The job is no longer the technician's: once it is done the phone leaves its sheet (4b).
    await phone.waitForURL(/\/app\/my\/agenda$/);
    await saveScreenshot(phone, 'sr-phone-renounced');

    // The dispatcher's list, open all along, has it back to dispatch.
    await rowOf(watcher, id).getByText('To dispatch', { exact: true }).waitFor();
    await saveScreenshot(watcher, 'sr-list-renounced');
    await openDetail(watcher, id);
    await timeline(watcher)
      .getByText(
        /^Mario Rossi \(T-MI-1\) gave up the visit .*, reason: Vehicle problem\. No technician is left: the request is back to dispatch\./,
      )
      .waitFor();
    await timeline(watcher).getByText('Why: The van will not start this morning.').waitFor();
    const after = await apiBody<ServiceRequestDetail>(watcher, 'GET', `/api/service-requests/${id}`);
    expect(after).toMatchObject({ status: 'accepted', assignments: [] });
  });

  it('4b. after renouncing, the phone is back on the agenda with a notice, and no error', async () => {
    await phone
      .getByText('You renounced the job: it is back with the dispatcher.')
      .waitFor({ timeout: 3_000 });
    expect(phone.url()).toMatch(/\/app\/my\/agenda$/);
    await phone.getByRole('heading', { name: 'My agenda' }).waitFor();
    // The sheet it gave up is not reloaded behind its back: no 404, no red alert.
    expect(await phone.getByRole('alert').count()).toBe(0);
    const { id, reference } = requests.renounced!;
    expect(await phone.getByTestId('agenda-card').filter({ hasText: reference }).count()).toBe(0);
    await expectNoSeriousA11yViolations(phone, 'phone agenda after renouncing');

    // Opened again from its old address, the sheet says the request is no longer visible.
    await phone.goto(`${base}/app/my/requests/${id}`);
    const gone = phone.getByRole('alert');
    await gone.getByText('This request does not exist or is no longer visible to you').waitFor();
    expect(await gone.textContent()).not.toMatch(/not available yet/);
  });

  it('5. a stale screen: one desk cancels, the other then tries to assign and is told, nothing changes', async () => {
    const opened = await apiBody<ServiceRequestDetail>(desk, 'POST', '/api/service-requests', {
      customerCode: 'ACME',
      siteCode: 'S-ACME-1',
      description: 'Annual check asked by the customer.',
      priority: 'low',
    });
    const id = opened.id;
    requests.stale = id;
    await command(desk, `${id}/accept`, {});
    await openDetail(desk, id);
    await openDetail(watcher, id);

    // The second desk starts assigning...
    await watcher
      .getByRole('group', { name: 'What can be done now' })
      .getByRole('button', { name: 'Assign' })
      .click();
    const assign = watcher.getByRole('dialog', { name: 'Assign technicians' });
    await pick(watcher, assign, /^Technician 1/, 'Rossi', /T-MI-1/);
    await assign.getByLabel(/^Start 1/).fill(await tomorrowAt(watcher, 16));

    // ...while the first cancels the request.
    await desk
      .getByRole('group', { name: 'What can be done now' })
      .getByRole('button', { name: 'Cancel request' })
      .click();
    const cancel = desk.getByRole('dialog', { name: 'Cancel the request' });
    await cancel.getByRole('textbox', { name: /^Reason/ }).fill('Customer called: no longer needed.');
    await cancel.getByRole('button', { name: 'Cancel request' }).click();
    await desk.getByText('Cancelled', { exact: true }).first().waitFor();
    const cancelled = await apiBody<ServiceRequestDetail>(desk, 'GET', `/api/service-requests/${id}`);
    // The second desk hears of the cancellation live (behind its open dialog) before it presses
    // Assign: the refusal is then the rules' ("cancelled"), not a race with the notice.
    await watcher.getByText('Cancelled', { exact: true }).first().waitFor();

    await assign.getByRole('button', { name: 'Assign', exact: true }).click();
    const refusal = assign.getByRole('alert');
    await refusal.waitFor();
    const said = (await refusal.textContent()) ?? '';
    expect(said).toMatch(/changed meanwhile|Not possible/);
    expect(said).toMatch(/cancel/i);
    await saveScreenshot(watcher, 'sr-stale-assign-refused');
    await expectNoSeriousA11yViolations(watcher, 'assign dialog with a conflict');

    const after = await apiBody<ServiceRequestDetail>(watcher, 'GET', `/api/service-requests/${id}`);
    expect(after).toMatchObject({ status: 'cancelled', assignments: [], version: cancelled.version });
    const entries = await apiBody<TimelineEntry[]>(
      watcher,
      'GET',
      `/api/service-requests/${id}/timeline?lang=en`,
    );
    expect(entries.map((entry) => entry.type)).toEqual([
      'ServiceRequestOpened',
      'ServiceRequestAccepted',
      'ServiceRequestCancelled',
    ]);
  });
});
