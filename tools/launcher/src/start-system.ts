import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '@fieldstream/network';

export type SystemProcess = 'api' | 'worker';

export interface StartSystemOptions {
  /** HTTP port of the API; 0 picks a free one. Default: $PORT, else 3000. */
  port?: number;
  /** Embedded stores' directory. Default: $DATA_DIR, else ./data (relative to the repository). */
  dataDir?: string;
  /** Default: $REDIS_URL, else redis://127.0.0.1:6379. The launcher does not start Redis. */
  redisUrl?: string;
  /**
   * Receives each line the api and worker print (JSON logs). Default: written to stdout prefixed
   * with the process name. Pass `() => {}` to silence them.
   */
  log?: (line: string, source: SystemProcess) => void;
  /** Extra environment for both processes (QUEUE_PREFIX, LOG_LEVEL, DESK_DIST, ...). */
  env?: Record<string, string>;
  /** How long to wait for /api/health to answer 200 (default 60 s: the first start compiles). */
  readyTimeoutMs?: number;
}

/** A child that died while the system was running, and what it printed last. */
export interface UnexpectedExit {
  process: SystemProcess;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The child's last log lines, oldest first. */
  tail: string[];
  /** Ready to print: which process, how it ended, its tail, and that the other one was stopped. */
  report: string;
}

export interface RunningSystem {
  /** Base URL, e.g. http://127.0.0.1:3000 (the SPA at /, the API under /api). */
  url: string;
  /** Process ids of the children, for operators and tests. */
  pids: Record<SystemProcess, number | undefined>;
  /** SIGTERM to both, waits for them to exit (SIGKILL after 15 s). Safe to call twice. */
  stop(): Promise<void>;
  /**
   * Settles once both children are gone: with the exit that brought the system down when one of
   * them died on its own (the other has then been stopped), or with `undefined` after `stop()`.
   * Half a system must not keep running silently: callers await this and fail loudly.
   */
  exited: Promise<UnexpectedExit | undefined>;
}

const REPO_ROOT = resolve(__dirname, '../../..');
const ENTRY_POINTS: Record<SystemProcess, { main: string; tsconfig: string }> = {
  api: { main: 'apps/api/src/main.ts', tsconfig: 'apps/api/tsconfig.json' },
  worker: { main: 'apps/worker/src/main.ts', tsconfig: 'apps/worker/tsconfig.json' },
};
const STOP_TIMEOUT_MS = 15_000;
const TAIL_LINES = 40;

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

function forwardLines(
  child: ChildProcess,
  source: SystemProcess,
  log: (line: string, source: SystemProcess) => void,
  tail: string[],
): void {
  // Every line is kept in the tail before it reaches `log`: a crash report must not depend on what the caller prints.
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === '') continue;
        tail.push(`[${source}] ${line}`);
        if (tail.length > TAIL_LINES) tail.shift();
        log(line, source);
      }
    });
  }
}

/**
 * The embedded system as two child processes, the same entry points production runs: the API
 * (which also serves the built SPA) and the worker. Resolves once /api/health says ready, which
 * includes the worker having reported through Redis.
 */
export async function startSystem(options: StartSystemOptions = {}): Promise<RunningSystem> {
  const requestedPort = options.port ?? Number(process.env['PORT'] ?? 3000);
  const port = requestedPort === 0 ? await freePort() : requestedPort;
  const host = '127.0.0.1';
  const url = `http://${host}:${port}`;
  const log = options.log ?? ((line, source) => process.stdout.write(`[${source}] ${line}\n`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    PORT: String(port),
    HOST: host,
    DATA_DIR: resolve(REPO_ROOT, options.dataDir ?? process.env['DATA_DIR'] ?? './data'),
    REDIS_URL: options.redisUrl ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  };

  const tails: Record<SystemProcess, string[]> = { api: [], worker: [] };
  const bothTails = () => [...tails.worker, ...tails.api].join('\n');
  const children = new Map<SystemProcess, ChildProcess>();
  // If this process dies first, do not leave orphans holding the port and the SQLite files.
  const killOnExit = () => children.forEach((child) => child.kill('SIGKILL'));
  process.once('exit', killOnExit);

  let crash: UnexpectedExit | undefined;
  let settleExited: (outcome: UnexpectedExit | undefined) => void = () => undefined;
  const exitedPromise = new Promise<UnexpectedExit | undefined>((settle) => (settleExited = settle));

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await Promise.all(
        [...children.values()].map(async (child) => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
          await exited(child);
          clearTimeout(timer);
        }),
      );
      process.removeListener('exit', killOnExit);
      settleExited(crash);
    })());

  let ready = false;
  let earlyExit: ((error: Error) => void) | undefined;
  const failedEarly = new Promise<never>((_, reject) => (earlyExit = reject));
  failedEarly.catch(() => undefined);

  for (const name of ['worker', 'api'] as const) {
    const entry = ENTRY_POINTS[name];
    const child = spawn(process.execPath, ['-r', '@swc-node/register', entry.main], {
      cwd: REPO_ROOT,
      // swc-node reads ./tsconfig.json by default; there is none at the root, and Nest needs the
      // decorator settings of the app's own tsconfig.
      env: { ...env, SWC_NODE_PROJECT: entry.tsconfig },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.set(name, child);
    forwardLines(child, name, log, tails[name]);
    // 'close' rather than 'exit': it comes after the child's output is drained, so the tail is complete.
    child.once('close', (code, signal) => {
      const how = signal ?? `code ${code}`;
      if (!ready) {
        earlyExit?.(new Error(`The ${name} exited (${how}) before the system was ready:\n${bothTails()}`));
        return;
      }
      if (stopped) return;
      const other = name === 'api' ? 'worker' : 'api';
      crash = {
        process: name,
        code,
        signal,
        tail: [...tails[name]],
        report:
          `The ${name} exited unexpectedly (${how}); stopping the ${other}.\n` +
          `Last lines of the ${name}:\n${tails[name].join('\n') || '(none)'}`,
      };
      void stop();
    });
  }

  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let gaveUp = false;
  const healthy = (async () => {
    let last = 'no answer yet';
    while (Date.now() < deadline && !gaveUp) {
      try {
        const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(3_000) });
        if (response.status === 200) return;
        const body = (await response.json().catch(() => ({}))) as {
          checks?: Record<string, { ok?: boolean; detail?: string }>;
        };
        last =
          Object.entries(body.checks ?? {})
            .filter(([, check]) => check.ok === false)
            .map(([name, check]) => `${name}: ${check.detail ?? 'not ok'}`)
            .join('; ') || `HTTP ${response.status}`;
      } catch (error) {
        last = error instanceof Error ? error.message : String(error);
      }
      await new Promise((done) => setTimeout(done, 200));
    }
    throw new Error(
      `The system did not become ready at ${url} within ${options.readyTimeoutMs ?? 60_000} ms (${last}):\n${bothTails()}`,
    );
  })();

  try {
    await Promise.race([healthy, failedEarly]);
  } catch (error) {
    gaveUp = true;
    healthy.catch(() => undefined);
    await stop();
    throw error;
  }
  ready = true;
  earlyExit = undefined;
  return {
    url,
    pids: { api: children.get('api')?.pid, worker: children.get('worker')?.pid },
    stop,
    exited: exitedPromise,
  };
}
