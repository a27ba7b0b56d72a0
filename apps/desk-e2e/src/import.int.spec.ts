import type { Page } from 'playwright-core';
import { apiFromPage } from './harness/api-from-page';
import { openBrowserOnSystem, type BrowserSession } from './harness/browser-session';
import { expectNoSeriousA11yViolations } from './harness/run-axe';
import { saveScreenshot } from './harness/save-screenshot';
import { signIn } from './harness/sign-in';
import { E2E_ADMIN } from './harness/start-target';

let session: BrowserSession | undefined;
let page: Page;

beforeAll(async () => {
  session = await openBrowserOnSystem({ locale: 'en-US' });
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

const BAD_CSV = [
  'code,name,description,certified',
  'GAS,Gas boilers,Combustion analysis,yes',
  'LIFT,,Lift rescue,no',
  'HV,HV switching,,false',
  '',
].join('\r\n');
const GOOD_CSV = BAD_CSV.replace('LIFT,,', 'LIFT,Lift rescue,');

/** The API's answer as the signed-in tab sees it. */
const apiGet = async (path: string) => (await apiFromPage(page, 'GET', path)).body;
const apiPost = async (path: string, body: unknown) => (await apiFromPage(page, 'POST', path, body)).body;

const square = (west: number, south: number, size: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

/** Monday of the current week (UTC), as YYYY-MM-DD: the week the availability screen opens on. */
function mondayOfThisWeek(): string {
  const now = new Date();
  const monday = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7)),
  );
  return monday.toISOString().slice(0, 10);
}

/** A small organisation in one multi-kind document, through the same import API. */
function organisation() {
  const weekday = [{ from: '08:00', to: '17:00' }];
  return {
    calendars: [
      {
        code: 'CAL-IT',
        name: 'Italy working hours',
        purpose: 'working-hours',
        timeZone: 'Europe/Rome',
        weeklyHours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday },
        holidays: { country: 'IT' },
      },
      {
        code: 'CAL-T1',
        name: 'Anna Rossi personal',
        purpose: 'technician',
        timeZone: 'Europe/Rome',
        exceptions: [{ kind: 'closed', from: mondayOfThisWeek(), to: mondayOfThisWeek(), reason: 'leave' }],
      },
    ],
    units: [
      {
        code: 'HQ',
        name: 'Head office',
        type: 'head-office',
        country: 'IT',
        timeZone: 'Europe/Rome',
        calendarCode: 'CAL-IT',
      },
      {
        code: 'MI',
        name: 'Milano centre',
        type: 'service-centre',
        parentCode: 'HQ',
        country: 'IT',
        timeZone: 'Europe/Rome',
      },
      {
        code: 'TO',
        name: 'Torino centre',
        type: 'service-centre',
        parentCode: 'HQ',
        country: 'IT',
        timeZone: 'Europe/Rome',
      },
    ],
    zones: [
      { code: 'Z-MI', name: 'Milano', unitCode: 'MI', geometry: square(9.0, 45.35, 0.3) },
      { code: 'Z-TO', name: 'Torino', unitCode: 'TO', geometry: square(7.55, 44.95, 0.3) },
    ],
    technicians: [{ code: 'T1', name: 'Anna Rossi', unitCode: 'MI', calendarCode: 'CAL-T1' }],
    customers: [{ code: 'ACME', name: 'Acme Banca' }],
    sites: [
      {
        code: 'S1',
        name: 'Filiale Duomo',
        customerCode: 'ACME',
        address: { city: 'Milano', country: 'IT' },
        location: { lat: 45.46, lon: 9.19 },
        zoneCode: 'Z-MI',
        timeZone: 'Europe/Rome',
      },
      {
        code: 'S2',
        name: 'Filiale Lingotto',
        customerCode: 'ACME',
        address: { city: 'Torino', country: 'IT' },
        location: { lat: 45.03, lon: 7.66 },
        zoneCode: 'Z-TO',
        timeZone: 'Europe/Rome',
      },
    ],
  };
}

async function chooseFile(name: string, content: string) {
  await page
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await page.getByText(`File: ${name}`).waitFor();
}

