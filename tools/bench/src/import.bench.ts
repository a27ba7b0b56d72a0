/**
 * Bulk-import throughput, as a customer onboarding its installed base sees it: on the demo
 * organisation (seeded first), a CSV of new assets spread over its sites is imported through the
 * import CLI (parse, validate every row against the read models, write, wait for the read model),
 * then imported again (every row unchanged). Beside it, the ceiling measured in the same run: the
 * same number of one-event appends to fresh streams, straight to the event store.
 *
 *   node -r @swc-node/register tools/bench/src/import.bench.ts [--rows 20000] [--keep]
 *
 * Target: a first import of >= 1,000 rows/s on this machine's embedded stores.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parseArgs } from 'node:util';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import { type MasterDataDocument, masterDataCollection } from '@fieldstream/projections';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { runImportCli, runSeedCli } from '@fieldstream/seed';

const TARGET_ROWS_PER_SECOND = 1_000;

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '20000' }, keep: { type: 'boolean', default: false } },
});
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 1) throw new Error('--rows must be a positive whole number');

const rate = (count: number, ms: number) => Math.round((count * 1000) / ms).toLocaleString('en');
const quiet = () => new PassThrough().resume();

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'fieldstream-bench-import-'));
  const context = {
    env: { ...process.env, DATA_DIR: dir },
    cwd: process.cwd(),
    stdout: quiet(),
    stderr: quiet(),
  };
  try {
    process.stdout.write(`Seeding the demo organisation into ${dir}...\n`);
    const seeded = await timed(() => runSeedCli(['--no-progress'], context));
    if (seeded.result !== 0) throw new Error('the seed failed');

    const reads = await openSqliteReadStore({ file: join(dir, 'read-models.sqlite') });
    const sites = await reads.collection<MasterDataDocument>(masterDataCollection('site')).find({});
    const models = await reads.collection<MasterDataDocument>(masterDataCollection('asset-model')).find({});
    await reads.close();
    const lines = ['code,modelCode,siteCode,customerCode,ownership,installedOn,meters'];
    for (let i = 0; i < rows; i++) {
      const site = sites[i % sites.length]!;
      const model = models[i % models.length]!;
      lines.push(
        `BENCH-${String(i).padStart(7, '0')},${model.code},${site.code},${String(site.record['customerCode'])},customer,2025-0${1 + (i % 9)}-1${i % 9},`,
      );
    }
    const file = join(dir, 'assets.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);

    const first = await timed(() => runImportCli(['assets', file, '--no-progress'], context));
    const again = await timed(() => runImportCli(['assets', file, '--no-progress'], context));
    if (first.result !== 0 || again.result !== 0) throw new Error('an import failed');

    // The ceiling: as many one-event appends to fresh streams, nothing else.
    const events = await openSqliteEventStore({ file: join(dir, 'ceiling.sqlite') });
    const ceiling = await timed(async () => {
      const metadata = {
        correlationId: 'c',
        causationId: 'c',
        actorId: 'bench',
        actorRole: 'admin',
        occurredAt: new Date().toISOString(),
      };
      for (let start = 0; start < rows; start += 8) {
        await Promise.all(
          Array.from({ length: Math.min(8, rows - start) }, (_, k) =>
            events.appendToStream(
              `asset-${randomUUID()}`,
              [{ id: randomUUID(), type: 'AssetRegistered', data: { n: start + k }, metadata }],
              'no_stream',
            ),
          ),
        );
      }
    });
    await events.close();

    const firstRate = (rows * 1000) / first.ms;
    process.stdout.write(
      [
        '',
        `rows                         ${rows.toLocaleString('en')} assets over ${sites.length} sites and ${models.length} models`,
        `seed (3,400 records + users) ${(seeded.ms / 1000).toFixed(1)} s`,
        `first import                 ${(first.ms / 1000).toFixed(1)} s   ${rate(rows, first.ms)} rows/s   (parse, validate all, write, read model caught up)`,
        `same file again              ${(again.ms / 1000).toFixed(1)} s   ${rate(rows, again.ms)} rows/s   (every row unchanged, nothing written)`,
        `ceiling: bare appends        ${(ceiling.ms / 1000).toFixed(1)} s   ${rate(rows, ceiling.ms)} appends/s (8 at a time, one event each)`,
        `import / ceiling             ${((firstRate * ceiling.ms) / (rows * 1000)).toFixed(2)}×`,
        `${firstRate >= TARGET_ROWS_PER_SECOND ? 'PASS' : 'MISS'} first import >= ${TARGET_ROWS_PER_SECOND.toLocaleString('en')} rows/s (${rate(rows, first.ms)})`,
        '',
      ].join('\n'),
    );
  } finally {
    if (values.keep) process.stdout.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
