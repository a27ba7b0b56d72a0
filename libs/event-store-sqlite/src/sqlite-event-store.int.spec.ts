import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '@fieldstream/event-store/src/testing';
import { openSqliteEventStore } from './sqlite-event-store.adapter';

const dir = mkdtempSync(join(tmpdir(), 'event-store-sqlite-contract-'));
let files = 0;
eventStoreContract('sqlite', () => openSqliteEventStore({ file: join(dir, `events-${files++}.db`) }), {
  cleanup: async () => rmSync(dir, { recursive: true, force: true }),
});
