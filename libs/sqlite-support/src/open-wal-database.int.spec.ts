import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseLockedError, openWalDatabase, type OpenWalDatabaseOptions } from './open-wal-database';

describe('openWalDatabase', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sqlite-support-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const options = (file: string, extra: Partial<OpenWalDatabaseOptions> = {}): OpenWalDatabaseOptions => ({
    file,
    busyTimeoutMs: 0,
    openDeadlineMs: 5_000,
    synchronous: 'FULL',
    initialise: (db) => db.exec('CREATE TABLE IF NOT EXISTS t (x INTEGER)'),
    ...extra,
  });

  it('creates the missing folder and opens in WAL with the synchronous level asked for', async () => {
    for (const [synchronous, level] of [
      ['FULL', 2],
      ['NORMAL', 1],
    ] as const) {
      const db = await openWalDatabase(options(join(dir, 'new', synchronous, 'a.db'), { synchronous }));
      try {
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(db.pragma('synchronous', { simple: true })).toBe(level);
        expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").get()).toEqual({ name: 't' });
      } finally {
        db.close();
      }
    }
  });

  it('keeps retrying while another connection holds the lock that switching to WAL needs', async () => {
    const file = join(dir, 'locked.db');
    const holder = new Database(file);
    holder.exec('CREATE TABLE held (x INTEGER); BEGIN EXCLUSIVE');
    const release = setTimeout(() => holder.exec('COMMIT'), 200);
    try {
      const db = await openWalDatabase(options(file));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      clearTimeout(release);
      holder.close();
    }
  });

  it('does not take a mode other than WAL for an answer', async () => {
    // An in-memory database answers `memory` to the switch, as a file can answer its old mode
    // while another process is switching it: both must be refused, not used as if in WAL.
    const error = await openWalDatabase(options(':memory:', { openDeadlineMs: 50 })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseLockedError);
    expect((error as Error).message).toMatch(/journal_mode stayed memory/);
  });

  it('gives up with DatabaseLockedError at the deadline, and at once on errors other than busy', async () => {
    const file = join(dir, 'held.db');
    const holder = new Database(file);
    holder.exec('CREATE TABLE held (x INTEGER); BEGIN EXCLUSIVE');
    try {
      await expect(openWalDatabase(options(file, { openDeadlineMs: 100 }))).rejects.toBeInstanceOf(
        DatabaseLockedError,
      );
    } finally {
      holder.close();
    }
    let calls = 0;
    const failing = openWalDatabase(
      options(join(dir, 'bad.db'), {
        initialise: (db) => {
          calls++;
          db.exec('CREATE TABLE (');
        },
      }),
    );
    await expect(failing).rejects.toMatchObject({ code: 'SQLITE_ERROR' });
    expect(calls).toBe(1);
  });

  it('retries the schema step when it meets a busy lock', async () => {
    let calls = 0;
    const db = await openWalDatabase(
      options(join(dir, 'schema.db'), {
        initialise: () => {
          calls++;
          if (calls < 3) throw Object.assign(new Error('locked'), { code: 'SQLITE_BUSY' });
        },
      }),
    );
    db.close();
    expect(calls).toBe(3);
  });
});
