import { freePort, waitForHttp } from '@fieldstream/testing';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root';

export interface RunningTarget {
  url: string;
  stop(): Promise<void>;
}

/**
 * The built desk served by `vite preview` on a free port: the stand-in for the full system while
 * the launcher is not there. `/api` is proxied to API_PORT, where nothing may listen.
 */
export async function startDeskPreview(): Promise<RunningTarget> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--config',
      'apps/desk/vite.config.ts',
      '--port',
      String(port),
      '--strictPort',
    ],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/`, { timeoutMs: 30_000, description: `vite preview on ${url}` });
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
