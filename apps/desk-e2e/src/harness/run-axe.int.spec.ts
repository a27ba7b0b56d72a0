import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { launchChromium, type LaunchedChromium } from './launch-chromium';
import { expectNoSeriousA11yViolations } from './run-axe';
import { saveScreenshot, SCREENSHOT_DIR } from './save-screenshot';

let browser: LaunchedChromium | undefined;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function pageWith(html: string) {
  const page = await browser!.context.newPage();
  await page.setContent(html);
  return page;
}

describe('harness in a real Chromium', () => {
  it('fails on serious violations and names them', async () => {
    const page = await pageWith(
      '<!doctype html><html lang="en"><title>t</title><body><main>' +
        '<p style="color:#bbb;background:#fff">faint text</p><input type="text"></main></body></html>',
    );
    const error = await expectNoSeriousA11yViolations(page, 'a bad page').then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/serious\/critical violation\(s\) on a bad page/);
    expect(error?.message).toContain('color-contrast');
    expect(error?.message).toContain('label');
    await page.close();
  });

  it('passes a clean page and reports only minor findings', async () => {
    const page = await pageWith(
      '<!doctype html><html lang="en"><head><title>ok</title></head><body><main><h1>Fine</h1>' +
        '<label for="n">Name</label><input id="n" type="text"></main></body></html>',
    );
    const violations = await expectNoSeriousA11yViolations(page, 'a clean page');
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });

  it('saves screenshots under test-output/e2e and refuses odd names', async () => {
    const page = await pageWith(
      '<!doctype html><html lang="en"><title>s</title><body><main>shot</main></body></html>',
    );
    const path = await saveScreenshot(page, 'harness-self-test');
    expect(path).toBe(`${SCREENSHOT_DIR}/harness-self-test.png`);
    expect(existsSync(path)).toBe(true);
    rmSync(path);
    await expect(saveScreenshot(page, '../escape')).rejects.toThrow(/kebab-case/);
    await page.close();
  });

  it('runs with a fresh profile each time, and the profile is gone after close', async () => {
    const other = await launchChromium();
    expect(other.profileDir).not.toBe(browser?.profileDir);
    expect(other.profileDir.startsWith(tmpdir())).toBe(true);
    expect(existsSync(other.profileDir)).toBe(true);
    const page = await other.context.newPage();
    await page.goto('about:blank');
    const userAgent = await page.evaluate(() => navigator.userAgent);
    expect(userAgent).toMatch(/HeadlessChrome|Chrome\//);
    await other.close();
    expect(existsSync(other.profileDir)).toBe(false);
  });
});
