import { randomBytes } from 'node:crypto';
import { closedPort } from '@fieldstream/network';
import { AttachmentStoreUnavailableError } from '@fieldstream/attachment-store';
import { attachmentStoreContract } from '@fieldstream/attachment-store/src/testing';
import { type GridFsAttachmentStore, connectGridFsAttachmentStore } from './index';

const SKIPPED = 'SKIPPED (no MONGO_URL): GridFS attachment store contract suite';
const url = process.env['MONGO_URL'];

if (url) {
  const opened: GridFsAttachmentStore[] = [];
  afterAll(async () => {
    // Each case had its own database; drop them all through one fresh connection.
    const admin = await connectGridFsAttachmentStore({ url, database: 'fieldstream_contract_cleanup' });
    try {
      for (const store of opened) await admin.dropDatabaseNamed(store.databaseName);
      await admin.dropDatabaseNamed(admin.databaseName);
    } finally {
      await admin.close();
    }
  }, 60_000);
  attachmentStoreContract(
    'gridfs',
    async ({ maxBytes }) => {
      const store = await connectGridFsAttachmentStore({
        url,
        database: `fieldstream_attachments_${randomBytes(6).toString('hex')}`,
        maxBytes,
        serverSelectionTimeoutMS: 5_000,
      });
      opened.push(store);
      return store;
    },
    { leftovers: (store) => (store as GridFsAttachmentStore).leftovers() },
  );
} else {
  describe('GridFS attachment store contract suite', () => {
    // Logged while jest collects the tests, so the line shows in every run that skips it.
    console.log(SKIPPED);
    it.skip(SKIPPED, () => undefined);
  });
}

describe('connecting to MongoDB where no server listens', () => {
  it('fails within the server-selection timeout with AttachmentStoreUnavailableError, without the password', async () => {
    const port = await closedPort();
    const failure = await connectGridFsAttachmentStore({
      url: `mongodb://fieldstream:secret@127.0.0.1:${port}/?directConnection=true`,
      database: 'fieldstream_unreachable',
      serverSelectionTimeoutMS: 400,
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(AttachmentStoreUnavailableError);
    const message = (failure as Error).message;
    expect(message).toContain(`127.0.0.1:${port}`);
    expect(message).toMatch(/did not answer within 400 ms/);
    expect(message).not.toContain('secret');
  }, 20_000);
});
