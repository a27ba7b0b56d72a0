import { closedPort } from '@fieldstream/network';
import { randomBytes } from 'node:crypto';
import { readStoreContract } from '@fieldstream/read-store/src/testing/read-store.contract';
import { ReadStoreUnavailableError } from './mongo-errors';
import { type MongoReadStore, connectMongoReadStore } from './mongo-read-store.adapter';

const SKIPPED = 'SKIPPED (no MONGO_URL): MongoDB contract suite';
const url = process.env['MONGO_URL'];

if (url) {
  const opened: MongoReadStore[] = [];
  afterAll(async () => {
    // Each case had its own database; drop them all through one fresh connection.
    const admin = await connectMongoReadStore({ url, database: 'admin', serverSelectionTimeoutMS: 5_000 });
    try {
      for (const store of opened) await admin.dropDatabaseNamed(store.databaseName);
    } finally {
      await admin.close();
    }
  }, 60_000);
  // Projections need transactions, so MONGO_URL must be a replica set (one node is enough); with
  // transactions bulkWrite is all or nothing too.
  readStoreContract(
    'mongodb',
    async () => {
      const store = await connectMongoReadStore({
        url,
        database: `fieldstream_contract_${randomBytes(6).toString('hex')}`,
        serverSelectionTimeoutMS: 5_000,
      });
      opened.push(store);
      return store;
    },
    { atomicBulkWrite: true },
  );
} else {
  describe('MongoDB contract suite', () => {
    // Logged while jest collects the tests, so the line shows in every run that skips it.
    console.log(SKIPPED);
    it.skip(SKIPPED, () => undefined);
  });
}

describe('connecting to MongoDB where no server listens', () => {
  it('fails within the server-selection timeout with ReadStoreUnavailableError', async () => {
    const port = await closedPort();
    const started = Date.now();
    const failure = await connectMongoReadStore({
      url: `mongodb://fieldstream:secret@127.0.0.1:${port}/?directConnection=true`,
      database: 'fieldstream_unreachable',
      serverSelectionTimeoutMS: 400,
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const elapsed = Date.now() - started;
    expect(failure).toBeInstanceOf(ReadStoreUnavailableError);
    const message = (failure as Error).message;
    expect(message).toContain(`127.0.0.1:${port}`);
    expect(message).toMatch(/did not answer within 400 ms/);
    expect(message).toMatch(/ECONNREFUSED/);
    // The password in the URL must not leak into errors or logs.
    expect(message).not.toContain('secret');
    expect((failure as { cause?: { name?: string } }).cause?.name).toBe('MongoServerSelectionError');
    console.log(`MongoDB unreachable reported after ${elapsed} ms (serverSelectionTimeoutMS 400)`);
  }, 20_000);

  it('refuses bad options before connecting, naming the option', async () => {
    await expect(connectMongoReadStore({ url: 'postgres://x', database: 'd' })).rejects.toThrow(
      /url must be a MongoDB connection string/,
    );
    await expect(connectMongoReadStore({ url: 'mongodb://127.0.0.1', database: 'a.b' })).rejects.toThrow(
      /database must be/,
    );
    await expect(
      connectMongoReadStore({ url: 'mongodb://127.0.0.1', database: 'd', serverSelectionTimeoutMS: 0 }),
    ).rejects.toThrow(/serverSelectionTimeoutMS/);
    await expect(connectMongoReadStore({ url: 'mongodb://127.0.0.1:99999', database: 'd' })).rejects.toThrow(
      /url is not valid/,
    );
  });
});
