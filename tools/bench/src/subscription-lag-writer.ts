/**
 * The writer process of the subscription-lag benchmark, standing in for the API: appends one
 * event per command at a steady rate, and reports each acknowledgement to its parent over IPC.
 *
 *   (spawned by subscription-lag.bench.ts) subscription-lag-writer.ts EVENTS_FILE RATE SECONDS
 */
import { randomUUID } from 'node:crypto';
import { openSqliteEventStore } from '@fieldstream/event-store-sqlite';

export interface WriterAck {
  id: string;
  /** Epoch milliseconds (sub-millisecond precision) before the append call and at its answer. */
  sentAt: number;
  ackAt: number;
}

export type WriterMessage =
  | { kind: 'ready' }
  | { kind: 'acks'; acks: WriterAck[] }
  | { kind: 'done'; appended: number; behindMs: number };

const now = () => performance.timeOrigin + performance.now();
const MAX_IN_FLIGHT = 200;

async function main(): Promise<void> {
  const [file, rateText, secondsText] = process.argv.slice(2);
  const rate = Number(rateText);
  const seconds = Number(secondsText);
  if (!file || !(rate > 0) || !(seconds > 0))
    throw new Error('usage: subscription-lag-writer.ts EVENTS_FILE RATE SECONDS');
  const send = (message: WriterMessage) => process.send?.(message);
  const eventStore = await openSqliteEventStore({ file });
  send({ kind: 'ready' });

  const total = Math.round(rate * seconds);
  let acks: WriterAck[] = [];
  const flush = setInterval(() => {
    if (acks.length > 0) send({ kind: 'acks', acks });
    acks = [];
  }, 100);
  const inFlight = new Set<Promise<void>>();
  const started = now();
  let behindMs = 0;
  for (let i = 0; i < total; i++) {
    // Each event has its slot on a steady clock; a slow append must not shift the ones after it.
    const due = started + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    else behindMs = Math.max(behindMs, -wait);
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const id = randomUUID();
    const sentAt = now();
    const append = eventStore
      .appendToStream(`service-request-lag${i % 200}`, [
        {
          id,
          type: 'ServiceRequestNoted',
          data: { note: `note ${i}`, sentAt },
          metadata: {
            correlationId: id,
            causationId: id,
            actorId: 'lag-bench',
            actorRole: 'dispatcher',
            occurredAt: new Date().toISOString(),
          },
        },
      ])
      .then(() => {
        acks.push({ id, sentAt, ackAt: now() });
      });
    inFlight.add(append);
    void append.finally(() => inFlight.delete(append));
  }
  await Promise.all(inFlight);
  clearInterval(flush);
  if (acks.length > 0) send({ kind: 'acks', acks });
  send({ kind: 'done', appended: total, behindMs: Math.round(behindMs) });
  await eventStore.close();
  process.disconnect?.();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
