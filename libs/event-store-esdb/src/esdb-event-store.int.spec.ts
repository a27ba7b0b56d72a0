import { closedPort } from '@fieldstream/network';
import { EventStoreUnavailableError } from '@fieldstream/event-store';
import { eventStoreContract } from '@fieldstream/event-store/src/testing';
import { connectEsdbEventStore } from './esdb-event-store.adapter';

const SKIPPED = 'SKIPPED (no ESDB_URL): EventStoreDB contract suite';
const url = process.env['ESDB_URL'];

if (url) {
  // A remote server: slower round trips than the embedded store, hence the longer per-case limit.
  eventStoreContract('eventstoredb', () => connectEsdbEventStore({ connectionString: url }), {
    timeoutMs: 60_000,
  });
} else {
  describe('EventStoreDB contract suite', () => {
    // Logged while jest collects the tests, so the line shows in every run that skips it.
    console.log(SKIPPED);
    it.skip(SKIPPED, () => undefined);
  });
}

describe('connecting to EventStoreDB where no server listens', () => {
  it('fails fast with EventStoreUnavailableError from the connection error, not from a deadline', async () => {
    const port = await closedPort();
    const started = Date.now();
    const failure = await connectEsdbEventStore({
      connectionString: `esdb://127.0.0.1:${port}?tls=false`,
      connectTimeoutMs: 10_000,
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    const elapsed = Date.now() - started;
    expect(failure).toBeInstanceOf(EventStoreUnavailableError);
    expect((failure as Error).message).toMatch(/EventStoreDB is unavailable: .*(UNAVAILABLE|ECONNREFUSED)/);
    expect((failure as Error).message).not.toMatch(/did not answer within/);
    expect((failure as { cause?: unknown }).cause).toBeDefined();
    console.log(`EventStoreDB connection refused after ${elapsed} ms`);
  }, 20_000);

  it('refuses a connection string that is not one, naming the option', async () => {
    await expect(connectEsdbEventStore({ connectionString: 'http://localhost:2113' })).rejects.toThrow(
      /connectionString must be an EventStoreDB connection string/,
    );
    await expect(connectEsdbEventStore({ connectionString: 'esdb://' })).rejects.toThrow(
      /connectionString is not valid/,
    );
  });
});
