import type { Page } from 'playwright-core';
import { chromiumPath } from './harness/chromium-path';
import { ensureDeskBuilt } from './harness/ensure-desk-built';
import { launchChromium, type LaunchedChromium } from './harness/launch-chromium';
import { expectNoSeriousA11yViolations } from './harness/run-axe';
import { saveScreenshot } from './harness/save-screenshot';
import { startTarget, type E2eTarget } from './harness/start-target';

let target: E2eTarget | undefined;
let browser: LaunchedChromium | undefined;
let page: Page;

beforeAll(async () => {
  // Fail first, and clearly, when the browser is missing: no point building and starting the system.
  chromiumPath();
  await ensureDeskBuilt();
  target = await startTarget();
  console.info(`e2e target: the system at ${target.url}`);
  browser = await launchChromium({ locale: 'en-US' });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await target?.stop();
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
    await page.goto(`${target?.url}/`);
    await page.waitForURL(/\/login$/);
    await page.goto(`${target?.url}/app`);
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

  it("shows the server's answer to a filled form clearly, without signing in", async () => {
    await page.getByLabel('Username').fill('anna');
    await page.getByLabel(/^Password/).fill('secret');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    // Authentication is a later issue: the real API has no login route yet, so it answers with a
    // 404 problem, which the page words as "not available"; the page must say so and stay on /login.
    await expectNoSeriousA11yViolations(page, 'login with a server problem (en)');
    await saveScreenshot(page, 'login-en-problem');
    const text = await alert.textContent();
    expect(text).toContain('Sign-in is not available yet');
    expect(text).toMatch(/Server answer: (404|405|501) /);
    expect(page.url()).toMatch(/\/login$/);
  });

  it('opens the empty app frame for a session, accessible in both languages', async () => {
    // Sign-in is a later issue: plant the session the login page would have stored for this tab.
    await page.evaluate(() =>
      sessionStorage.setItem(
        'fieldstream.session',
        JSON.stringify({ token: 'e2e-token', username: 'e2e.dispatcher' }),
      ),
    );
    await page.goto(`${target?.url}/app`);
    await page.getByRole('heading', { level: 1, name: 'Welcome, e2e.dispatcher' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByText(/Navigation by role arrives later/)
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'app frame (en)');
    await saveScreenshot(page, 'app-frame-en');

    await chooseLanguage('Italiano');
    await page.getByRole('heading', { level: 1, name: 'Ti diamo il benvenuto, e2e.dispatcher' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'app frame (it)');
    await saveScreenshot(page, 'app-frame-it');

    await page.getByRole('button', { name: 'Menu utente di e2e.dispatcher' }).click();
    await page.getByRole('menuitem', { name: 'Esci' }).click();
    await page.waitForURL(/\/login$/);
    expect(await page.evaluate(() => sessionStorage.getItem('fieldstream.session'))).toBeNull();
  });

  it('fits a phone screen without losing anything', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(`${target?.url}/login`);
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
