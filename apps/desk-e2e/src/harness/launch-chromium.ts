import { tempDir } from '@fieldstream/testing';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath } from './chromium-path';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface LaunchedChromium {
  context: BrowserContext;
  /** The throw-away --user-data-dir, under the OS temp dir. */
  profileDir: string;
  close(): Promise<void>;
}

/**
 * A headless Chromium with a fresh profile in the OS temp dir, removed on close, so no run sees
 * another's storage. Playwright passes the profile as --user-data-dir itself (it refuses the flag
 * in `args`), hence the persistent context.
 */
export async function launchChromium(options: { locale?: string } = {}): Promise<LaunchedChromium> {
  const executablePath = chromiumPath();
  const profile = await tempDir('fieldstream-chromium-');
  try {
    const context = await chromium.launchPersistentContext(profile.path, {
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
      locale: options.locale ?? 'en-US',
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      timeout: 60_000,
    });
    return {
      context,
      profileDir: profile.path,
      close: async () => {
        await context.close();
        await profile.remove();
      },
    };
  } catch (error) {
    await profile.remove();
    throw error;
  }
}
