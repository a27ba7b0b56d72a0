import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-root';

export const DESK_DIST = join(REPO_ROOT, 'apps/desk/dist');

/** Everything that ends up in the bundle: the desk itself and the shared libraries it imports. */
const BUNDLE_INPUTS = [
  'apps/desk/index.html',
  'apps/desk/vite.config.ts',
  'apps/desk/public',
  'apps/desk/src',
  'libs/api-contract/src',
  'libs/domain/src',
  'package-lock.json',
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, entry) => Math.max(newest, newestMtime(join(path, entry))),
    stat.mtimeMs,
  );
}

/** True when dist/ is missing or older than any of its sources. */
export function deskBuildIsStale(): boolean {
  const built = join(DESK_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return BUNDLE_INPUTS.some((input) => newestMtime(join(REPO_ROOT, input)) > builtAt);
}

/** Runs `vite build` for the desk, output streamed to a buffer shown only when it fails. */
export function buildDesk(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/desk/vite.config.ts'],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`vite build of the desk failed (exit ${code}):\n${output}`)),
    );
  });
}

/** Builds the desk only when needed, so a second run starts at once. */
export async function ensureDeskBuilt(): Promise<{ built: boolean }> {
  if (!deskBuildIsStale()) return { built: false };
  await buildDesk();
  return { built: true };
}
