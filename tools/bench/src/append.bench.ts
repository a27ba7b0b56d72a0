/**
 * Append throughput of the SQLite event store against raw better-sqlite3 inserts of the same rows,
 * measured in the same run on fresh temp files with the same durability (WAL, synchronous=FULL).
 *
 *   node -r @swc-node/register tools/bench/src/append.bench.ts [--seconds 3] [--rounds 3]
 *
 * Scenarios run in rounds, interleaved, so that the machine's load drifts over all of them alike.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { NewEvent } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { appendScenarioPayload, insertRawRows, RAW_INSERT_SQL } from './append-raw';

interface Scenario {
  name: string;
  /** Runs until `until` passes, answering how many events it wrote. */
  run(file: string, until: number, progress: (events: number) => void): Promise<number>;
}

const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const index = args.indexOf(`--${name}`);
  const value = index >= 0 ? Number(args[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
};
const SECONDS = option('seconds', 3);
const ROUNDS = option('rounds', 3);

const rawOnePerTx: Scenario = {
  name: 'raw better-sqlite3, 1 row per transaction',
  run: async (file, until, progress) => insertRawRows(file, 1, until, progress),
};
const rawHundredPerTx: Scenario = {
  name: 'raw better-sqlite3, 100 rows per transaction',
  run: async (file, until, progress) => insertRawRows(file, 100, until, progress),
};
const storeScenario = (name: string, writers: number, eventsPerAppend: number): Scenario => ({
  name,
  run: async (file, until, progress) => {
    const store = await openSqliteEventStore({ file });
    let events = 0;
    try {
      await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          const stream = `bench-${writer}`;
          for (let revision = -1; Date.now() < until;) {
            const batch: NewEvent[] = Array.from({ length: eventsPerAppend }, () => newEvent(revision + 1));
            const result = await store.appendToStream(stream, batch, revision < 0 ? 'no_stream' : revision);
            revision = result.nextExpectedRevision;
            events += eventsPerAppend;
            progress(events);
          }
        }),
      );
    } finally {
      await store.close();
    }
    return events;
  },
});
const storeOneWriter = storeScenario('event store, 1 writer, 1-event appends', 1, 1);
const storeSixtyFour = storeScenario('event store, 64 writers, 1-event appends', 64, 1);
const storeHundred = storeScenario('event store, 1 writer, 100-event appends', 1, 100);

const scenarios = [rawOnePerTx, storeOneWriter, storeSixtyFour, rawHundredPerTx, storeHundred];

function newEvent(n: number): NewEvent {
  const { data, metadata } = appendScenarioPayload(n);
  return { id: randomUUID(), type: 'BenchEventAppended', data, metadata };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fieldstream-append-bench-'));
  const totals = new Map<Scenario, { events: number; ms: number }>(
    scenarios.map((s) => [s, { events: 0, ms: 0 }]),
  );
  const bar = new SingleBar({
    format: 'round {round}/{rounds} [{bar}] {percentage}% | {scenario} | {events} events',
    hideCursor: true,
    clearOnComplete: true,
  });
  const stepCount = ROUNDS * scenarios.length;
  bar.start(stepCount, 0, { round: 1, rounds: ROUNDS, scenario: '', events: 0 });
  let files = 0;
  try {
    // Unmeasured warm-up: the first seconds of a process pay for JIT and for module loading.
    for (const scenario of scenarios) {
      bar.update(0, { round: 'warm-up', scenario: scenario.name, events: 0 });
      await scenario.run(join(dir, `bench-${files++}.db`), Date.now() + 400, () => undefined);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const scenario of scenarios) {
        const step = round * scenarios.length + scenarios.indexOf(scenario);
        bar.update(step, { round: round + 1, scenario: scenario.name, events: 0 });
        const started = performance.now();
        const events = await scenario.run(
          join(dir, `bench-${files++}.db`),
          Date.now() + SECONDS * 1000,
          (n) => {
            if (n % 50 === 0) bar.update(step, { events: n });
          },
        );
        const total = totals.get(scenario)!;
        total.events += events;
        total.ms += performance.now() - started;
      }
    }
    bar.update(stepCount);
  } finally {
    bar.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const rate = (scenario: Scenario): number => {
    const total = totals.get(scenario)!;
    return (total.events / total.ms) * 1000;
  };
  console.log(
    `Append throughput, WAL + synchronous=FULL, ${ROUNDS} rounds of ${SECONDS} s per scenario, after a warm-up`,
  );
  console.log(`(raw rows: ${RAW_INSERT_SQL.replace(/\s+/g, ' ').slice(0, 60)}..., same table and indexes)\n`);
  console.table(
    scenarios.map((scenario) => ({
      scenario: scenario.name,
      'events/s': Math.round(rate(scenario)),
      events: totals.get(scenario)!.events,
    })),
  );
  const targets = [
    { what: '1 writer vs raw 1 row/tx', ratio: rate(storeOneWriter) / rate(rawOnePerTx), target: 0.5 },
    { what: '64 writers vs raw 1 row/tx', ratio: rate(storeSixtyFour) / rate(rawOnePerTx), target: 2 },
    {
      what: '100-event appends vs raw 100 rows/tx',
      ratio: rate(storeHundred) / rate(rawHundredPerTx),
      target: 0.5,
    },
  ];
  console.table(
    targets.map(({ what, ratio, target }) => ({
      comparison: what,
      ratio: Number(ratio.toFixed(2)),
      target: `>= ${target}`,
      result: ratio >= target ? 'PASS' : 'MISS',
    })),
  );
  // A MISS is a figure to read, not a failure of the script: on a loaded machine ratios move, and
  // the smoke test (which runs this on a tiny load) must not turn timing into a verdict.
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
