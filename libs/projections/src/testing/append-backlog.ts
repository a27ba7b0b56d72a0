import type { EventStore, NewEvent } from '@fieldstream/event-store';
import { newEvent } from './recorded-event.factory';

const CATEGORIES = ['service-request', 'technician', 'contract', 'site'] as const;
const TYPES = ['Opened', 'Assigned', 'Visited', 'Noted', 'Closed'] as const;

/**
 * Appends `total` events spread round-robin over `streams` streams (so any page of the log touches
 * many documents), `perAppend` events per stream per append. Stream names carry `tag` so that
 * several calls can add to the same log without colliding.
 */
export async function appendBacklog(
  eventStore: EventStore,
  options: {
    total: number;
    streams: number;
    perAppend?: number;
    tag?: string;
    onAppended?: (done: number) => void;
  },
): Promise<void> {
  const perAppend = options.perAppend ?? 10;
  const tag = options.tag ?? 'a';
  let done = 0;
  let round = 0;
  while (done < options.total) {
    for (let s = 0; s < options.streams && done < options.total; s++) {
      const count = Math.min(perAppend, options.total - done);
      const category = CATEGORIES[s % CATEGORIES.length] ?? 'site';
      const events: NewEvent[] = [];
      for (let i = 0; i < count; i++) {
        const type = TYPES[(round + i) % TYPES.length] ?? 'Noted';
        events.push(newEvent(type, { round, index: i, note: `event ${done + i}` }));
      }
      await eventStore.appendToStream(`${category}-${tag}${s}`, events);
      done += count;
      options.onAppended?.(done);
    }
    round++;
  }
}
