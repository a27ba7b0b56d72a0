import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ENVIRONMENT_VARIABLES } from './environment-variables';

const root = join(__dirname, '../../../..');

/** Variables set by the platform or by tools, not configuration of ours. */
const PLATFORM_VARIABLES = new Set(['NODE_ENV', 'CI', 'HOME', 'PATH', 'JEST_WORKER_ID']);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    // Shell scripts are left out: their own variables cannot be told from the environment's.
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(entry) && path !== __filename) yield path;
  }
}

/** `process.env.X`, `process.env['X']`, and `env.X` / `env['X']` on any object named env. */
function variablesRead(text: string): string[] {
  const names = new Set<string>();
  const patterns = [
    /\benv(?:\?)?\.([A-Z][A-Z0-9_]+)\b/g,
    /\benv(?:\?\.)?\[\s*['"`]([A-Z][A-Z0-9_]+)['"`]\s*\]/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) names.add(match[1] as string);
  return [...names];
}

describe('environment variables', () => {
  it('every variable read anywhere in apps, libs and tools is declared', () => {
    const declared = new Set<string>(ENVIRONMENT_VARIABLES.map((v) => v.name));
    const undeclared: string[] = [];
    let scanned = 0;
    for (const top of ['apps', 'libs', 'tools']) {
      let files: Generator<string>;
      try {
        statSync(join(root, top));
        files = sourceFiles(join(root, top));
      } catch {
        continue;
      }
      for (const file of files) {
        scanned++;
        const text = readFileSync(file, 'utf8');
        for (const name of variablesRead(text)) {
          if (!declared.has(name) && !PLATFORM_VARIABLES.has(name))
            undeclared.push(`${name} in ${relative(root, file)}`);
        }
      }
    }
    expect(scanned).toBeGreaterThan(10);
    expect(undeclared).toEqual([]);
  });

  it('the scanner finds the forms it claims to find', () => {
    const text = 'process.env.ALPHA; process.env[\'BETA\']; env?.GAMMA; const x = env["DELTA"];';
    expect(variablesRead(text).sort()).toEqual(['ALPHA', 'BETA', 'DELTA', 'GAMMA']);
  });
});
