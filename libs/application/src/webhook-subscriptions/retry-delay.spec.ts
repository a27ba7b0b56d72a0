import { retryDelay } from './retry-delay';

const settings = { initialMs: 1000, maxMs: 60_000, jitter: 0 };

describe('retryDelay', () => {
  it('doubles from the initial wait up to the longest', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50, 5000].map((n) => retryDelay(n, settings, () => 0.5))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('spreads each wait by the jitter, both ways', () => {
    const jittered = { ...settings, jitter: 0.2 };
    expect(retryDelay(3, jittered, () => 0)).toBe(3200);
    expect(retryDelay(3, jittered, () => 0.5)).toBe(4000);
    expect(retryDelay(3, jittered, () => 0.999_999)).toBe(4800);
    // The cap is on the wait before jitter, so failing subscriptions stay spread out.
    expect(retryDelay(40, jittered, () => 0)).toBe(48_000);
    expect(retryDelay(40, { ...settings, jitter: 1 }, () => 0)).toBe(0);
  });
});