describe('import of master data in a real browser, against the real system', () => {
  it('signs in as admin and opens the import screen', async () => {
    await page.goto(`${session?.target.url}/login`);
    await signIn(page, E2E_ADMIN);
    await page.goto(`${session?.target.url}/app/import`);
    await page.getByRole('heading', { level: 1, name: 'Import master data' }).waitFor();
    await page.getByRole('combobox', { name: /^Kind/ }).click();
    await page.getByRole('option', { name: 'Skills', exact: true }).click();
    const template = page.getByRole('link', { name: 'Download a CSV template (skills)' });
    expect(decodeURIComponent((await template.getAttribute('href')) ?? '')).toBe(
      'data:text/csv;charset=utf-8,code,name,description,certified\r\n',
    );
    await expectNoSeriousA11yViolations(page, 'import screen (en)');
    await saveScreenshot(page, 'import-empty');
  });

  it('rejects a file with one bad row, naming its line and field, and writes nothing', async () => {
    await chooseFile('skills.csv', BAD_CSV);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const report = page.getByRole('alert').filter({ hasText: 'The file was rejected' });
    await report.waitFor();
    expect(await report.textContent()).toContain('Nothing was written.');
    const rows = report.getByRole('row');
    expect(await rows.count()).toBe(2);
    const cells = await rows.nth(1).getByRole('cell').allTextContents();
    expect(cells.slice(0, 2)).toEqual(['3', 'name']);
    await expectNoSeriousA11yViolations(page, 'import rejected');
    await saveScreenshot(page, 'import-rejected');
    expect(await apiGet('/api/master-data/skills')).toMatchObject({ total: 0 });
  });

  it('validates and then imports the fixed file, with its counts', async () => {
    await chooseFile('skills-fixed.csv', GOOD_CSV);
    await page.getByRole('button', { name: 'Validate only' }).click();
    const validated = page.getByRole('status').filter({ hasText: 'The file is valid' });
    await validated.waitFor();
    expect(await validated.textContent()).toContain('Nothing has been written yet');
    expect(await apiGet('/api/master-data/skills')).toMatchObject({ total: 0 });

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = page.getByRole('status').filter({ hasText: 'Import complete' });
    await done.waitFor();
    const text = await done.textContent();
    expect(text).toContain('Rows: 3');
    expect(text).toContain('Created: 3');
    expect(text).toContain('Unchanged: 0');
    await expectNoSeriousA11yViolations(page, 'import committed');
    await saveScreenshot(page, 'import-committed');
    const skills = (await apiGet('/api/master-data/skills')) as {
      total: number;
      items: { code: string; record: { certified: boolean } }[];
    };
    expect(skills.total).toBe(3);
    expect(skills.items.find((item) => item.code === 'GAS')?.record.certified).toBe(true);
  });

  it('changes nothing when the same file is imported again', async () => {
    // Choosing the file again clears the previous result, so the counts below are the new run's.
    await chooseFile('skills-again.csv', GOOD_CSV);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const done = page.getByRole('status').filter({ hasText: 'Import complete' });
    await done.waitFor();
    const text = await done.textContent();
    expect(text).toContain('Created: 0');
    expect(text).toContain('Changed: 0');
    expect(text).toContain('Unchanged: 3');
    await saveScreenshot(page, 'import-unchanged');
  });
});

