import { randomUUID } from 'node:crypto';
import type { EventStore, NewEvent } from '@fieldstream/event-store';

const CATEGORIES = ['service-request', 'technician', 'contract', 'site', 'device'] as const;
const TYPES = ['Opened', 'Assigned', 'Scheduled', 'Visited', 'Noted', 'PartUsed', 'Closed'] as const;

/**
 * Fills a log the way a busy deployment would have written it: many streams appended to in
 * turns (so any page of `$all` touches many documents), a few events per append, payloads of a
 * realistic size. Appends run `concurrency` at a time so the store can group their commits.
 */
export async function fillEventLog(
  eventStore: EventStore,
  options: {
    events: number;
    streams: number;
    perAppend: number;
    concurrency: number;
    onProgress?: (done: number) => void;
  },
): Promise<void> {
  const { events, streams, perAppend, concurrency } = options;
  const appends = Math.ceil(events / perAppend);
  let next = 0;
  let done = 0;
  const occurredAt = new Date().toISOString();
  const worker = async () => {
    for (let index = next++; index < appends; index = next++) {
      const stream = index % streams;
      const round = Math.floor(index / streams);
      const count = Math.min(perAppend, events - index * perAppend);
      const batch: NewEvent[] = Array.from({ length: count }, (_, i) => ({
        id: randomUUID(),
        type: TYPES[(round * perAppend + i) % TYPES.length] ?? 'Noted',
        data: {
          round,
          technicianId: `t-${stream % 97}`,
          note: 'Replaced the filter and checked the pressure on both circuits.',
          readings: { pressureBar: 1.5 + (i % 5) / 10, temperatureC: 60 + (i % 7) },
        },
        metadata: {
          correlationId: randomUUID(),
          causationId: randomUUID(),
          actorId: `u-${stream % 13}`,
          actorRole: 'dispatcher',
          occurredAt,
        },
      }));
      await eventStore.appendToStream(`${CATEGORIES[stream % CATEGORIES.length]}-${stream}`, batch);
      done += count;
      options.onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
