import type { Page } from 'playwright-core';
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

const nav = () => page.getByRole('navigation', { name: 'Main navigation' });
const textbox = (name: RegExp) => page.getByRole('textbox', { name }).first();

/** Opens a kind's list from the side navigation and starts a new record. */
async function startNewRecord(kindsLabel: string, heading: string) {
  await nav().getByRole('link', { name: kindsLabel, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: kindsLabel }).waitFor();
  await page.getByRole('link', { name: 'New', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

describe('master data in a real browser, against the real system', () => {
  it('signs in as admin and shows the navigation built from what the admin may read', async () => {
    await page.goto(`${session?.target.url}/login`);
    await signIn(page, E2E_ADMIN);
    await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
    for (const section of ['Organisation', 'Customers', 'Catalogue', 'Settings']) {
      await nav().getByRole('group', { name: section }).waitFor();
    }
    await nav().getByRole('link', { name: 'Users', exact: true }).waitFor();
    await nav().getByRole('link', { name: 'Map', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'app frame with navigation (en)');
    await saveScreenshot(page, 'md-app-frame');
  });

  it('creates a skill through the generated form', async () => {
    await startNewRecord('Skills', 'New Skill');
    await textbox(/^Code/).fill('BOILER');
    await textbox(/^Name/).fill('Boiler service');
    await page.getByRole('checkbox', { name: 'Certified' }).check();
    await expectNoSeriousA11yViolations(page, 'new skill form');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/app\/md\/skills\/BOILER$/);
    await page.getByRole('heading', { level: 1, name: 'Skill BOILER' }).waitFor();
    expect(await textbox(/^Name/).inputValue()).toBe('Boiler service');
    await saveScreenshot(page, 'md-skill-created');

    await nav().getByRole('link', { name: 'Skills', exact: true }).click();
    await page.getByRole('link', { name: 'BOILER' }).waitFor();
    await page.getByText('1 record').waitFor();
  });

  it('creates a customer, then renames it', async () => {
    await startNewRecord('Customers', 'New Customer');
    await textbox(/^Code/).fill('ACME');
    await textbox(/^Name/).fill('ACME S.p.A.');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/app\/md\/customers\/ACME$/);
    await page.getByRole('heading', { level: 1, name: 'Customer ACME' }).waitFor();

    await textbox(/^Name/).fill('ACME Industries');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    expect(await textbox(/^Name/).inputValue()).toBe('ACME Industries');
    await saveScreenshot(page, 'md-customer-renamed');
  });

  it("shows the API's 400 field error on the e-mail field and keeps the record unchanged", async () => {
    await textbox(/^E-mail/).fill('not-an-email');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Some fields need attention').waitFor();
    const email = textbox(/^E-mail/);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    const message = await page
      .locator(`[id="${describedBy.split(' ').find((id) => id.endsWith('error'))}"]`)
      .textContent();
    expect(message).toMatch(/e-mail/i);
    await expectNoSeriousA11yViolations(page, 'customer with a field error');
    await saveScreenshot(page, 'md-customer-email-error');
    await page.getByRole('button', { name: 'Discard changes' }).click();
    await page.waitForFunction(() => !document.body.textContent?.includes('Some fields need attention'));
    expect(await textbox(/^E-mail/).inputValue()).toBe('');
  });

  it('shows the rename in the history tab: who, role, what changed, the record at that version', async () => {
    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByTestId('record-history');
    await history.getByText('Version 2').waitFor();
    await history.getByText('Changed: name').waitFor();
    await history
      .getByText(/by Administrator \(Administrator\)/)
      .first()
      .waitFor();
    await history.getByText('Created').waitFor();
    await history.getByRole('button', { name: /Version 2/ }).click();
    await history.getByText(/"name": "ACME Industries"/).waitFor();
    await expectNoSeriousA11yViolations(page, 'customer history');
    await saveScreenshot(page, 'md-customer-history');
  });

  it('retires the customer with a reason; it leaves the active list', async () => {
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByRole('button', { name: 'Retire' }).click();
    const dialog = page.getByRole('dialog', { name: 'Retire this record' });
    await dialog.getByRole('textbox', { name: /^Reason/ }).fill('Duplicate of another customer');
    await dialog.getByRole('button', { name: 'Retire' }).click();
    await page.getByRole('button', { name: 'Reinstate' }).waitFor();
    await page.getByText('Retired', { exact: true }).first().waitFor();
    await saveScreenshot(page, 'md-customer-retired');

    await nav().getByRole('link', { name: 'Customers', exact: true }).click();
    await page.getByText('0 records').waitFor();
    await page.getByRole('radiogroup').locator('label').filter({ hasText: 'Retired' }).click();
    await page.getByRole('link', { name: 'ACME' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'customers list, retired');
    await saveScreenshot(page, 'md-customers-retired-list');
  });

  it('reads the same screens in Italian, still accessible', async () => {
    await page
      .getByRole('radiogroup', { name: 'Language' })
      .locator('label')
      .filter({ hasText: 'IT' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Clienti' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Navigazione principale' })
      .getByRole('group', { name: 'Organizzazione' })
      .waitFor();
    await page.getByRole('link', { name: 'ACME' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cliente ACME' }).waitFor();
    await page.getByRole('button', { name: 'Ripristina' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'customer record (it)');
    await saveScreenshot(page, 'md-customer-it');
  });
});
