/**
 * Read-store query benchmark: a dispatcher's queue query ("open requests in my zone, most urgent
 * first, oldest first, 50 per page") over a 1,000,000-document collection in the embedded SQLite
 * read store, with and without its index, in one run.
 *
 *   node -r @swc-node/register tools/bench/src/read-store-query.bench.ts
 *   BENCH_DOCS=200000 BENCH_QUERIES=300 node -r @swc-node/register tools/bench/src/read-store-query.bench.ts
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { SingleBar } from 'cli-progress';
import type { DocumentWrite, Filter, FindOptions, ReadDocument } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { summariseLatencies } from './latency-summary';

const DOCS = Number(process.env['BENCH_DOCS'] ?? 1_000_000);
const QUERIES = Number(process.env['BENCH_QUERIES'] ?? 1_000);
/** Full scans take about a second each at 1M documents: a few are enough for a ratio. */
const UNINDEXED_QUERIES = Number(process.env['BENCH_UNINDEXED_QUERIES'] ?? 5);
const BATCH = 5_000;
const ZONES = 200;
const TARGET_P95_MS = 10;

const STATUSES: [string, number][] = [
  ['open', 0.25],
  ['assigned', 0.2],
  ['in_progress', 0.15],
  ['closed', 0.4],
];
const SKILLS = ['gas', 'water', 'electrical', 'hvac', 'roofing'];

/** Deterministic, so that runs compare (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRequest(i: number, rnd: () => number): ReadDocument {
  let r = rnd();
  let status = 'closed';
  for (const [s, share] of STATUSES) {
    if (r < share) {
      status = s;
      break;
    }
    r -= share;
  }
  const zone = `z-${Math.floor(rnd() * ZONES)}`;
  const created = new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 330 * 86_400_000));
  return {
    _id: `sr-${String(i).padStart(7, '0')}`,
    status,
    zoneId: zone,
    priority: 1 + Math.floor(rnd() * 5),
    createdAt: created.toISOString(),
    customerId: `cu-${Math.floor(rnd() * 50_000)}`,
    title: `Service request ${i}`,
    site: {
      zoneId: zone,
      city: `City ${Math.floor(rnd() * 40)}`,
      postcode: String(10000 + Math.floor(rnd() * 89999)),
    },
    skills: SKILLS.filter(() => rnd() < 0.3),
    slaDueAt: new Date(created.getTime() + 86_400_000).toISOString(),
  };
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

/**
 * The physical limit in this run: the same documents, serialised beforehand, into a bare
 * `(_id, doc)` table with one prepared statement and one transaction, no checks, no checkpoint.
 */
