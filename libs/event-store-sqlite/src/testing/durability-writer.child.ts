import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { openSqliteEventStore } from '../sqlite-event-store.adapter';

/**
 * Appends for ever, four streams at a time, and writes one line per acknowledged append to stdout
 * (synchronously, so a line out means the answer was given). The test SIGKILLs it mid-flight.
 */
async function main(file: string): Promise<void> {
  const store = await openSqliteEventStore({ file });
  writeSync(1, 'open\n');
  await Promise.all(
    [0, 1, 2, 3].map(async (writer) => {
      const stream = `durable-${writer}`;
      for (let revision = -1; ;) {
        const events = [0, 1].map(() => {
          const id = randomUUID();
          const metadata = {
            correlationId: id,
            causationId: id,
            actorId: 'd',
            actorRole: 'system',
            occurredAt: new Date().toISOString(),
          };
          return { id, type: 'DurableEventAppended', data: { writer }, metadata };
        });
        const result = await store.appendToStream(stream, events, revision < 0 ? 'no_stream' : revision);
        revision = result.nextExpectedRevision;
        writeSync(1, `${JSON.stringify({ stream, ids: events.map((e) => e.id), ...result })}\n`);
      }
    }),
  );
}

main(process.argv[2]!).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
