import { CHROMIUM_FLAGS, chromiumPath } from './desk-harness';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** sessionStorage key of the desk's session (apps/desk/src/features/auth/api/session-storage.ts). */
const SESSION_STORAGE_KEY = 'fieldstream.session';
const QUIET_MS = 500;
/** The count line until the board's answer is in (apps/desk/…/dispatch-board/i18n/en.json). */
const LOADING_TEXT = 'Loading the board…';
/** How long a board may take to show before the run counts as failed. */
const SHOW_TIMEOUT_MS = 120_000;
// The page-side functions below are serialised into the page, so they repeat their selectors:
// the timeline is [data-testid="dispatch-board-timeline"], and an appointment on it is a link to
// its request (FullCalendar renders an event with a `url` as an <a>).

export interface BoardExpectation {
  /** Rows and appointments the count line must show once the board is loaded. */
  technicians: number;
  appointments: number;
  /** The text of the last row's label (the board orders rows by name). */
  lastRowText: string;
}

export interface BoardRun {
  /** The count line when the board showed, and whether it said the counts in words. */
  countLine: string;
  countLineInWords: boolean;
  /** Navigation-relative ms (performance.now() in the page). */
  visibleMs: number;
  ttiMs: number;
  /** When the desk's document was parsed with its scripts run (DOMContentLoaded ended). */
  domContentLoadedMs: number;
  /** The board API call as the page made it (resource timing): sent, duration, answer arrived. */
  apiStartMs: number;
  apiMs: number;
  apiEndMs: number;
  apiBytes: number;
  longTasks: number;
  longestTaskMs: number;
  /** Sum over long tasks up to TTI of their time beyond 50 ms (Lighthouse's total blocking time). */
  blockingMs: number;
  heapBytes: number;
  eventNodes: number;
  domNodes: number;
  /** Scroll to the bottom until the last row's label is in the DOM; null when nothing scrolls. */
  scrollMs: number | null;
  scrollEventNodes: number | null;
}

export interface BoardBrowser {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

interface BenchWindow {
  __benchLongTasks: [number, number][];
}

/** Headless Debian Chromium with the e2e harness's flags; the desk in English, the unit's zone. */
export async function launchBoardBrowser(timeZone: string): Promise<BoardBrowser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 60_000,
  });
  try {
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: timeZone,
      viewport: { width: 1600, height: 1000 },
      deviceScaleFactor: 1,
    });
    return { browser, context, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Signs in through the login form once; every later tab of the context starts with that session
 * in its sessionStorage (as a tab the desk opened itself would) and with a long-task observer.
 */
export async function signInForBoards(
  context: BrowserContext,
  baseUrl: string,
  credentials: { username: string; password: string },
): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('textbox', { name: 'Username' }).fill(credentials.username);
    await page.getByLabel(/^Password/).fill(credentials.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app$/, { timeout: 30_000 });
    const session = await page.evaluate((key) => sessionStorage.getItem(key), SESSION_STORAGE_KEY);
    if (!session) throw new Error('signed in, but the desk kept no session in sessionStorage');
    await context.addInitScript(
      ({ key, value }) => {
        if (!sessionStorage.getItem(key)) sessionStorage.setItem(key, value);
        const tasks: [number, number][] = [];
        (window as unknown as BenchWindow).__benchLongTasks = tasks;
        try {
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
          }).observe({ type: 'longtask', buffered: true });
        } catch {
          // No long-task timing: TTI is then the time the board showed.
        }
      },
      { key: SESSION_STORAGE_KEY, value: session },
    );
  } finally {
    await page.close();
  }
}

/**
 * Waits in the page until the count line and an appointment show; answers performance.now() then
 * and the count line's text. A count line in words must name every row and appointment; one that
 * is not in words (an untranslated key) only has to have left its loading text, and the answer's
 * counts are then checked on the answer itself.
 */
