import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteReadStore, type SqliteReadStore } from './index';

/*
 * MongoDB orders strings by UTF-8 bytes (code points). The embedded adapter sorts and compares in
 * two places, SQLite (BINARY collation: UTF-8 bytes) and JS (where `<` compares UTF-16 units and
 * disagrees above U+FFFF), and both must agree. Kept out of the shared contract because mingo, the
 * stand-in other adapters test on, compares UTF-16 units.
 */
describe('SQLite read store string order', () => {
  let dir = '';
  let store: SqliteReadStore;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'read-store-strings-'));
    store = await openSqliteReadStore({ file: join(dir, 'strings.db') });
    await store.collection('items').bulkWrite([
      { op: 'put', document: { _id: 'emoji', s: '\u{1F600}' } },
      { op: 'put', document: { _id: 'replacement', s: '\uFFFD' } },
      { op: 'put', document: { _id: 'ascii', s: 'z' } },
      { op: 'put', document: { _id: 'in-array', s: ['\u{1F600}', 'a'] } },
    ]);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ids = async (...args: Parameters<ReturnType<SqliteReadStore['collection']>['find']>) =>
    (await store.collection('items').find(...args)).map((d) => d._id);

  it('sorts in JS (an array among the results) by code point', async () => {
    expect(await ids({}, { sort: { s: 1 } })).toEqual(['in-array', 'ascii', 'replacement', 'emoji']);
  });

  it('sorts in SQL (no array among the results) by code point', async () => {
    expect(await ids({ _id: { $ne: 'in-array' } }, { sort: { s: -1 } })).toEqual([
      'emoji',
      'replacement',
      'ascii',
    ]);
  });

  it('compares by code point in SQL and in JS', async () => {
    expect((await ids({ s: { $gt: '\uFFFD' } })).sort()).toEqual(['emoji', 'in-array']);
    expect(await store.collection('items').count({ s: { $gt: '\uFFFD' } })).toBe(2);
  });
});
