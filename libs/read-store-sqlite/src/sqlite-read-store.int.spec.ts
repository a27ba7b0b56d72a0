import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStoreContract } from '@fieldstream/read-store/src/testing';
import { openSqliteReadStore } from './index';

// Created in beforeAll, not at load: a run filtered to other tests skips afterAll too.
let dir = '';
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'read-store-sqlite-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

readStoreContract('sqlite', async () => openSqliteReadStore({ file: join(dir, `store-${n++}.db`) }), {
  atomicBulkWrite: true,
});
