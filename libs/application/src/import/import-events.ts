import { randomUUID } from 'node:crypto';
import type { EventStore, ExpectedRevision, JsonObject } from '@fieldstream/event-store';
import { NO_STREAM } from '@fieldstream/event-store';
import type { CommandContext } from '../commands/command-context';

/** Each import's own stream: who imported which file (by hash), when, and what came of it. */
export function importStreamName(importId: string): string {
  return `import-${importId}`;
}

export type ImportEventType = 'ImportStarted' | 'ImportCompleted' | 'ImportRejected' | 'ImportFailed';

/**
 * Appends one fact to the import's stream. The stream is written by this one run only, in order,
 * so the expected revision is simply the count of facts already written.
 */
export async function recordImportEvent(
  store: EventStore,
  importId: string,
  revision: number,
  type: ImportEventType,
  data: JsonObject,
  context: CommandContext,
): Promise<number> {
  const expected: ExpectedRevision = revision === 0 ? NO_STREAM : revision - 1;
  const result = await store.appendToStream(
    importStreamName(importId),
    [
      {
        id: randomUUID(),
        type,
        data: { importId, ...data },
        metadata: {
          correlationId: context.correlationId,
          causationId: context.causationId ?? context.correlationId,
          actorId: context.actor.id,
          actorRole: context.actor.role,
          actorName: context.actor.displayName,
          occurredAt: new Date().toISOString(),
          ...context.extra,
        },
      },
    ],
    expected,
  );
  return result.nextExpectedRevision + 1;
}
