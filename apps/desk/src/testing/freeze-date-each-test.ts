/**
 * Freezes the screen's clock (`Date`) at `now` for each test, and only that: timers, animation
 * frames and microtasks still run for real, so React Query, Mantine and the stub server behave as
 * in the browser while countdowns and "x minutes ago" read a known instant.
 * Call at the top of a spec file.
 */
export function freezeDateEachTest(now: number): void {
  beforeEach(() => {
    jest.useFakeTimers({
      now,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });
  afterEach(() => jest.useRealTimers());
}
