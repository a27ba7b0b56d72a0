import type { Decider } from '../kernel/decider';
import { DomainError } from '../kernel/domain-error';

/**
 * The runs of one back-office consumer (an ERP, a billing or a stock system) of the closed
 * interventions export, one `export-runs-<consumer>` stream each. A run exported the closures
 * whose log positions lie in (afterPosition, throughPosition]; the next run starts where it ended,
 * so that nothing is exported twice to the consumer and nothing is skipped.
 */

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One row per closure (billing), or one row per material line (stock movements). */
export const EXPORT_LINES = ['interventions', 'materials'] as const;
export type ExportLines = (typeof EXPORT_LINES)[number];

/**
 * Lower-case letters and digits, dashes inside: the consumer names its stream and its runs' ids
 * (`erp-3`), so it must be a safe stream-name and URL segment.
 */
export const EXPORT_CONSUMER_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

export const EXPORT_RUNS_STREAM_PREFIX = 'export-runs-';
export const exportRunsStreamName = (consumer: string) => `${EXPORT_RUNS_STREAM_PREFIX}${consumer}`;

/** `<consumer>-<sequence>`: readable, and enough to find the run's stream without a lookup. */
export const exportRunId = (consumer: string, sequence: number) => `${consumer}-${sequence}`;

export function parseExportRunId(runId: string): { consumer: string; sequence: number } | undefined {
  const match = /^(.+)-([1-9]\d{0,8})$/.exec(runId);
  if (!match || !EXPORT_CONSUMER_PATTERN.test(match[1]!)) return undefined;
  return { consumer: match[1]!, sequence: Number(match[2]) };
}

/** What a run exported, as recorded: the range, the counts, and how it was asked for. */
export interface InterventionExportRun {
  runId: string;
  consumer: string;
  /** 1 for the consumer's first run. */
  sequence: number;
  at: string;
  /** Exclusive: the previous run's `throughPosition`, or 0. */
  afterPosition: number;
  /** Inclusive: the position of the last closure exported. */
  throughPosition: number;
  /** Closures exported. */
  interventions: number;
  materialLines: number;
  /** Closures of reopened requests, each superseding an earlier closure of its request. */
  superseding: number;
  /** More closures were waiting than one run takes: the next run goes on from here. */
  hasMore: boolean;
  format: ExportFormat;
  lines: ExportLines;
}

export type InterventionExportRunEvent = {
  type: 'InterventionExportRunRecorded';
  data: InterventionExportRun;
};

export interface InterventionExportRunsState {
  runs: number;
  /** Where the last run ended; 0 before the first. */
  throughPosition: number;
  lastRunId?: string;
}

export type InterventionExportRunsCommand = {
  type: 'recordRun';
  consumer: string;
  at: string;
} & Omit<InterventionExportRun, 'runId' | 'consumer' | 'sequence' | 'at'>;

const wholeNumber = (value: number) => Number.isSafeInteger(value) && value >= 0;

export const interventionExportRunsDecider: Decider<
  InterventionExportRunsState,
  InterventionExportRunsCommand,
  InterventionExportRunEvent
> = {
  initialState: { runs: 0, throughPosition: 0 },

  evolve(state, event) {
    return {
      runs: event.data.sequence,
      throughPosition: event.data.throughPosition,
      lastRunId: event.data.runId,
    };
  },

  decide(command, state) {
    if (!EXPORT_CONSUMER_PATTERN.test(command.consumer)) {
      throw new DomainError('invalid_consumer', `"${command.consumer}" is not a consumer name`, {
        field: 'consumer',
      });
    }
    // A run that does not start where the last one ended would export some closures twice, or
    // skip some: its range was worked out before another run was recorded.
    if (command.afterPosition !== state.throughPosition) {
      throw new DomainError(
        'export_run_overlap',
        state.lastRunId === undefined
          ? `Consumer ${command.consumer} has no run yet: a first run starts at the beginning of the log, not after position ${command.afterPosition}`
          : `Run ${state.lastRunId} of ${command.consumer} ended at position ${state.throughPosition}: the next run starts there, not after ${command.afterPosition}`,
        {
          lastRunId: state.lastRunId ?? null,
          throughPosition: state.throughPosition,
          afterPosition: command.afterPosition,
        },
      );
    }
    const counts = [command.interventions, command.materialLines, command.superseding];
    if (
      !wholeNumber(command.throughPosition) ||
      command.throughPosition < command.afterPosition ||
      !counts.every(wholeNumber) ||
      command.superseding > command.interventions
    ) {
      throw new DomainError('invalid_run', 'A run covers a range of the log forwards, with counts from 0', {
        afterPosition: command.afterPosition,
        throughPosition: command.throughPosition,
      });
    }
    // Nothing new since the last run: nothing to remember (a consumer polling every minute would
    // otherwise fill its stream with empty runs).
    if (command.interventions === 0) return [];
    const sequence = state.runs + 1;
    const { type: _type, ...run } = command;
    return [
      {
        type: 'InterventionExportRunRecorded',
        data: { ...run, runId: exportRunId(command.consumer, sequence), sequence },
      },
    ];
  },
};
