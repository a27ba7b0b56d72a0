import type { EventStore, RecordedEvent } from '@fieldstream/event-store';

/** The whole log, page by page, as the events a projection folded from zero would see. */
export async function readLog(eventStore: EventStore): Promise<RecordedEvent[]> {
  const log: RecordedEvent[] = [];
  for (;;) {
    const last = log[log.length - 1];
    const page = await eventStore.readAll({ maxCount: 5000, ...(last ? { after: last.position } : {}) });
    if (page.length === 0) return log;
    log.push(...page);
  }
}
