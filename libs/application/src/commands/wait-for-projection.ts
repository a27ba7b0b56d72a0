import type { EventStore } from '@fieldstream/event-store';
import type { ReadStore } from '@fieldstream/read-store';

/** How often a watched checkpoint is read while someone waits for it (one indexed row: cheap). */
const POLL_MS = 1;

interface Waiter {
  position: number;
  done(caughtUp: boolean): void;
}

/**
 * One reader of a projection's checkpoint for every caller waiting on it: under load hundreds of
 * commands wait at once, and each polling the store on its own would cost more than the commands.
 */
class CheckpointWatcher {
  private readonly waiters = new Set<Waiter>();
  private running = false;

  constructor(
    private readonly store: ReadStore,
    private readonly projection: string,
  ) {}

  wait(position: number, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        done: (caughtUp) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(caughtUp);
        },
      };
      const timer = setTimeout(() => waiter.done(false), timeoutMs);
      this.waiters.add(waiter);
      if (!this.running) void this.watch();
    });
  }

  private async watch(): Promise<void> {
    this.running = true;
    try {
      while (this.waiters.size > 0) {
        const checkpoint = await this.store.getCheckpoint(this.projection);
        if (checkpoint !== null) {
          for (const waiter of [...this.waiters]) if (checkpoint >= waiter.position) waiter.done(true);
        }
        if (this.waiters.size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    } catch {
      // A store that cannot answer now: the waiters time out and the caller answers with what it has.
    } finally {
      this.running = false;
    }
  }
}

const watchers = new WeakMap<ReadStore, Map<string, CheckpointWatcher>>();

function watcherOf(store: ReadStore, projection: string): CheckpointWatcher {
  let byProjection = watchers.get(store);
  if (!byProjection) watchers.set(store, (byProjection = new Map()));
  let watcher = byProjection.get(projection);
  if (!watcher) byProjection.set(projection, (watcher = new CheckpointWatcher(store, projection)));
  return watcher;
}

/**
 * Read-your-writes across processes: projections run in the worker, so after a command the API
 * waits until the projection's checkpoint has passed the command's position before answering
 * with the read model. Answers false on timeout (the write stands; the read model is late).
 */
export async function waitForProjection(
  store: ReadStore,
  projection: string,
  position: number | undefined,
  timeoutMs: number,
): Promise<boolean> {
  if (position === undefined) return true;
  const checkpoint = await store.getCheckpoint(projection);
  if (checkpoint !== null && checkpoint >= position) return true;
  return watcherOf(store, projection).wait(position, timeoutMs);
}

/** What waiting needs to know of a projection: its checkpoint's name and the events it reads. */
export interface FollowedProjection {
  name: string;
  eventTypes: readonly string[] | 'all';
}

/**
 * Waits until every given projection shows everything up to `position`; answers the names of
 * those still late at the timeout.
 *
 * A projection that reads some event types only checkpoints at the positions of those events, so
 * waiting for a position it will never reach (a note never reaches the agenda) would always time
 * out. Each projection is therefore waited for up to the last event *it reads* at or before
 * `position`, found with one filtered, backwards read of the log.
 */
export async function waitForReadModels(
  events: EventStore,
  reads: ReadStore,
  projections: readonly FollowedProjection[],
  position: number | undefined,
  timeoutMs: number,
): Promise<string[]> {
  if (position === undefined) return [];
  const caughtUp = await Promise.all(
    projections.map(async (projection) => {
      const checkpoint = await reads.getCheckpoint(projection.name);
      if (checkpoint !== null && checkpoint >= position) return true;
      const target = await lastReadBy(events, projection, position);
      if (target === undefined || (checkpoint !== null && checkpoint >= target)) return true;
      return waitForProjection(reads, projection.name, target, timeoutMs);
    }),
  );
  return projections.filter((_projection, index) => !caughtUp[index]).map(({ name }) => name);
}

/** The position of the last event at or before `position` that the projection applies. */
async function lastReadBy(
  events: EventStore,
  projection: FollowedProjection,
  position: number,
): Promise<number | undefined> {
  if (projection.eventTypes === 'all') return position;
  const [last] = await events.readAll({
    direction: 'backwards',
    // Exclusive going backwards: events before position + 1, i.e. up to and including position.
    after: position + 1,
    maxCount: 1,
    eventTypes: projection.eventTypes,
  });
  return last?.position;
}
