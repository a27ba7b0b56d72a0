import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteReadStore } from './index';

const WORKERS = 4;
const COMMITS = 40;

function runWorker(
  file: string,
  id: number,
  startAt: number,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        join(__dirname, 'fixtures', 'checkpoint-writer.fixture.ts'),
        file,
        String(id),
        String(COMMITS),
        String(startAt),
      ],
      {
        cwd: join(__dirname, '..', '..', '..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('SQLite read store shared by several processes', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-store-mp-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('opens a brand-new file from several processes at once and serialises their batches by checkpoint', async () => {
    const file = join(dir, 'shared.db');
    // Far enough ahead for every process to have loaded its code, so they all open the new file together.
    const startAt = Date.now() + 5_000;
    const results = await Promise.all(
      Array.from({ length: WORKERS }, (_, id) => runWorker(file, id, startAt)),
    );
    for (const r of results) expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    const reports = results.map((r) => JSON.parse(r.stdout) as { commits: number; conflicts: number });
    expect(reports.map((r) => r.commits)).toEqual(Array(WORKERS).fill(COMMITS));

    // The race on the new file must still have ended in WAL (the mode is stored in the file).
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    const store = await openSqliteReadStore({ file });
    try {
      const total = WORKERS * COMMITS;
      expect(await store.getCheckpoint('shared')).toBe(total);
      expect(await store.collection('totals').get('all')).toEqual({ _id: 'all', n: total });
      const events = await store.collection('events').find({}, { sort: { position: 1 } });
      // Compare-and-set let exactly one batch through per checkpoint value: positions 1..total, once each.
      expect(events.map((e) => e['position'])).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    } finally {
      await store.close();
    }
  }, 90_000);

  it('reads through its memory map what another process wrote into the file, as the file grew', async () => {
    const file = join(dir, 'mapped.db');
    const store = await openSqliteReadStore({ file });
    try {
      const docs = store.collection('docs');
      const pad = 'x'.repeat(1_500);
      await docs.bulkWrite(
        Array.from({ length: 500 }, (_, i) => ({
          op: 'put' as const,
          document: { _id: `d${i}`, v: 1, pad },
        })),
      );
      // Into the file itself, then read: these pages now come through this process's map.
      const db = (store as unknown as { db: Database.Database }).db;
      db.pragma('wal_checkpoint(TRUNCATE)');
      expect(await docs.count({ v: 1 })).toBe(500);

      // Another process rewrites every document, adds as many (the file grows past the mapped
      // part) and checkpoints it all into the file while this process keeps its map.
      const writer = spawn(
        process.execPath,
        [
          '-r',
          '@swc-node/register',
          '-e',
          `const { openSqliteReadStore } = require(process.argv[1]);
           (async () => {
             const store = await openSqliteReadStore({ file: process.argv[2] });
             const pad = 'y'.repeat(1500);
             const writes = [];
             for (let i = 0; i < 1000; i++) writes.push({ op: 'put', document: { _id: 'd' + i, v: 2, pad } });
             await store.collection('docs').bulkWrite(writes);
             const [result] = store.db.pragma('wal_checkpoint(TRUNCATE)');
             if (result.busy) throw new Error('checkpoint blocked');
             await store.close();
           })().catch((e) => { console.error(e); process.exitCode = 1; });`,
          join(__dirname, 'sqlite-read-store.ts'),
          file,
        ],
        { cwd: join(__dirname, '..', '..', '..'), stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let stderr = '';
      writer.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise((resolve) => writer.on('close', resolve));
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });

      expect(await docs.count({ v: 1 })).toBe(0);
      const read = await docs.find({ v: 2 });
      expect(read).toHaveLength(1_000);
      expect(read.every((d) => d['pad'] === 'y'.repeat(1_500))).toBe(true);
    } finally {
      await store.close();
    }
  }, 30_000);
});
