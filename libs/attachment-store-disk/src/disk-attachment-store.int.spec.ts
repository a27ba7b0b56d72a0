import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachmentStoreContract } from '@fieldstream/attachment-store/src/testing';
import { type DiskAttachmentStore, openDiskAttachmentStore } from './index';

// Created in beforeAll, not at load: a run filtered to other tests skips afterAll too.
let dir = '';
let n = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'attachment-store-disk-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

attachmentStoreContract(
  'disk',
  async ({ maxBytes }) => openDiskAttachmentStore({ directory: join(dir, `store-${n++}`), maxBytes }),
  { leftovers: (store) => (store as DiskAttachmentStore).leftoverTempFiles() },
);