function waitForBoardShown(
  expected: BoardExpectation & { timeoutMs: number; loadingText: string },
): Promise<{ at: number; countLine: string; inWords: boolean }> {
  const digits = (text: string) => Number(text.replace(/\D/g, ''));
  const countLine = () => document.querySelector('[data-testid="board-count"]')?.textContent ?? '';
  const events = () =>
    document.querySelectorAll('[data-testid="dispatch-board-timeline"] a[href^="/app/requests/"]');
  const counted = (text: string) => {
    const words = /^(.+?) technicians?, (.+?) appointments? in view/.exec(text);
    if (words)
      return digits(words[1]!) === expected.technicians && digits(words[2]!) === expected.appointments;
    return text !== '' && text !== expected.loadingText;
  };
  const anEventVisible = () => {
    for (const event of events()) {
      const box = event.getBoundingClientRect();
      if (box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0)
        if (box.top < innerHeight && box.left < innerWidth) return true;
    }
    return false;
  };
  return new Promise((resolve, reject) => {
    const tick = () => {
      const text = countLine();
      if (counted(text) && anEventVisible())
        resolve({ at: performance.now(), countLine: text, inWords: / in view/.test(text) });
      else if (performance.now() > expected.timeoutMs)
        reject(
          new Error(
            `the board did not show in time; its count line says "${text}", ` +
              `${events().length} appointments are on the timeline`,
          ),
        );
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

/** Waits for QUIET_MS without a long task after `visibleMs`; TTI is the end of the last one before. */
async function waitForQuiet(args: { visibleMs: number; quietMs: number; maxWaitMs: number }) {
  const tasks = (window as unknown as BenchWindow).__benchLongTasks ?? [];
  const started = performance.now();
  for (;;) {
    const lastEnd = tasks.reduce((latest, [start, duration]) => Math.max(latest, start + duration), 0);
    const tti = Math.max(lastEnd, args.visibleMs);
    if (performance.now() - tti >= args.quietMs || performance.now() - started > args.maxWaitMs) {
      const before = tasks.filter(([start]) => start < tti);
      const board = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name.includes('/api/dispatch/board'))
        .pop() as PerformanceResourceTiming | undefined;
      const timeline = document.querySelector('[data-testid="dispatch-board-timeline"]');
      return {
        tti,
        quiet: performance.now() - tti >= args.quietMs,
        longTasks: before.length,
        longestTaskMs: before.reduce((longest, [, duration]) => Math.max(longest, duration), 0),
        blockingMs: before.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
        domContentLoadedMs:
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
            ?.domContentLoadedEventEnd ?? NaN,
        apiStartMs: board ? board.startTime : NaN,
        apiMs: board ? board.responseEnd - board.startTime : NaN,
        apiEndMs: board ? board.responseEnd : NaN,
        apiBytes: board ? board.decodedBodySize : NaN,
        eventNodes: timeline?.querySelectorAll('a[href^="/app/requests/"]').length ?? 0,
        domNodes: document.getElementsByTagName('*').length,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Scrolls the timeline's vertical scroller to the bottom and answers the ms until the last row's
 * label is in the DOM (null when the rows fit and nothing scrolls).
 */
function scrollToLastRow(args: { lastRowText: string; timeoutMs: number }) {
  const root = document.querySelector('[data-testid="dispatch-board-timeline"]');
  if (!root) throw new Error('no timeline');
  const scrollers = [...root.querySelectorAll<HTMLElement>('*')].filter(
    (element) =>
      element.scrollHeight > element.clientHeight + 4 &&
      /(auto|scroll)/.test(getComputedStyle(element).overflowY),
  );
  scrollers.sort((a, b) => b.scrollHeight - a.scrollHeight);
  const scroller = scrollers[0];
  const events = () => root.querySelectorAll('a[href^="/app/requests/"]').length;
  if (!scroller) return Promise.resolve({ ms: null, eventNodes: null, found: true });
  const has = () => (root.textContent ?? '').includes(args.lastRowText);
  const started = performance.now();
  scroller.scrollTop = scroller.scrollHeight;
  return new Promise<{ ms: number | null; eventNodes: number | null; found: boolean }>((resolve) => {
    const check = () => {
      if (has()) {
        const ms = performance.now() - started;
        observer.disconnect();
        // One frame later the rows are painted; their events are counted then.
        requestAnimationFrame(() => resolve({ ms, eventNodes: events(), found: true }));
        return true;
      }
      return false;
    };
    const observer = new MutationObserver(() => void check());
    if (check()) return;
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    setTimeout(() => {
      observer.disconnect();
      resolve({ ms: performance.now() - started, eventNodes: events(), found: false });
    }, args.timeoutMs);
  });
}

/** One measured visit of the board in a fresh tab, closed afterwards. */
export async function measureBoard(
  context: BrowserContext,
  url: string,
  expected: BoardExpectation,
  options: { screenshot?: string } = {},
): Promise<BoardRun> {
  const page: Page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // The body is read as soon as it arrives: Chromium may drop it later (a refetch after a live
    // notice replaces it), and reading it then fails with "No data found for resource".
    const boardAnswer = page
      .waitForResponse((response) => response.url().includes('/api/dispatch/board?'), {
        timeout: SHOW_TIMEOUT_MS,
      })
      .then((response) => response.json() as Promise<{ technicians: unknown[]; appointments: unknown[] }>);
    boardAnswer.catch(() => undefined); // awaited below; a timeout there is the show timeout's
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await page.evaluate(waitForBoardShown, {
      ...expected,
      timeoutMs: SHOW_TIMEOUT_MS,
      loadingText: LOADING_TEXT,
    });
    const visibleMs = shown.at;
    const quiet = await page.evaluate(waitForQuiet, { visibleMs, quietMs: QUIET_MS, maxWaitMs: 30_000 });
    if (!quiet.quiet)
      throw new Error(`the main thread was not quiet for ${QUIET_MS} ms within 30 s of showing`);
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heapBytes = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN;
    if (options.screenshot) await page.screenshot({ path: options.screenshot });
    const scroll = await page.evaluate(scrollToLastRow, {
      lastRowText: expected.lastRowText,
      timeoutMs: 10_000,
    });
    if (!scroll.found)
      throw new Error(`"${expected.lastRowText}" did not show after scrolling to the bottom`);
    if (options.screenshot && scroll.ms !== null)
      await page.screenshot({ path: options.screenshot.replace(/(\.png)?$/, '-scrolled.png') });
    await cdp.detach();
    // Outside the timed part: the answer the page drew holds every row and appointment. Chromium
    // may still have dropped the body under load ("No data found for resource"); the count line
    // the page showed (waited for above) then stands for it.
    const answer = await boardAnswer.catch((error: unknown) => {
      if (/No data found for resource/.test(String(error))) return null;
      throw error;
    });
    if (
      answer &&
      (answer.technicians.length !== expected.technicians ||
        answer.appointments.length !== expected.appointments)
    )
      throw new Error(
        `the page drew ${answer.technicians.length} technicians and ${answer.appointments.length} appointments, ` +
          `expected ${expected.technicians} and ${expected.appointments}`,
      );
    return {
      countLine: shown.countLine,
      countLineInWords: shown.inWords,
      visibleMs,
      ttiMs: quiet.tti,
      domContentLoadedMs: quiet.domContentLoadedMs,
      apiStartMs: quiet.apiStartMs,
      apiMs: quiet.apiMs,
      apiEndMs: quiet.apiEndMs,
      apiBytes: quiet.apiBytes,
      longTasks: quiet.longTasks,
      longestTaskMs: quiet.longestTaskMs,
      blockingMs: quiet.blockingMs,
      heapBytes,
      eventNodes: quiet.eventNodes,
      domNodes: quiet.domNodes,
      scrollMs: scroll.ms,
      scrollEventNodes: scroll.eventNodes,
    };
  } finally {
    await page.close();
  }
}