function rawInsertRate(dir: string, documents: ReadDocument[]): number {
  const db = new Database(join(dir, 'raw.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE raw (_id TEXT NOT NULL PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID');
    const insert = db.prepare('INSERT INTO raw (_id, doc) VALUES (?, ?)');
    const rows = documents.map((d) => [d._id, JSON.stringify(d)] as const);
    const t0 = performance.now();
    db.transaction(() => rows.forEach(([id, doc]) => insert.run(id, doc)))();
    return rows.length / ((performance.now() - t0) / 1000);
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-read-store-'));
  const file = join(dir, 'read-store.db');
  const store = await openSqliteReadStore({ file });
  try {
    const requests = store.collection('requests');
    console.log(
      `read-store query benchmark: ${DOCS.toLocaleString('en')} documents in ${file}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    const sample = Array.from({ length: Math.min(DOCS, 100_000) }, (_, i) => makeRequest(i, random(99)));
    console.log(
      `physical limit here: raw SQLite insert of pre-serialised documents ${Math.round(rawInsertRate(dir, sample)).toLocaleString('en')} rows/s`,
    );

    // Built through commitProjectionBatch, the path projections and rebuilds take.
    const rnd = random(17);
    const bar = new SingleBar({
      format: 'building  [{bar}] {percentage}% {value}/{total} docs  {rate} docs/s',
      hideCursor: true,
    });
    bar.start(DOCS, 0, { rate: 0 });
    const buildStart = performance.now();
    let checkpoint: number | null = null;
    let commitMs = 0;
    for (let done = 0; done < DOCS;) {
      const n = Math.min(BATCH, DOCS - done);
      const writes: DocumentWrite[] = [];
      for (let i = 0; i < n; i++)
        writes.push({ op: 'put', collection: 'requests', document: makeRequest(done + i, rnd) });
      const t0 = performance.now();
      await store.commitProjectionBatch({
        projection: 'bench',
        expectedCheckpoint: checkpoint,
        nextCheckpoint: done + n,
        writes,
      });
      commitMs += performance.now() - t0;
      checkpoint = done + n;
      done += n;
      bar.update(done, { rate: Math.round(done / ((performance.now() - buildStart) / 1000)) });
    }
    bar.stop();
    const buildSeconds = (performance.now() - buildStart) / 1000;
    console.log(
      `built in ${buildSeconds.toFixed(1)} s (generating documents included); commitProjectionBatch alone: ` +
        `${Math.round(DOCS / (commitMs / 1000)).toLocaleString('en')} docs/s in batches of ${BATCH}; file ${(statSync(file).size / 1e6).toFixed(0)} MB`,
    );

    const sort = { priority: -1, createdAt: 1 } as const;
    const options: FindOptions = { sort, limit: 50 };
    const filterFor = (i: number): Filter => ({
      status: i % 4 === 3 ? 'assigned' : 'open',
      zoneId: `z-${(i * 37) % ZONES}`,
    });
    console.log(
      `query: find(${JSON.stringify(filterFor(0))}, { sort: ${JSON.stringify(sort)}, limit: 50 }), zone and status varying`,
    );

    const run = async (count: number, label: string, deadlineMs: number): Promise<number[]> => {
      const times: number[] = [];
      const started = performance.now();
      for (let i = 0; i < count && performance.now() - started < deadlineMs; i++) {
        const t0 = performance.now();
        const found = await requests.find(filterFor(i), options);
        times.push(performance.now() - t0);
        // At the full size every zone fills a page; a short one would mean a wrong answer.
        if (DOCS >= 200_000 && found.length !== 50)
          throw new Error(`${label}: expected a full page, got ${found.length}`);
      }
      return times;
    };

    const unindexed = summariseLatencies(await run(UNINDEXED_QUERIES, 'unindexed', 30_000));
    const reference = await requests.find(filterFor(1), options);

    const indexStart = performance.now();
    await requests.ensureIndexes([
      { name: 'dispatch_queue', keys: { status: 1, zoneId: 1, priority: -1, createdAt: 1 } },
    ]);
    const indexSeconds = (performance.now() - indexStart) / 1000;
    console.log(
      `index built in ${indexSeconds.toFixed(1)} s; plan:\n  ${(await requests.explain(filterFor(1), options)).join('\n  ')}`,
    );
    const withIndex = await requests.find(filterFor(1), options);
    if (JSON.stringify(withIndex) !== JSON.stringify(reference))
      throw new Error('indexed and unindexed answers differ');

    await run(50, 'warm-up', 10_000);
    const indexed = summariseLatencies(await run(QUERIES, 'indexed', 60_000));

    console.log('');
    console.log(
      `without index: p50 ${fmt(unindexed.p50)}  p95 ${fmt(unindexed.p95)}  p99 ${fmt(unindexed.p99)}  (${unindexed.count} queries)`,
    );
    console.log(
      `with index:    p50 ${fmt(indexed.p50)}  p95 ${fmt(indexed.p95)}  p99 ${fmt(indexed.p99)}  (${indexed.count} queries)`,
    );
    console.log(`ratio (p50 without / with): ${(unindexed.p50 / indexed.p50).toFixed(0)}x`);
    console.log(
      `target p95 < ${TARGET_P95_MS} ms with index: ${indexed.p95 < TARGET_P95_MS ? 'PASS' : 'MISS'}`,
    );
    console.log(
      `load average at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (2 cores, shared)`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
