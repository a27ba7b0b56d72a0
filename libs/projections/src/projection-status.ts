import type { SubscriptionHealth } from '@fieldstream/event-store';

/**
 * `disconnected`: running, but its subscription is reconnecting (the event store is unreachable)
 * or was stopped under it, so an idle reader proves nothing about being up to date.
 */
export type ProjectionState = 'starting' | 'catching-up' | 'live' | 'disconnected' | 'failed' | 'stopped';

/** The subscription's own account of its connection (see SubscriptionHealth in the event store port). */
export interface ProjectionSubscriptionStatus {
  state: SubscriptionHealth['state'];
  reconnects: number;
  lastError?: string;
}

/** What a health or metrics endpoint shows for one projection. */
export interface ProjectionStatus {
  name: string;
  version: number;
  state: ProjectionState;
  /** Position of the last event committed, or null before the first commit. */
  checkpoint: number | null;
  /** Position of the last event in the log (null when the store could not say). */
  headPosition: number | null;
  /**
   * Events between the checkpoint and the head; 0 while live with nothing pending. In the
   * embedded store positions are dense, so this counts events (of every type); in EventStoreDB
   * positions are byte offsets and this is only "zero or not".
   */
  lagEvents: number | null;
  /**
   * How far behind it is now: 0 while live with nothing pending, otherwise the age of the oldest
   * event of its types not yet committed (0 when there is none); null when the store could not say.
   */
  lagMs: number | null;
  /** Events committed per second over the last ten seconds. */
  eventsPerSecond: number;
  eventsProcessed: number;
  batchesCommitted: number;
  /** Commits refused because another instance had moved the checkpoint. */
  checkpointConflicts: number;
  /** Failures in a row; reset by the next successful commit. */
  consecutiveFailures: number;
  lastError?: { message: string; at: string };
  lastCommitAt?: string;
  /** Null while no subscription is open (starting, between retries, stopped). */
  subscription: ProjectionSubscriptionStatus | null;
}

export interface RunnerStatus {
  running: boolean;
  projections: ProjectionStatus[];
}