describe('map and availability of an imported organisation', () => {
  it('imports an organisation as one JSON document through the API', async () => {
    const { importId } = (await apiPost('/api/imports', organisation())) as { importId: string };
    let status: { status?: string; errors?: unknown[] } = {};
    for (
      let attempt = 0;
      attempt < 100 && !['committed', 'rejected', 'failed'].includes(status.status ?? '');
      attempt++
    ) {
      await page.waitForTimeout(300);
      status = (await apiGet(`/api/imports/${importId}`)) as typeof status;
    }
    expect(status).toMatchObject({ status: 'committed', errors: [] });
  });

  it('draws zones and sites without background tiles, says so, and shows a site', async () => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${session?.target.url}/app/map`);
    await page.getByRole('heading', { level: 1, name: 'Zones and sites' }).waitFor();
    await page.getByText('Zones shown: 2 · sites shown: 2').waitFor();
    await page.getByText(/^Background map unavailable/).waitFor();
    // Zones and sites are drawn in Leaflet's canvas; no tile images were left broken.
    await page.locator('.leaflet-container canvas').first().waitFor();
    expect(await page.locator('.leaflet-tile').count()).toBe(0);
    const broken = await page.evaluate(
      () => [...document.images].filter((image) => image.complete && image.naturalWidth === 0).length,
    );
    expect(broken).toBe(0);
    await expectNoSeriousA11yViolations(page, 'map (en)');
    await saveScreenshot(page, 'map-offline');

    await page.getByRole('combobox', { name: 'Find a site' }).click();
    await page.getByRole('option', { name: 'Filiale Duomo (S1)' }).click();
    const details = page.getByTestId('map-site-details');
    await details.getByRole('heading', { name: 'Filiale Duomo' }).waitFor();
    const text = await details.textContent();
    expect(text).toContain('Code: S1');
    expect(text).toContain('Customer: Acme Banca (ACME)');
    expect(text).toContain('Zone: Milano (Z-MI)');
    expect(await details.getByRole('link', { name: "Open the site's record" }).getAttribute('href')).toBe(
      '/app/md/sites/S1',
    );
    await expectNoSeriousA11yViolations(page, 'map with a site (en)');
    await saveScreenshot(page, 'map-site');

    await page.getByRole('combobox', { name: 'Unit' }).click();
    await page.getByRole('option', { name: 'TO', exact: true }).click();
    await page.getByText('Zones shown: 1 · sites shown: 1').waitFor();
    // At most the one probe of the tile server failed: no flood of tile errors.
    expect(errors.length).toBeLessThanOrEqual(1);
  });

  it("shows a technician's layers in their time zone, with the site's intersection", async () => {
    await page.goto(`${session?.target.url}/app/availability`);
    await page.getByRole('heading', { level: 1, name: 'Availability' }).waitFor();
    await page.getByRole('combobox', { name: 'Technician' }).fill('Anna');
    await page.getByRole('option', { name: 'Anna Rossi (T1)' }).click();
    await page.getByText('Times shown in Europe/Rome').waitFor();
    await page.getByText('Closed: leave (Anna Rossi: Anna Rossi personal)').first().waitFor();
    await page.getByText('Anna Rossi available').first().waitFor();

    await page.getByRole('combobox', { name: 'Site' }).fill('Filiale');
    await page.getByRole('option', { name: 'Filiale Duomo (S1)' }).click();
    await page.getByText('Technician available and site accessible').first().waitFor();
    await page.getByRole('button', { name: 'Export iCalendar of CAL-T1' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'availability week (en)');
    await saveScreenshot(page, 'availability-week');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export iCalendar of CAL-T1' }).click();
    expect((await download).suggestedFilename()).toBe('CAL-T1.ics');
  });

  it('speaks Italian on the import, map and availability screens', async () => {
    await page
      .getByRole('radiogroup')
      .locator('label')
      .filter({ has: page.getByText('IT', { exact: true }) })
      .click()
      .catch(async () => page.getByRole('radio', { name: 'Italiano' }).check({ force: true }));
    await page.getByRole('heading', { level: 1, name: 'Disponibilità' }).waitFor();
    await page.getByText('Orari nel fuso Europe/Rome').waitFor();
    await page.getByRole('tab', { name: 'Mese' }).click();
    await page.getByText('Chiuso: leave (Anna Rossi: Anna Rossi personal)').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'availability month (it)');
    await saveScreenshot(page, 'availability-month-it');

    await page.goto(`${session?.target.url}/app/map`);
    await page.getByRole('heading', { level: 1, name: 'Zone e siti' }).waitFor();
    await page.getByText(/^Mappa di sfondo non disponibile/).waitFor();
    await page.goto(`${session?.target.url}/app/import`);
    await page.getByRole('heading', { level: 1, name: 'Importa dati anagrafici' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'import (it)');
    await saveScreenshot(page, 'import-it');
  });
});
