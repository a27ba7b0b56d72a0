import { join } from 'node:path';
import type { EventStore, RecordedEvent } from '@fieldstream/event-store';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';
import type { ReadStore } from '@fieldstream/read-store';
import { openSqliteReadStore } from '@fieldstream/read-store-sqlite';
import { type TempDir, tempDir, waitFor } from '@fieldstream/testing';
import { LogFollower } from './log-follower';

/** LogFollower on real SQLite stores: handled side by side across streams, in order within one. */
describe('LogFollower', () => {
  let dir: TempDir;
  let events: EventStore;
  let reads: ReadStore;

  beforeAll(async () => {
    dir = await tempDir();
    events = await openSqliteEventStore({ file: join(dir.path, 'events.sqlite') });
    reads = await openSqliteReadStore({ file: join(dir.path, 'reads.sqlite') });
    // 5 streams × 20 events, interleaved in the log.
    for (let i = 0; i < 20; i++) {
      for (let s = 0; s < 5; s++) {
        await events.appendToStream(`thing-${s}`, [
          {
            id: `00000000-0000-4000-8000-${String(i * 5 + s).padStart(12, '0')}`,
            type: 'Happened',
            data: { n: i },
            metadata: {
              correlationId: 'c',
              causationId: 'c',
              actorId: 't',
              actorRole: 'system',
              occurredAt: '2026-11-27T00:00:00Z',
            },
          },
        ]);
      }
    }
  });
  afterAll(async () => {
    await events.close();
    await reads.close();
    await dir.remove();
  });

  const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 5));

  it('handles each stream in order, several at once, and checkpoints only what is done before', async () => {
    const seen = new Map<string, number[]>();
    let atOnce = 0;
    let mostAtOnce = 0;
    const follower = new LogFollower({
      name: 'ordered',
      events,
      reads,
      streamPrefixes: ['thing-'],
      concurrency: 4,
      handle: async (recorded: RecordedEvent) => {
        atOnce++;
        mostAtOnce = Math.max(mostAtOnce, atOnce);
        await pause();
        seen.set(recorded.streamName, [...(seen.get(recorded.streamName) ?? []), Number(recorded.data['n'])]);
        atOnce--;
      },
    });
    follower.start();
    await waitFor(async () => (await follower.checkpoint()) === 100, {
      description: 'the whole log followed',
    });
    await follower.stop();
    for (let s = 0; s < 5; s++)
      expect(seen.get(`thing-${s}`)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(mostAtOnce).toBeGreaterThan(1);
    expect(mostAtOnce).toBeLessThanOrEqual(4);
  });

  it('never checkpoints past an event that failed, and follows again from before it', async () => {
    let failures = 0;
    const handled: number[] = [];
    const follower = new LogFollower({
      name: 'failing',
      events,
      reads,
      streamPrefixes: ['thing-'],
      concurrency: 4,
      retry: { initialDelayMs: 20 },
      handle: async (recorded) => {
        await pause();
        if (recorded.position === 37 && failures++ === 0) throw new Error('store away for a moment');
        handled.push(recorded.position);
      },
    });
    follower.start();
    await waitFor(async () => (await follower.checkpoint()) === 100, {
      description: 'the log followed after the failure',
    });
    await follower.stop();
    expect(failures).toBe(2);
    // Every event was handled at least once, and 37 exactly once (after the failed attempt).
    expect(new Set(handled).size).toBe(100);
    expect(handled.filter((position) => position === 37)).toHaveLength(1);
  });
});
