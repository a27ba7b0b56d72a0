import type { SlaClockName, SlaPolicy } from './sla-policy';

/** How a clock ended: within its target, past it, or because the request was withdrawn. */
export type SlaOutcome = 'met' | 'breached' | 'cancelled';

/** A clock's deadline and alarm instants as they stand (null: the calendar never opens for it). */
export type ClockSchedule = {
  clock: SlaClockName;
  targetMinutes: number;
  deadline: string | null;
  thresholds: { percent: number; at: string | null }[];
};

export type SlaPenalty = {
  /** Started hours of service time past the deadline. */
  hours: number;
  amount: number;
  currency: string;
};

/**
 * Every event names its request, when it happened (`at`: for changes that follow the request, the
 * request event's own time; for alarms, when the alarm was raised) and the request stream revision
 * it follows, so a follower that sees an old request event again decides nothing.
 */
interface Base {
  requestId: string;
  at: string;
}
interface Following extends Base {
  requestRevision: number;
}

export type SlaEvent =
  | {
      type: 'SlaClocksStarted';
      data: Following & { policy: SlaPolicy; clocks: ClockSchedule[] };
    }
  | {
      /** No contract covers the request, or its contract sets no service level for the priority. */
      type: 'SlaNotApplicable';
      data: Following & { reason: string };
    }
  | {
      type: 'SlaClocksPaused';
      data: Following & { reasonCode: string; reason: string; clocks: SlaClockName[] };
    }
  | {
      type: 'SlaClocksResumed';
      data: Following & { pausedMinutes: number; clocks: ClockSchedule[] };
    }
  | {
      type: 'SlaThresholdReached';
      data: Base & {
        clock: SlaClockName;
        percent: number;
        /** When the threshold fell due; `at` is when it was recorded. */
        dueAt: string;
        deadline: string | null;
      };
    }
  | {
      type: 'SlaBreached';
      data: Base & { clock: SlaClockName; deadline: string };
    }
  | {
      type: 'SlaClockStopped';
      data: Following & {
        clock: SlaClockName;
        outcome: SlaOutcome;
        /** Service minutes the clock ran, pauses excluded. */
        elapsedMinutes: number;
        /** Service minutes past the deadline (0 when met). */
        lateMinutes: number;
        penalty?: SlaPenalty;
      };
    }
  | {
      /** A reopened request's restoration clock runs again; the time it stood closed does not count. */
      type: 'SlaClockRestarted';
      data: Following & { schedule: ClockSchedule; reason: string };
    };

export type SlaEventType = SlaEvent['type'];

export const SLA_EVENT_TYPES: readonly SlaEventType[] = [
  'SlaClocksStarted',
  'SlaNotApplicable',
  'SlaClocksPaused',
  'SlaClocksResumed',
  'SlaThresholdReached',
  'SlaBreached',
  'SlaClockStopped',
  'SlaClockRestarted',
];

/** One stream per request, beside the request's own: `service-level-<requestId>`. */
export const serviceLevelStreamName = (requestId: string) => `service-level-${requestId}`;
export const SERVICE_LEVEL_STREAM_PREFIX = 'service-level-';
