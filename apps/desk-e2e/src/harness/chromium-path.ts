import { accessSync, constants } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's Chromium, never a browser downloaded by Playwright: the same binary on every machine,
 * updated by the OS. CHROMIUM_PATH overrides it for other distributions.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env['CHROMIUM_PATH'] || DEFAULT_CHROMIUM;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new Error(
      `End-to-end tests need Chromium at ${path}, and it is missing or not executable. ` +
        `Install Debian's package with "sudo apt-get install -y chromium" (the README's test command does it), ` +
        `or point CHROMIUM_PATH at a Chromium binary.`,
    );
  }
  return path;
}
