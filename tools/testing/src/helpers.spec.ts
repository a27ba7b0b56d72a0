import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tempDir } from './temp-dir';
import { waitFor } from './wait-for';

describe('tempDir', () => {
  it('creates a directory under the OS temp dir and removes it with its content', async () => {
    const dir = await tempDir();
    expect(dir.path.startsWith(tmpdir())).toBe(true);
    writeFileSync(join(dir.path, 'file.txt'), 'x');
    await dir.remove();
    expect(existsSync(dir.path)).toBe(false);
    await dir.remove();
  });
});

describe('waitFor', () => {
  it('returns the first truthy value of the probe', async () => {
    let calls = 0;
    const value = await waitFor(() => (++calls >= 3 ? `after ${calls}` : undefined), { intervalMs: 1 });
    expect(value).toBe('after 3');
  });

  it('times out naming what it waited for and the last error', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('not yet');
        },
        { timeoutMs: 30, intervalMs: 5, description: 'the moon' },
      ),
    ).rejects.toThrow(/waiting for the moon; last error: not yet/);
  });
});
