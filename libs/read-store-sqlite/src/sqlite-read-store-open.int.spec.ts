import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteReadStore } from './index';

describe('opening a SQLite read store', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-store-sqlite-open-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the missing folder and leaves the file in WAL with synchronous NORMAL, memory-mapped', async () => {
    const file = join(dir, 'not', 'yet', 'there.db');
    const store = await openSqliteReadStore({ file });
    try {
      await store.commitProjectionBatch({
        projection: 'p',
        expectedCheckpoint: null,
        nextCheckpoint: 1,
        writes: [{ op: 'put', collection: 'docs', document: { _id: 'a' } }],
      });
      const db = (store as unknown as { db: Database.Database }).db;
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      // Read back, it is the size in force: SQLite would cap it at its build's maximum.
      expect(db.pragma('mmap_size', { simple: true })).toBe(1024 ** 3);
    } finally {
      await store.close();
    }
  });

  it('waits while another process holds the lock that switching a new file to WAL needs', async () => {
    const file = join(dir, 'held.db');
    // Another process, since SQLite's busy wait blocks this one's thread (a timer here could not
    // release the lock). It keeps an exclusive lock on the file, still in rollback mode, for 300 ms.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const db = new (require('better-sqlite3'))(process.argv[1]);
         db.exec('CREATE TABLE held (x INTEGER); BEGIN EXCLUSIVE');
         console.log('held');
         setTimeout(() => { db.exec('COMMIT'); db.close(); }, 300);`,
        file,
      ],
      { cwd: join(__dirname, '..', '..', '..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => holder.on('close', resolve));
    await new Promise((resolve, reject) => {
      holder.stdout.once('data', resolve);
      holder.once('close', () => reject(new Error('the lock holder exited before taking the lock')));
    });
    try {
      const store = await openSqliteReadStore({ file, busyTimeoutMs: 5_000 });
      expect(await store.getCheckpoint('p')).toBeNull();
      await store.close();
      const raw = new Database(file, { readonly: true });
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      raw.close();
    } finally {
      await exited;
    }
  }, 20_000);
});
