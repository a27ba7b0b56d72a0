import { runBounded } from './run-bounded';

describe('runBounded', () => {
  it('never has more than the limit in flight and does every item', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await runBounded([...Array(30).keys()], 4, async (item) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push(item);
      inFlight--;
    });
    expect(most).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(30).keys()]);
  });

  it('stops taking work after a failure and rethrows it once the lanes are idle', async () => {
    const started: number[] = [];
    await expect(
      runBounded([...Array(20).keys()], 2, async (item) => {
        started.push(item);
        if (item === 3) throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(started.length).toBeLessThan(20);
  });
});
