import {
  type ExportRunList,
  type ExportRunView,
  type ExportedIntervention,
  EXPORT_FORMAT_VALUES,
  EXPORT_LINES_VALUES,
  type InterventionExportPage,
} from '@fieldstream/api-contract';
import {
  EXPORT_FORMATS,
  EXPORT_LINES,
  type ExportFormat,
  type ExportLines,
  type Principal,
  exportRunsStreamName,
  interventionExportRunsDecider,
  parseExportRunId,
} from '@fieldstream/domain';
import { type EventStore, NO_STREAM, WrongExpectedRevisionError } from '@fieldstream/event-store';
import type { ReadStore } from '@fieldstream/read-store';
import type { CommandContext } from '../commands/command-context';
import { executeCommand, loadStream } from '../commands/execute-command';
import { FieldValidationError, NotFoundError } from '../errors';
import { readClosureFacts } from './closure-facts';
import { type ClosureSelection, selectClosures } from './closure-selection';
import { assertMayReadInterventionExports, assertMayRecordExportRuns } from './export-access';
import { type ExportPeriod, exportPeriod, organisationTimeZone } from './export-period';
import { ExportRunConflictError, latestRuns, runOf, runRecordedUnder } from './export-runs';
import { exportedInterventions, exportedMaterialLines } from './exported-interventions';

// The wire contract restates the domain's words; a difference fails to compile here.
const _formats: readonly ExportFormat[] = EXPORT_FORMAT_VALUES;
const _formatsBack: readonly (typeof EXPORT_FORMAT_VALUES)[number][] = EXPORT_FORMATS;
const _lines: readonly ExportLines[] = EXPORT_LINES_VALUES;
const _linesBack: readonly (typeof EXPORT_LINES_VALUES)[number][] = EXPORT_LINES;

export interface InterventionExportsOptions {
  events: EventStore;
  reads: ReadStore;
}

/** `GET /api/exports/interventions`, validated at the edge. */
export interface InterventionExportRequest {
  from?: string;
  to?: string;
  lines: ExportLines;
  after?: number;
  limit: number;
}

/** A named consumer's next run, validated at the edge. */
export interface ExportRunRequest {
  consumer: string;
  format: ExportFormat;
  lines: ExportLines;
  limit: number;
}

export interface RecordedRunAnswer {
  page: InterventionExportPage;
  /** False when nothing was new: nothing was recorded and `page.run` is null. */
  recorded: boolean;
  /** The consumer's runs after this one: the ETag, the next run's If-Match. */
  version: number;
}

/**
 * The back office's export of closed interventions (labour, travel, materials) from the log: by
 * closing period in the organisation's time zone, incrementally after a cursor, or as the runs of
 * a named consumer (each starting where its previous run ended, recorded in the consumer's stream).
 */
export class InterventionExports {
  constructor(private readonly options: InterventionExportsOptions) {}

  async page(principal: Principal, request: InterventionExportRequest): Promise<InterventionExportPage> {
    assertMayReadInterventionExports(principal);
    const timeZone = await organisationTimeZone(this.options.reads);
    const period =
      request.from === undefined && request.to === undefined
        ? undefined
        : exportPeriod(timeZone, request.from, request.to);
    const selection: ClosureSelection = {
      after: request.after ?? 0,
      limit: request.limit,
      ...(period && { period }),
    };
    const selected = await selectClosures(this.options.events, selection);
    const interventions = await this.interventionsOf(selected.closures, timeZone);
    return this.pageOf(request.lines, timeZone, selection, interventions, selected.hasMore, null);
  }

