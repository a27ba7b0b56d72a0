import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { freePort } from '@fieldstream/network';
import { tempDir } from './temp-dir';
import { sleep } from './wait-for';

export interface TestRedis {
  url: string;
  port: number;
  /** Graceful: SIGTERM, waits for exit, removes the data directory. */
  stop(): Promise<void>;
  /** Abrupt: SIGKILL, as a crash or an OOM kill would; waits for exit, removes the directory. */
  kill(): Promise<void>;
}

/** Sends one inline PING and resolves true on +PONG, false on anything else or after timeoutMs. */
export function pingRedis(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (chunk) => done(chunk.toString().startsWith('+PONG')));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * A private redis-server for one test file: its own free port and directory, no persistence,
 * so a test may flush, fill or kill it without touching the shared instance on 6379.
 */
export async function startRedis(
  options: { binary?: string; startTimeoutMs?: number } = {},
): Promise<TestRedis> {
  const binary = options.binary ?? process.env['REDIS_SERVER_BIN'] ?? 'redis-server';
  const dir = await tempDir('fieldstream-redis-');
  // Two attempts: the port could be taken between freePort() and redis binding it.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir.path],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));

    const deadline = Date.now() + (options.startTimeoutMs ?? 5_000);
    let ready = false;
    while (Date.now() < deadline && child.exitCode === null) {
      const failed = await Promise.race([spawnError, sleep(25).then(() => undefined)]);
      if (failed) {
        await dir.remove();
        throw new Error(`Cannot start ${binary}: ${failed.message}`);
      }
      if (await pingRedis(port)) {
        ready = true;
        break;
      }
    }
    if (ready) {
      const end = async (signal: NodeJS.Signals) => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
        await exited(child);
        await dir.remove();
      };
      return {
        url: `redis://127.0.0.1:${port}`,
        port,
        stop: () => end('SIGTERM'),
        kill: () => end('SIGKILL'),
      };
    }
    child.kill('SIGKILL');
    await exited(child);
    if (attempt >= 2) {
      await dir.remove();
      throw new Error(`redis-server did not answer PING on port ${port}:\n${output}`);
    }
  }
}
