import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { freePort, startRedis, tempDir, type TempDir, type TestRedis } from '@fieldstream/testing';

const REPO_ROOT = resolve(__dirname, '../../..');

/** The children `npm start` runs (start.sh execs main.ts, so these are the launcher's own children). */
function childPids(parent: number): { pid: number; args: string }[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), args: match[2] ?? '' }));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start (launcher main)', () => {
  let dir: TempDir;
  let redis: TestRedis;
  let launcher: ChildProcess | undefined;

  beforeAll(async () => {
    dir = await tempDir();
    redis = await startRedis();
  });
  afterAll(async () => {
    if (launcher && launcher.exitCode === null && launcher.signalCode === null) launcher.kill('SIGKILL');
    await redis.stop();
    await dir.remove();
  });

  it('reports a worker killed after start-up, stops the api and exits non-zero', async () => {
    const port = await freePort();
    launcher = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/launcher/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dir.path,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: 'launcher-main',
        DESK_DIST: join(dir.path, 'no-desk'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    launcher.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    launcher.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = new Promise<number | null>((done) => launcher?.once('close', (code) => done(code)));

    const deadline = Date.now() + 60_000;
    while (
      !stdout.includes('Fieldstream is running at') &&
      Date.now() < deadline &&
      launcher.exitCode === null
    ) {
      await new Promise((done) => setTimeout(done, 100));
    }
    expect(stdout).toContain(`Fieldstream is running at http://127.0.0.1:${port}/`);

    const children = childPids(launcher.pid as number);
    const worker = children.find((child) => child.args.includes('apps/worker/src/main.ts'));
    const api = children.find((child) => child.args.includes('apps/api/src/main.ts'));
    expect(worker).toBeDefined();
    expect(api).toBeDefined();
    process.kill(worker?.pid as number, 'SIGKILL');

    expect(await exit).toBe(1);
    expect(stderr).toMatch(
      /The worker exited unexpectedly \(SIGKILL\); stopping the api\.\nLast lines of the worker:\n\[worker\] /,
    );
    expect(alive(api?.pid as number)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  }, 90_000);
});
