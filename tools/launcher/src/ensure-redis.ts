import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Redis } from 'ioredis';

const LOCAL_DEFAULT = /^redis:\/\/(127\.0\.0\.1|localhost)(:6379)?\/?$/;

/** One PING with a short timeout, no retries: does a Redis answer at this URL now? */
export async function redisAnswers(url: string, timeoutMs = 1_000): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export interface EnsuredRedis {
  url: string;
  /** Set when the launcher started Redis itself; stopping it is then the launcher's job. */
  stop?: () => Promise<void>;
}

/**
 * Uses the Redis at `url` if one answers. Otherwise, only for the default local URL, starts
 * redis-server on 6379 with its data under `dataDir/redis` (append-only file on, so delayed jobs
 * survive a restart). A remote URL that does not answer is the user's to fix: we say so.
 */
export async function ensureRedis(
  url: string,
  dataDir: string,
  binary = 'redis-server',
): Promise<EnsuredRedis> {
  if (await redisAnswers(url)) return { url };
  if (!LOCAL_DEFAULT.test(url)) {
    throw new Error(
      `No Redis answers at REDIS_URL=${url}. Start it, or unset REDIS_URL to let \`npm start\` run a local one.`,
    );
  }
  const dir = join(dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  const child: ChildProcess = spawn(
    binary,
    ['--port', '6379', '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const failure = await Promise.race([spawnError, new Promise<undefined>((r) => setTimeout(r, 100))]);
    if (failure)
      throw new Error(`Cannot start ${binary} (${failure.message}); install the redis-server package.`);
    if (child.exitCode !== null) throw new Error(`${binary} exited with code ${child.exitCode}: ${stderr}`);
    if (await redisAnswers(url)) {
      return {
        url,
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const done = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          await done;
        },
      };
    }
  }
  child.kill('SIGKILL');
  throw new Error(`${binary} did not answer on 6379 within 10 s: ${stderr}`);
}
