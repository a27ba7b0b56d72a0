import type { ExportRunView } from '@fieldstream/api-contract';
import {
  type InterventionExportRun,
  type InterventionExportRunEvent,
  exportRunsStreamName,
} from '@fieldstream/domain';
import {
  type ActualRevision,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
  WrongExpectedRevisionError,
} from '@fieldstream/event-store';
import type { CommandContext } from '../commands/command-context';

const RUN_RECORDED: InterventionExportRunEvent['type'] = 'InterventionExportRunRecorded';
const PAGE = 1000;

type RunRecorded = RecordedEvent & { type: typeof RUN_RECORDED; data: InterventionExportRun };

const isRun = (event: RecordedEvent): event is RunRecorded => event.type === RUN_RECORDED;

/** A recorded run as the API shows it, with who recorded it. */
export function runView(event: RecordedEvent): ExportRunView {
  const run = (event as RunRecorded).data;
  return {
    runId: run.runId,
    consumer: run.consumer,
    sequence: run.sequence,
    at: run.at,
    actor: {
      id: event.metadata.actorId,
      name: String(event.metadata['actorName'] ?? event.metadata.actorId),
      role: event.metadata.actorRole,
    },
    afterPosition: run.afterPosition,
    throughPosition: run.throughPosition,
    interventions: run.interventions,
    materialLines: run.materialLines,
    superseding: run.superseding,
    hasMore: run.hasMore,
    format: run.format,
    lines: run.lines,
  };
}

/** The consumer's runs, newest first; one event per run, so the stream's end is the newest. */
export async function latestRuns(
  events: EventStore,
  consumer: string,
  limit: number,
): Promise<ExportRunView[]> {
  const recorded = await events.readStream(exportRunsStreamName(consumer), {
    direction: 'backwards',
    maxCount: limit,
  });
  return recorded.filter(isRun).map(runView);
}

/** Run `sequence` of the consumer: the stream's event at revision `sequence - 1`. */
export async function runOf(
  events: EventStore,
  consumer: string,
  sequence: number,
): Promise<ExportRunView | undefined> {
  const [recorded] = await events.readStream(exportRunsStreamName(consumer), {
    fromRevision: sequence - 1,
    maxCount: 1,
  });
  return recorded && isRun(recorded) && recorded.data.sequence === sequence ? runView(recorded) : undefined;
}

/** The run a first attempt of this very request (same actor, same Idempotency-Key) recorded. */
export async function runRecordedUnder(
  events: EventStore,
  consumer: string,
  context: CommandContext,
): Promise<ExportRunView | undefined> {
  const key = context.idempotencyKey;
  if (!key) return undefined;
  for (let fromRevision = 0; ; fromRevision += PAGE) {
    const page = await events.readStream(exportRunsStreamName(consumer), { fromRevision, maxCount: PAGE });
    const mine = page.find(
      (event) =>
        isRun(event) &&
        event.metadata['idempotencyKey'] === key &&
        event.metadata.actorId === context.actor.id,
    );
    if (mine) return runView(mine);
    if (page.length < PAGE) return undefined;
  }
}

/**
 * Two runs of one consumer at once: both worked out the same range, and only the first one's
 * record holds. The second is refused rather than recorded after it, since the consumer would
 * then have been handed the same closures twice; the answer names the run that got there first.
 */
export class ExportRunConflictError extends WrongExpectedRevisionError {
  constructor(
    streamName: string,
    expected: ExpectedRevision,
    actual: ActualRevision,
    readonly consumer: string,
    readonly latest: ExportRunView | undefined,
    reason: 'if-match' | 'concurrent',
  ) {
    super(streamName, expected, actual);
    const first = latest
      ? `run ${latest.runId} (through position ${latest.throughPosition}, recorded ${latest.at})`
      : 'no run';
    this.message =
      reason === 'if-match'
        ? `Consumer ${consumer} is at ${first}, not where If-Match says: read its runs again, then ask for the next one`
        : `Another run of consumer ${consumer} was recorded meanwhile: ${first}. This run was not recorded; ask again for what is new after it`;
  }
}
