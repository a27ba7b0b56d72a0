import type { Page } from 'playwright-core';
import { chromiumPath } from './chromium-path';
import { ensureDeskBuilt } from './ensure-desk-built';
import { launchChromium, type LaunchedChromium } from './launch-chromium';
import { startTarget, type E2eTarget } from './start-target';

export interface BrowserSession {
  target: E2eTarget;
  browser: LaunchedChromium;
  /** The browser's first tab, with a 15 s default timeout. */
  page: Page;
  /** Closes the browser, then stops the system. */
  close(): Promise<void>;
}

/**
 * What every browser test starts with: the desk built if stale, the whole system started with the
 * E2E administrator, and a fresh Chromium with one tab open. Checks for Chromium first, so a
 * missing browser fails clearly before the minutes of building and starting.
 */
export async function openBrowserOnSystem(
  options: { locale?: string; env?: Record<string, string> } = {},
): Promise<BrowserSession> {
  chromiumPath();
  await ensureDeskBuilt();
  const target = await startTarget(options.env ? { env: options.env } : {});
  console.info(`e2e target: the system at ${target.url}`);
  let browser: LaunchedChromium;
  try {
    browser = await launchChromium({ locale: options.locale ?? 'en-US' });
  } catch (error) {
    await target.stop();
    throw error;
  }
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    target,
    browser,
    page,
    close: async () => {
      try {
        await browser.close();
      } finally {
        await target.stop();
      }
    },
  };
}
