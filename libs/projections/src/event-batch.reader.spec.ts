import type { RecordedEvent } from '@fieldstream/event-store';
import { EventBatchReader } from './event-batch.reader';
import { recordedLog } from './testing/recorded-event.factory';

const log = recordedLog(
  Array.from({ length: 25 }, (_, i) => ({ stream: `site-${i % 3}`, type: 'SiteVisited' })),
);

async function* buffered(events: readonly RecordedEvent[]): AsyncGenerator<RecordedEvent> {
  yield* events;
}

/** A feed whose events arrive one at a time, as a live subscription delivers them. */
function trickle(events: readonly RecordedEvent[], gapMs: number): AsyncIterator<RecordedEvent> {
  let i = 0;
  return {
    next: () =>
      new Promise((resolve) =>
        setTimeout(() => {
          const value = events[i++];
          resolve(value ? { value, done: false } : { value: undefined, done: true });
        }, gapMs),
      ),
  };
}

describe('EventBatchReader', () => {
  it('groups events that are already waiting, up to the batch size, in order', async () => {
    const reader = new EventBatchReader(buffered(log), 10, 1000);
    const batches: number[][] = [];
    for (let batch = await reader.next(); batch.length > 0; batch = await reader.next()) {
      batches.push(batch.map((event) => event.position));
    }
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(batches.flat()).toEqual(log.map((event) => event.position));
  });

  it('hands over a live event alone instead of waiting for more', async () => {
    const reader = new EventBatchReader(trickle(log.slice(0, 3), 20), 1000, 1000);
    expect((await reader.next()).map((event) => event.position)).toEqual([1]);
    expect((await reader.next()).map((event) => event.position)).toEqual([2]);
  });

  it('reports that it is waiting only while blocked on the feed', async () => {
    const reader = new EventBatchReader(trickle(log.slice(0, 1), 30), 1000, 1000);
    const first = reader.next();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(reader.waiting).toBe(true);
    await first;
    expect(reader.waiting).toBe(false);
    expect(await reader.next()).toEqual([]);
  });

  it('cuts a batch when its time is up even if events keep coming', async () => {
    let now = 0;
    async function* slowClock(): AsyncGenerator<RecordedEvent> {
      for (const event of log) {
        now += 10;
        yield event;
      }
    }
    const reader = new EventBatchReader(slowClock(), 1000, 30, () => now);
    expect((await reader.next()).length).toBe(4);
  });
});
