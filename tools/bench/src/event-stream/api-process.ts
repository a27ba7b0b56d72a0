import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '@fieldstream/network';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

export interface ApiProcess {
  url: string;
  pid: number | undefined;
  /** Its last lines, for a failure's report. */
  tail: string[];
  stop(): Promise<void>;
}

/**
 * The API alone in its own process, as production runs it (apps/api/src/main.ts), on the embedded
 * stores of `dataDir`. No worker: reading the log needs none, and a worker catching up its
 * projections would share the cores with what is measured.
 */
export async function startApiProcess(dataDir: string, adminPassword: string): Promise<ApiProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: 'apps/api/tsconfig.json',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: adminPassword,
      // Nothing listens there: the API serves without Redis, only its health says so.
      REDIS_URL: 'redis://127.0.0.1:1',
      LOG_LEVEL: 'warn',
      SERVE_DESK: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      tail.push(...chunk.split('\n').filter((line) => line !== ''));
      tail.splice(0, Math.max(0, tail.length - 30));
    });
  }
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`The API exited (code ${child.exitCode}):\n${tail.join('\n')}`);
    try {
      // Public, and answered once the routes are mounted.
      const response = await fetch(`${url}/api/events/asyncapi.json`, { signal: AbortSignal.timeout(3_000) });
      if (response.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API did not answer within 120 s:\n${tail.join('\n')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, pid: child.pid, tail, stop };
}
