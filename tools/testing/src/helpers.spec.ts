import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@fieldstream/network';
import { tempDir } from './temp-dir';
import { waitFor } from './wait-for';

describe('freePort', () => {
  it('gives a port that can be listened on', async () => {
    const port = await freePort();
    expect(port).toBeGreaterThan(0);
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });
});

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
