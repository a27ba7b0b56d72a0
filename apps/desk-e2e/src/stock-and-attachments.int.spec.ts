import type { Page } from 'playwright-core';
import { apiFromPage } from './harness/api-from-page';
import { openBrowserOnSystem, type BrowserSession } from './harness/browser-session';
import { expectNoSeriousA11yViolations } from './harness/run-axe';
import { saveScreenshot } from './harness/save-screenshot';
import { signIn } from './harness/sign-in';
import { E2E_ADMIN } from './harness/start-target';

/** A 1×1 PNG, written here so the test needs no fixture file. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let session: BrowserSession | undefined;
let page: Page;

beforeAll(async () => {
  session = await openBrowserOnSystem({ locale: 'en-US' });
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

async function create(plural: string, record: Record<string, unknown>) {
  const answer = await apiFromPage(page, 'POST', `/api/master-data/${plural}`, record);
  if (answer.status !== 201)
    throw new Error(`creating ${plural}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/** Picks an option of one of the form's Mantine selects (labels of required ones end in " *"). */
async function choose(label: string, option: string | RegExp) {
  const name = new RegExp(`^${label}`);
  await form().getByRole('combobox', { name }).or(form().getByRole('textbox', { name })).first().click();
  await page.getByRole('option', { name: option }).first().click();
}

const levelRow = (itemCode: string) =>
  page.getByTestId('stock-levels').locator(`tr[data-item="${itemCode}"]`);
const form = () => page.getByRole('form', { name: 'Record movement' });

