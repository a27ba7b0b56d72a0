import { join } from 'node:path';
import type { Decider } from '@fieldstream/domain';
import type { EventStore, ReadStreamOptions } from '@fieldstream/event-store';
import { openSqliteEventStore, type SqliteEventStore } from '@fieldstream/event-store-sqlite';
import { type TempDir, tempDir } from '@fieldstream/testing';
import { systemContext } from './command-context';
import { executeCommand, loadStream } from './execute-command';

/** A counter that refuses to go past a limit: small, and enough to see every path of the cache. */
type CounterEvent = { type: 'Added'; data: { amount: number } };
type CounterCommand = { type: 'add'; amount: number };
interface CounterState {
  total: number;
  history: number[];
}
const LIMIT = 100;
const counter: Decider<CounterState, CounterCommand, CounterEvent> = {
  initialState: { total: 0, history: [] },
  evolve: (state, event) => ({
    total: state.total + event.data.amount,
    history: [...state.history, event.data.amount],
  }),
  decide: (command, state) => {
    if (state.total + command.amount > LIMIT) throw new Error(`over the limit at ${state.total}`);
    return [{ type: 'Added', data: { amount: command.amount } }];
  },
};

/** The real store, with a record of where each stream read started (what the cache spares). */
function watchReads(store: EventStore): { store: EventStore; from: number[] } {
  const from: number[] = [];
  const watched: EventStore = {
    appendToStream: (...args) => store.appendToStream(...args),
    readStream: (streamName: string, options: ReadStreamOptions) => {
      from.push(options.fromRevision ?? 0);
      return store.readStream(streamName, options);
    },
    readAll: (options) => store.readAll(options),
    subscribeToAll: (options) => store.subscribeToAll(options),
    headPosition: () => store.headPosition(),
    health: () => store.health(),
    close: () => store.close(),
  };
  return { store: watched, from };
}

const context = (key?: string) => ({
  ...systemContext('2026-11-26T10:00:00Z', 'test'),
  ...(key ? { idempotencyKey: key } : {}),
});
const add = (amount: number): CounterCommand => ({ type: 'add', amount });

describe('folded streams kept between commands (real SQLite, two connections as two processes)', () => {
  let dir: TempDir;
  let mine: SqliteEventStore;
  let other: SqliteEventStore;

  beforeAll(async () => {
    dir = await tempDir();
    const file = join(dir.path, 'events.sqlite');
    mine = await openSqliteEventStore({ file });
    other = await openSqliteEventStore({ file });
  });
  afterAll(async () => {
    await mine.close();
    await other.close();
    await dir.remove();
  });

  it('reads only what was appended since the last fold, and folds the same state as a full read', async () => {
    const { store, from } = watchReads(mine);
    for (const amount of [1, 2, 3]) await executeCommand(store, 'counter-a', counter, add(amount), context());
    // Each command read on from where the previous one left the stream, not from the start.
    expect(from).toEqual([0, 1, 2]);
    from.length = 0;
    const { state, version } = await loadStream(store, 'counter-a', counter);
    expect(from).toEqual([3]);
    expect({ state, version }).toEqual({ state: { total: 6, history: [1, 2, 3] }, version: 3 });
  });

  it("sees another process's appends, and a decision never rests on a fold that missed them", async () => {
    await executeCommand(mine, 'counter-b', counter, add(60), context());
    // Another process adds 30: this process's kept fold (60) is now behind.
    await executeCommand(other, 'counter-b', counter, add(30), context());
    // 60 + 30 + 20 is over the limit: refused, as a full read would have refused it.
    await expect(executeCommand(mine, 'counter-b', counter, add(20), context())).rejects.toThrow(
      'over the limit at 90',
    );
    const outcome = await executeCommand(mine, 'counter-b', counter, add(10), context());
    expect(outcome.state).toEqual({ total: 100, history: [60, 30, 10] });
    expect(outcome.version).toBe(3);
    const full = await mine.readStream('counter-b', { maxCount: 10 });
    expect(full.map((event) => (event.data as { amount: number }).amount)).toEqual([60, 30, 10]);
  });

  it('two commands racing on one kept fold: one retries on the newer state, nothing is lost', async () => {
    await executeCommand(mine, 'counter-c', counter, add(1), context());
    const results = await Promise.allSettled([
      executeCommand(mine, 'counter-c', counter, add(50), context()),
      executeCommand(other, 'counter-c', counter, add(50), context()),
      executeCommand(mine, 'counter-c', counter, add(50), context()),
    ]);
    // 1 + 50 + 50 is over the limit of 100: exactly one 50 is taken, the others are refused
    // after deciding again on the state that holds it.
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const { state } = await loadStream(mine, 'counter-c', counter);
    expect(state).toEqual({ total: 51, history: [1, 50] });
  });

  it('knows a retried Idempotency-Key from the kept fold, even one first written by another process', async () => {
    const first = await executeCommand(mine, 'counter-d', counter, add(5), context('key-1'));
    const again = await executeCommand(mine, 'counter-d', counter, add(5), context('key-1'));
    expect(first.replayed).toBeUndefined();
    expect(again).toMatchObject({ replayed: true, events: [], version: 1 });

    await executeCommand(other, 'counter-d', counter, add(7), context('key-2'));
    const fromOther = await executeCommand(mine, 'counter-d', counter, add(7), context('key-2'));
    expect(fromOther).toMatchObject({ replayed: true, version: 2 });
    expect((await loadStream(mine, 'counter-d', counter)).state.total).toBe(12);
  });

  it('hands out kept states frozen under test, so a caller mutating one fails instead of corrupting it', async () => {
    await executeCommand(mine, 'counter-e', counter, add(4), context());
    const { state } = await loadStream(mine, 'counter-e', counter);
    expect(() => state.history.push(99)).toThrow(TypeError);
    expect((await loadStream(mine, 'counter-e', counter)).state.history).toEqual([4]);
  });

  it('does not mix folds of one stream made by different deciders', async () => {
    await executeCommand(mine, 'counter-f', counter, add(8), context());
    const doubling = {
      initialState: 0,
      evolve: (total: number, event: CounterEvent) => total + 2 * event.data.amount,
    };
    const { state } = await loadStream(mine, 'counter-f', doubling);
    expect(state).toBe(16);
    expect((await loadStream(mine, 'counter-f', counter)).state.total).toBe(8);
  });
});
