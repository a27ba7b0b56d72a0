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

/** Mantine hides the radio itself under its label, so click the label as a user would. */
async function chooseLanguage(name: 'English' | 'Italiano') {
  const option = page
    .getByRole('radiogroup')
    .locator('label')
    .filter({ has: page.getByText(name, { exact: true }) });
  await option.click();
  expect(await page.getByRole('radio', { name }).isChecked()).toBe(true);
}

const htmlLang = () => page.evaluate(() => document.documentElement.lang);
const focusedText = () =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return { tag: element?.tagName, name: element?.getAttribute('name'), text: element?.textContent?.trim() };
  });

describe('login page in a real browser', () => {
  it('redirects / and /app to /login when there is no session', async () => {
    await page.goto(`${session?.target.url}/`);
    await page.waitForURL(/\/login$/);
    await page.goto(`${session?.target.url}/app`);
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  it('is English for an English browser, accessible, and starts with a skip link', async () => {
    expect(await htmlLang()).toBe('en');
    expect(await page.title()).toBe('Sign in · Fieldstream');
    await page.getByLabel('Username').waitFor();
    await expectNoSeriousA11yViolations(page, 'login (en)');
    await saveScreenshot(page, 'login-en');

    await page.keyboard.press('Tab');
    expect(await focusedText()).toMatchObject({ tag: 'A', text: 'Skip to main content' });
  });

  it('switches to Italian from the switcher, keeps the choice across a reload, and stays accessible', async () => {
    await chooseLanguage('Italiano');
    await page.getByRole('heading', { level: 1, name: 'Accedi' }).waitFor();
    expect(await htmlLang()).toBe('it');
    await page.getByLabel('Nome utente').waitFor();
    await expectNoSeriousA11yViolations(page, 'login (it)');
    await saveScreenshot(page, 'login-it');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Accedi' }).waitFor();
    expect(await htmlLang()).toBe('it');
  });

  it('shows a message per field for an empty form, focuses the first, and follows a language switch', async () => {
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByText('Inserisci il nome utente.').waitFor();
    await page.getByText('Inserisci la password.').waitFor();
    expect(await focusedText()).toMatchObject({ tag: 'INPUT', name: 'username' });
    expect(await page.getByLabel('Nome utente').getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousA11yViolations(page, 'login with field errors (it)');
    await saveScreenshot(page, 'login-it-errors');

    await chooseLanguage('English');
    await page.getByText('Enter your username.').waitFor();
    await page.getByText('Enter your password.').waitFor();
    expect(await htmlLang()).toBe('en');
    await saveScreenshot(page, 'login-en-errors');
  });

  it("shows the server's answer to wrong credentials clearly, without signing in", async () => {
    await page.getByLabel('Username').fill('anna');
    await page.getByLabel(/^Password/).fill('secret');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expectNoSeriousA11yViolations(page, 'login refused (en)');
    await saveScreenshot(page, 'login-en-problem');
    const text = await alert.textContent();
    expect(text).toContain('Username or password not recognised');
    expect(text).toMatch(/Server answer: 401 /);
    expect(page.url()).toMatch(/\/login$/);
  });

  it('signs in for real and opens the app frame, accessible in both languages; signing out ends the session', async () => {
    await signIn(page, E2E_ADMIN);
    await page.getByRole('heading', { level: 1, name: 'Welcome, Administrator' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Customers', exact: true })
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'app frame (en)');
    await saveScreenshot(page, 'app-frame-en');
    const token = await page.evaluate(
      () => JSON.parse(sessionStorage.getItem('fieldstream.session') ?? '{}').token as string,
    );

    await chooseLanguage('Italiano');
    await page.getByRole('heading', { level: 1, name: 'Ti diamo il benvenuto, Administrator' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'app frame (it)');
    await saveScreenshot(page, 'app-frame-it');

    await page.getByRole('button', { name: /Menu utente/ }).click();
    await page.getByRole('menuitem', { name: 'Esci' }).click();
    await page.waitForURL(/\/login$/);
    expect(await page.evaluate(() => sessionStorage.getItem('fieldstream.session'))).toBeNull();
    // The token is dead on the server too, not only forgotten by the tab.
    const status = await page.evaluate(
      async (bearer) =>
        (await fetch('/api/auth/me', { headers: { authorization: `Bearer ${bearer}` } })).status,
      token,
    );
    expect(status).toBe(401);
  });

  it('fits a phone screen without losing anything', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${session?.target.url}/login`);
      // The Italian choice made in the app frame was remembered.
      await page.getByRole('heading', { level: 1, name: 'Accedi' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoSeriousA11yViolations(page, 'login on a phone (it)');
      await saveScreenshot(page, 'login-it-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