describe('stock and attachments of a warehouse, in a real browser against the real system', () => {
  it('signs in as admin and prepares an item and two warehouses through the API', async () => {
    await page.goto(`${session?.target.url}/login`);
    await signIn(page, E2E_ADMIN);

    const units = (await apiFromPage(page, 'GET', '/api/master-data/units?limit=1')).body as {
      items: { code: string }[];
    };
    let unitCode = units.items[0]?.code;
    if (!unitCode) {
      unitCode = 'E2E-HQ';
      await create('units', {
        code: unitCode,
        name: 'Head office',
        type: 'head-office',
        country: 'IT',
        timeZone: 'Europe/Rome',
      });
    }
    await create('items', { code: 'E2E-FILTER', name: 'Boiler filter' });
    await create('warehouses', { code: 'E2E-MAIN', name: 'Main store', type: 'warehouse', unitCode });
    await create('warehouses', { code: 'E2E-SIDE', name: 'Side store', type: 'warehouse', unitCode });
  });

  it('receives 10 and sees the level', async () => {
    await page.goto(`${session?.target.url}/app/md/warehouses/E2E-MAIN`);
    await page.getByRole('heading', { level: 1, name: 'Warehouse E2E-MAIN' }).waitFor();
    await page.getByRole('tab', { name: 'Stock' }).click();
    await page.getByText('No stock here yet.').waitFor();
    await expectNoSeriousA11yViolations(page, 'empty stock tab');

    await choose('Item', /E2E-FILTER/);
    await form()
      .getByRole('textbox', { name: /^Quantity/ })
      .fill('10');
    await form()
      .getByRole('textbox', { name: /^Reason/ })
      .fill('Delivery note 42');
    await form().getByRole('button', { name: 'Record' }).click();
    await page.getByText('Movement recorded.').waitFor();
    await levelRow('E2E-FILTER').getByTestId('available').filter({ hasText: /^10$/ }).waitFor();
    expect(await levelRow('E2E-FILTER').textContent()).toContain('Boiler filter');
  });

  it('transfers 3 to the other warehouse and sees both levels move', async () => {
    await choose('Movement', 'Transfer');
    // The item stays chosen from the last movement, as for the next line of a delivery note.
    expect(await form().getByRole('combobox', { name: /^Item/ }).inputValue()).toMatch(/E2E-FILTER/);
    await form()
      .getByRole('textbox', { name: /^Quantity/ })
      .fill('3');
    await choose('Destination', /E2E-SIDE/);
    await form()
      .getByRole('textbox', { name: /^Reason/ })
      .fill('Restock side store');
    await form().getByRole('button', { name: 'Record' }).click();
    await page.getByText('Movement recorded.').waitFor();
    await levelRow('E2E-FILTER').getByTestId('available').filter({ hasText: /^7$/ }).waitFor();

    const movements = page.getByTestId('stock-movements');
    await movements.getByText('Transferred out').waitFor();
    await movements.getByText('Received').waitFor();
    expect(await movements.getByText('Administrator').count()).toBeGreaterThanOrEqual(2);

    const side = (await apiFromPage(page, 'GET', '/api/stock?warehouseCode=E2E-SIDE')).body as {
      available: number;
    }[];
    expect(side.map((level) => level.available)).toEqual([3]);
    await saveScreenshot(page, 'stock-after-transfer');
  });

  it('refuses to issue more than is available, saying how many there are', async () => {
    await choose('Movement', 'Issue');
    await form()
      .getByRole('textbox', { name: /^Quantity/ })
      .fill('20');
    await form()
      .getByRole('textbox', { name: /^Reason/ })
      .fill('Job 7');
    await form().getByRole('button', { name: 'Record' }).click();
    await page.getByRole('alert').filter({ hasText: 'Only 7 available; 20 were asked for.' }).waitFor();
    await levelRow('E2E-FILTER').getByTestId('available').filter({ hasText: /^7$/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'stock tab with a shortage');
    await saveScreenshot(page, 'stock-shortage');

    await form()
      .getByRole('textbox', { name: /^Quantity/ })
      .fill('7');
    await form().getByRole('button', { name: 'Record' }).click();
    await page.getByText('Movement recorded.').waitFor();
    await levelRow('E2E-FILTER').getByText('0 — none available').waitFor();
    expect(await levelRow('E2E-FILTER').getAttribute('data-shortage')).toBe('true');
  });

  it('attaches a PNG, lists and previews it, refuses a program, then deletes the PNG', async () => {
    await page.getByRole('tab', { name: 'Attachments' }).click();
    await page.getByText('No files attached yet.').waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: 'tiny.png',
      mimeType: 'image/png',
      buffer: TINY_PNG,
    });
    await page.getByText('tiny.png attached.').waitFor();
    const row = page.getByTestId('attachments').locator('tr[data-attachment="tiny.png"]');
    await row.getByText('image/png').waitFor();
    await row.getByText(/by Administrator/).waitFor();
    await expectNoSeriousA11yViolations(page, 'attachments tab');

    await row.getByRole('button', { name: 'Preview tiny.png' }).click();
    const preview = page.getByRole('dialog', { name: 'Preview of tiny.png' });
    const image = preview.getByRole('img', { name: 'tiny.png' });
    await image.waitFor();
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="attachment-preview"]') as HTMLImageElement | null)
          ?.naturalWidth === 1,
    );
    await expectNoSeriousA11yViolations(page, 'attachment preview');
    await saveScreenshot(page, 'attachment-preview');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });

    await page.locator('input[type=file]').setInputFiles({
      name: 'setup.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(256, 0)]),
    });
    await page.getByRole('alert').filter({ hasText: 'This type of file cannot be attached.' }).waitFor();
    await saveScreenshot(page, 'attachment-refused');

    await row.getByRole('button', { name: 'Delete tiny.png' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this file?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page.getByText('No files attached yet.').waitFor();
    const left = (await apiFromPage(page, 'GET', '/api/attachments?ownerKind=warehouses&ownerCode=E2E-MAIN'))
      .body;
    expect(left).toEqual([]);
  });

  it('reads the stock tab in Italian, still accessible', async () => {
    await page
      .getByRole('radiogroup', { name: 'Language' })
      .locator('label')
      .filter({ hasText: 'IT' })
      .click();
    await page.getByRole('tab', { name: 'Magazzino' }).click();
    await page.getByRole('heading', { name: 'Registra movimento' }).waitFor();
    await levelRow('E2E-FILTER').getByText('0 — nessuno disponibile').waitFor();
    await expectNoSeriousA11yViolations(page, 'stock tab (it)');
    await saveScreenshot(page, 'stock-it');
  });
});
