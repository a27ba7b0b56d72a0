import { join } from 'node:path';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { type TempDir, tempDir } from '@fieldstream/testing';
import { waitForProjection } from './wait-for-projection';

describe('waiting for a projection (real SQLite read store)', () => {
  let dir: TempDir;
  let reads: ReadStore;
  let checkpoint: number | null = null;
  const advanceTo = async (next: number) => {
    await reads.commitProjectionBatch({
      projection: 'orders',
      expectedCheckpoint: checkpoint,
      nextCheckpoint: next,
      writes: [],
    });
    checkpoint = next;
  };

  beforeAll(async () => {
    dir = await tempDir();
    reads = await openSqliteReadStore({ file: join(dir.path, 'reads.sqlite') });
  });
  afterAll(async () => {
    await reads.close();
    await dir.remove();
  });

  it('answers at once for nothing written or a checkpoint already past', async () => {
    await advanceTo(10);
    await expect(waitForProjection(reads, 'orders', undefined, 1)).resolves.toBe(true);
    await expect(waitForProjection(reads, 'orders', 10, 1)).resolves.toBe(true);
  });

  it('releases every waiter whose position the checkpoint passes, and only those', async () => {
    const settled = new Map<number, boolean>();
    const waits = [12, 15, 20, 40].map((position) =>
      waitForProjection(reads, 'orders', position, 1_500).then((caughtUp) => settled.set(position, caughtUp)),
    );
    await advanceTo(20);
    await Promise.all(waits.slice(0, 3));
    expect([...settled.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [12, true],
      [15, true],
      [20, true],
    ]);
    await Promise.all(waits);
    // 40 was never reached: the waiter gave up at its timeout rather than waiting forever.
    expect(settled.get(40)).toBe(false);
  });

  it('serves hundreds of concurrent waiters from one watcher', async () => {
    const waits = Array.from({ length: 500 }, (_, i) =>
      waitForProjection(reads, 'orders', 21 + (i % 5), 2_000),
    );
    await advanceTo(30);
    await expect(Promise.all(waits)).resolves.toEqual(Array.from({ length: 500 }, () => true));
  });
});
