import { randomUUID } from 'node:crypto';
import type { JsonObject, NewEvent, RecordedEvent } from '@fieldstream/event-store';

/** A well-formed event to append, for tests and benchmarks. */
export function newEvent(
  type: string,
  data: JsonObject = {},
  occurredAt = '2026-11-26T09:00:00.000Z',
): NewEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actorId: 'tester',
      actorRole: 'system',
      occurredAt,
    },
  };
}

/** A log as a store would have recorded it: positions from 1, revisions per stream from 0. */
export function recordedLog(
  entries: readonly { stream: string; type: string; data?: JsonObject; recordedAt?: string }[],
): RecordedEvent[] {
  const revisions = new Map<string, number>();
  return entries.map((entry, i) => {
    const revision = (revisions.get(entry.stream) ?? -1) + 1;
    revisions.set(entry.stream, revision);
    const recordedAt = entry.recordedAt ?? new Date(Date.UTC(2026, 10, 26, 9, 0, i)).toISOString();
    return {
      ...newEvent(entry.type, entry.data ?? {}, recordedAt),
      streamName: entry.stream,
      revision,
      position: i + 1,
      recordedAt,
    };
  });
}
