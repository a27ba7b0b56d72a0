import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// Benchmarks are scripts that nobody runs on every change, so they rot quietly. This runs each
// one on a tiny load to its verdict: it must finish and print its PASS/MISS lines. Figures and
// verdicts themselves are never asserted (timings on a shared machine mean nothing here).
const ROOT = join(__dirname, '..', '..', '..');

/** The board bench starts a whole system and a browser: under CI's parallel load it needs longer. */
const TIMEOUT_MS: Record<string, number> = { 'board.bench.ts': 240_000, 'mqtt-ingestion.bench.ts': 240_000 };

function runBenchmark(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json') },
    encoding: 'utf8',
    timeout: TIMEOUT_MS[script] ?? 120_000,
  });
  return {
    output: `${result.stdout}\n${result.stderr}`,
    signal: result.signal,
    failure: failureOf({ status: result.status, stderr: result.stderr }),
  };
}

/**
 * What a run that exited with an error printed last (its stderr's tail). Asserted before the
 * verdict, so a CI log that only shows the start of a long output still names the cause.
 */
function failureOf(result: { status: number | null; stderr: string }): string | null {
  if (result.status === 0 || result.status === null) return null;
  return `exit ${result.status}:\n${result.stderr.trimEnd().split('\n').slice(-15).join('\n')}`;
}

describe('benchmarks run to their verdict on a tiny load', () => {
  it.each([
    ['append.bench.ts', ['--seconds', '0.3', '--rounds', '1'], {}],
    ['rebuild.bench.ts', ['--events', '5000', '--streams', '200', '--batch-size', '1000'], {}],
    ['subscription-lag.bench.ts', ['--rate', '200', '--seconds', '1'], {}],
    [
      'read-store-query.bench.ts',
      [],
      { BENCH_DOCS: '5000', BENCH_QUERIES: '50', BENCH_UNINDEXED_QUERIES: '2' },
    ],
    ['import.bench.ts', ['--rows', '200'], {}],
    ['service-requests.bench.ts', ['--clients', '4', '--seconds', '1', '--rates', '10'], {}],
    [
      'proposals.bench.ts',
      ['--technicians', '300', '--requests', '5', '--naive-requests', '2', '--warm-up', '1'],
      {},
    ],
    ['board.bench.ts', ['--technicians', '12', '--days', '2', '--per-day', '2', '--runs', '1'], {}],
    [
      'sla-notifications.bench.ts',
      ['--requests', '2000', '--firing', '200', '--window-seconds', '3', '--notifications', '50'],
      {},
    ],
    ['event-stream.bench.ts', ['--events', '2000', '--rounds', '1'], {}],
    ['mqtt-ingestion.bench.ts', ['--assets', '3', '--cycles', '3', '--storm', '300'], {}],
  ])(
    '%s',
    (script, args, env) => {
      const { output, signal, failure } = runBenchmark(script, args, env);
      expect(failure).toBeNull();
      expect(signal).toBeNull();
      expect(output).toMatch(/\b(PASS|MISS)\b/);
      expect(output).not.toMatch(/\n\s+at .+\.ts:\d+/); // no stack trace
    },
    260_000,
  );
});
