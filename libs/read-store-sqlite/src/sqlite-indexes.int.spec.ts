import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DuplicateKeyError } from '@fieldstream/read-store';
import { openSqliteReadStore, type SqliteReadStore } from './index';

describe('SQLite read store indexes', () => {
  let dir = '';
  let file = '';
  let store: SqliteReadStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-store-indexes-'));
    file = join(dir, 'indexes.db');
    store = await openSqliteReadStore({ file });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a unique index over repeated values with DuplicateKeyError, creating nothing', async () => {
    const people = store.collection('people');
    await people.bulkWrite([
      { op: 'put', document: { _id: 'a', email: 'x@example.org' } },
      { op: 'put', document: { _id: 'b', email: 'x@example.org' } },
    ]);
    const error = await people
      .ensureIndexes([{ name: 'by_email', keys: { email: 1 }, unique: true }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateKeyError);
    expect((error as DuplicateKeyError).key).toContain('by_email');
    const db = new Database(file, { readonly: true });
    try {
      const names = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'people'")
        .all();
      expect(names).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('serves an equality + sort + limit query from its expression index, without a sort step', async () => {
    const requests = store.collection('requests');
    await requests.ensureIndexes([{ keys: { status: 1, zoneId: 1, priority: -1, createdAt: 1 } }]);
    await requests.put({ _id: 'r1', status: 'open', zoneId: 'z1', priority: 2, createdAt: '2026-01-01' });
    const plan = (
      await requests.explain(
        { status: 'open', zoneId: 'z1' },
        { sort: { priority: -1, createdAt: 1 }, limit: 50 },
      )
    ).join('\n');
    expect(plan).toMatch(/SEARCH requests USING INDEX requests__status_1_zoneId_1_priority_-1_createdAt_1/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    // The array branch reads the (empty) partial indexes, not the table.
    expect(plan).toMatch(/USING INDEX requests__array__status/);
    expect(plan).not.toMatch(/SCAN requests$/m);
    expect(
      (
        await requests.find(
          { status: 'open', zoneId: 'z1' },
          { sort: { priority: -1, createdAt: 1 }, limit: 50 },
        )
      ).map((d) => d._id),
    ).toEqual(['r1']);
  });

  it('looks every value of a long $in up in the primary key or the expression index', async () => {
    const sites = store.collection('sites');
    await sites.ensureIndexes([{ keys: { centre: 1 } }]);
    await sites.bulkWrite(
      Array.from({ length: 3_000 }, (_, i) => ({
        op: 'put' as const,
        document: { _id: `s${i}`, centre: `c${i % 1_500}` },
      })),
    );
    // 5,000 values each: one term per value went past SQLite's expression depth of 1,000.
    const ids = Array.from({ length: 5_000 }, (_, i) => `s${i * 2}`);
    const centres = Array.from({ length: 5_000 }, (_, i) => `c${i * 3}`);

    const byId = (await sites.explain({ _id: { $in: ids } })).join('\n');
    expect(byId).toMatch(/^SEARCH sites USING PRIMARY KEY \(_id=\?\)$/m);
    expect(byId).not.toMatch(/^SCAN sites/m);
    const byCentre = (await sites.explain({ centre: { $in: centres } })).join('\n');
    expect(byCentre).toMatch(/^SEARCH sites USING INDEX sites__centre_1 \(<expr>=\? AND <expr>=\?\)$/m);
    expect(byCentre).not.toMatch(/^SCAN sites$/m);

    expect((await sites.find({ _id: { $in: ids } })).map((d) => d._id).sort()).toEqual(
      Array.from({ length: 1_500 }, (_, i) => `s${i * 2}`).sort(),
    );
    const inListedCentre = (await sites.find({ centre: { $in: centres } })).map((d) => d['centre'] as string);
    expect(inListedCentre).toHaveLength(1_000);
    expect(inListedCentre.every((c) => Number(c.slice(1)) % 3 === 0)).toBe(true);
    expect(await sites.count({ centre: { $in: centres } })).toBe(1_000);
  });
});
