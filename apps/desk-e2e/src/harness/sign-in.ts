import type { Page } from 'playwright-core';
import { E2E_ADMIN } from './start-target';

/**
 * Signs in through the login form on screen, as a person would, and waits for where the role lands
 * (the app frame; a technician's: the agenda).
 * The username box is found by role: a refusal alert is labelled "Username or password..." too.
 */
export async function signIn(
  page: Page,
  credentials: { username: string; password: string } = E2E_ADMIN,
  lands: RegExp = /\/app$/,
): Promise<void> {
  await page.getByRole('textbox', { name: 'Username' }).fill(credentials.username);
  await page.getByLabel(/^Password/).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(lands);
}
