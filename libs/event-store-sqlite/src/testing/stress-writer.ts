import { randomUUID } from 'node:crypto';
import { type NewEvent, WrongExpectedRevisionError } from '@fieldstream/event-store';
import { openSqliteEventStore, type SqliteEventStore } from '../sqlite-event-store.adapter';

export interface StressPlan {
  files: string[];
  /** Distinguishes this writer's own streams from every other process's. */
  writerName: string;
  writersPerFile: number;
  appendsPerWriter: number;
  /** Every n-th append of a writer goes to the file's shared stream instead, re-deciding on conflict. */
  sharedEvery: number;
  /** Epoch ms at which every process opens the files, so that openers collide on fresh files. */
  startAt: number;
  /** 0 turns SQLite's own lock wait off, leaving only the store's retries to cope with contention. */
  busyTimeoutMs?: number;
}

export interface Acknowledgement {
  file: number;
  stream: string;
  ids: string[];
  nextExpectedRevision: number;
  position: number;
}

/**
 * The writing side of the stress test, run both in child processes and in the test's own
 * process: many concurrent writers per file, each awaiting its previous append.
 */
export async function runStressWriter(
  plan: StressPlan,
): Promise<{ acks: Acknowledgement[]; conflicts: number }> {
  while (Date.now() < plan.startAt - 5) await new Promise((resolve) => setTimeout(resolve, 1));
  // Timers are too coarse for processes to meet on the same millisecond; spin the last few.
  while (Date.now() < plan.startAt);
  const stores = await Promise.all(
    plan.files.map((file) =>
      openSqliteEventStore({
        file,
        ...(plan.busyTimeoutMs !== undefined && { busyTimeoutMs: plan.busyTimeoutMs }),
      }),
    ),
  );
  const acks: Acknowledgement[] = [];
  let conflicts = 0;
  try {
    const writers = stores.flatMap((store, file) =>
      Array.from({ length: plan.writersPerFile }, async (_, writer) => {
        const own = `stress-${plan.writerName}w${writer}`;
        let ownRevision = -1;
        for (let n = 0; n < plan.appendsPerWriter; n++) {
          const events = makeEvents(1 + ((n + writer) % 3));
          if (n % plan.sharedEvery === plan.sharedEvery - 1) {
            const result = await appendShared(store, `shared-${file}`, events, () => conflicts++);
            acks.push({ file, stream: `shared-${file}`, ids: events.map((e) => e.id), ...result });
          } else {
            const result = await store.appendToStream(
              own,
              events,
              ownRevision < 0 ? 'no_stream' : ownRevision,
            );
            ownRevision = result.nextExpectedRevision;
            acks.push({ file, stream: own, ids: events.map((e) => e.id), ...result });
          }
        }
      }),
    );
    await Promise.all(writers);
  } finally {
    await Promise.all(stores.map((store) => store.close()));
  }
  return { acks, conflicts };
}

/** Reads the stream's revision, appends expecting it, and re-reads on conflict, as a decider would. */
async function appendShared(
  store: SqliteEventStore,
  stream: string,
  events: NewEvent[],
  onConflict: () => void,
) {
  for (;;) {
    const [last] = await store.readStream(stream, { maxCount: 1, direction: 'backwards' });
    try {
      return await store.appendToStream(stream, events, last === undefined ? 'no_stream' : last.revision);
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      onConflict();
    }
  }
}

function makeEvents(count: number): NewEvent[] {
  return Array.from({ length: count }, (_, index) => {
    const id = randomUUID();
    return {
      id,
      type: 'StressEventAppended',
      data: { index, padding: 'p'.repeat(64) },
      metadata: {
        correlationId: id,
        causationId: id,
        actorId: 'stress',
        actorRole: 'system',
        occurredAt: new Date().toISOString(),
      },
    };
  });
}
