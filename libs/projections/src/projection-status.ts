export type ProjectionState = 'starting' | 'catching-up' | 'live' | 'failed' | 'stopped';

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
  /** From the last committed event's recordedAt to its commit; null before the first commit. */
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
}

export interface RunnerStatus {
  running: boolean;
  projections: ProjectionStatus[];
}