  /**
   * Exports what is new since the consumer's last run and records the run, with the revision it
   * read: a run recorded meanwhile (a second run at once) makes this one a 409, not a duplicate.
   * `expectedVersion` (If-Match) is the number of runs the caller believes recorded.
   */
  async recordRun(
    context: CommandContext,
    request: ExportRunRequest,
    expectedVersion?: number,
  ): Promise<RecordedRunAnswer> {
    assertMayRecordExportRuns(context.actor);
    const { events, reads } = this.options;
    const stream = exportRunsStreamName(request.consumer);
    // A retried request (same Idempotency-Key): the first answer again, nothing recorded twice.
    const earlier = await runRecordedUnder(events, request.consumer, context);
    if (earlier) {
      const page = await this.downloadRun(earlier, request.lines);
      const { version } = await loadStream(events, stream, interventionExportRunsDecider);
      return { page, recorded: true, version };
    }

    const { state, version } = await loadStream(events, stream, interventionExportRunsDecider);
    if (expectedVersion !== undefined && expectedVersion !== version) {
      throw await this.conflict(request.consumer, expectedVersion, version, 'if-match');
    }
    const timeZone = await organisationTimeZone(reads);
    const selected = await selectClosures(events, { after: state.throughPosition, limit: request.limit });
    const interventions = await this.interventionsOf(selected.closures, timeZone);
    const last = interventions[interventions.length - 1];
    if (!last) {
      const page = this.pageOf(
        request.lines,
        timeZone,
        { after: state.throughPosition },
        interventions,
        false,
        null,
      );
      return { page, recorded: false, version };
    }
    let outcome;
    try {
      outcome = await executeCommand(
        events,
        stream,
        interventionExportRunsDecider,
        {
          type: 'recordRun',
          consumer: request.consumer,
          at: context.at,
          afterPosition: state.throughPosition,
          throughPosition: last.position,
          interventions: interventions.length,
          materialLines: interventions.reduce((sum, item) => sum + item.materials.length, 0),
          superseding: interventions.filter((item) => item.supersedes !== null).length,
          hasMore: selected.hasMore,
          format: request.format,
          lines: request.lines,
        },
        context,
        { expectedVersion: version },
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      const actual = error.actual === NO_STREAM ? 0 : error.actual + 1;
      throw await this.conflict(request.consumer, version, actual, 'concurrent');
    }
    const recorded = outcome.events[0]!.data;
    const run: ExportRunView = {
      ...recorded,
      actor: { id: context.actor.id, name: context.actor.displayName, role: context.actor.role },
    };
    const page = this.pageOf(
      request.lines,
      timeZone,
      { after: state.throughPosition },
      interventions,
      selected.hasMore,
      run,
    );
    return { page, recorded: true, version: outcome.version };
  }

  /** The consumer's runs, newest first, and where its next run starts. */
  async runs(principal: Principal, consumer: string, limit: number): Promise<ExportRunList> {
    assertMayReadInterventionExports(principal);
    const { events } = this.options;
    const [{ state, version }, runs] = await Promise.all([
      loadStream(events, exportRunsStreamName(consumer), interventionExportRunsDecider),
      latestRuns(events, consumer, limit),
    ]);
    return { consumer, version, throughPosition: state.throughPosition, runs };
  }

  /** A past run's range again: the log does not change, so the same closures come back. */
  async run(
    principal: Principal,
    runId: string,
    asked: { lines?: ExportLines } = {},
  ): Promise<InterventionExportPage> {
    assertMayReadInterventionExports(principal);
    const parsed = parseExportRunId(runId);
    if (!parsed) {
      throw new FieldValidationError('Not a run id', [
        { field: 'runId', code: 'invalid_run_id', message: 'A run id is <consumer>-<sequence>, e.g. erp-3' },
      ]);
    }
    const run = await runOf(this.options.events, parsed.consumer, parsed.sequence);
    if (!run) throw new NotFoundError(`There is no export run ${runId}`, { kind: 'export-run', id: runId });
    return this.downloadRun(run, asked.lines ?? run.lines);
  }

  private async downloadRun(run: ExportRunView, lines: ExportLines): Promise<InterventionExportPage> {
    const timeZone = await organisationTimeZone(this.options.reads);
    const selected = await selectClosures(this.options.events, {
      after: run.afterPosition,
      through: run.throughPosition,
      limit: Number.MAX_SAFE_INTEGER,
    });
    const interventions = await this.interventionsOf(selected.closures, timeZone);
    return this.pageOf(lines, timeZone, { after: run.afterPosition }, interventions, run.hasMore, run);
  }

  private async interventionsOf(
    closures: Awaited<ReturnType<typeof selectClosures>>['closures'],
    timeZone: string,
  ): Promise<ExportedIntervention[]> {
    const facts = await readClosureFacts(this.options.events, closures);
    return exportedInterventions(this.options.reads, facts, timeZone);
  }

  private pageOf(
    lines: ExportLines,
    timeZone: string,
    selection: { after: number; period?: ExportPeriod },
    interventions: ExportedIntervention[],
    hasMore: boolean,
    run: ExportRunView | null,
  ): InterventionExportPage {
    const { period } = selection;
    const base = {
      timeZone,
      period: period
        ? {
            from: period.from ?? null,
            to: period.to ?? null,
            fromInstant: period.fromMs === undefined ? null : new Date(period.fromMs).toISOString(),
            toInstant: period.toMs === undefined ? null : new Date(period.toMs).toISOString(),
          }
        : null,
      after: selection.after,
      nextCursor: interventions[interventions.length - 1]?.position ?? selection.after,
      hasMore,
      interventions: interventions.length,
      materialLines: interventions.reduce((sum, item) => sum + item.materials.length, 0),
      run,
    };
    return lines === 'interventions'
      ? { lines, ...base, items: interventions }
      : { lines, ...base, items: exportedMaterialLines(interventions) };
  }

  /** The 409 of a run that lost the race (or a stale If-Match), naming the run that holds. */
  private async conflict(
    consumer: string,
    expectedVersion: number,
    actualVersion: number,
    reason: 'if-match' | 'concurrent',
  ): Promise<ExportRunConflictError> {
    const [latest] = await latestRuns(this.options.events, consumer, 1);
    return new ExportRunConflictError(
      exportRunsStreamName(consumer),
      expectedVersion === 0 ? NO_STREAM : expectedVersion - 1,
      actualVersion === 0 ? NO_STREAM : actualVersion - 1,
      consumer,
      latest,
      reason,
    );
  }
}
