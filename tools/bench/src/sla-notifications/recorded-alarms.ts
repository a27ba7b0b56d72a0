import { SERVICE_LEVEL_STREAM_PREFIX, type SlaEvent } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';

export interface RecordedAlarm {
  requestId: string;
  clock: string;
  percent: number;
  /** When the alarm fell due (the threshold's instant, or the deadline for a breach), epoch ms. */
  dueAt: number;
  /** When the timer's visit recorded it (the event's `at`), epoch ms. */
  at: number;
}

const PAGE = 1000;

/** Every threshold alarm and breach recorded on the service-level streams after `after`. */
export async function recordedAlarms(events: EventStore, after: number): Promise<RecordedAlarm[]> {
  const alarms: RecordedAlarm[] = [];
  for (let from = after; ;) {
    const page = await events.readAll({
      after: from,
      maxCount: PAGE,
      streamPrefixes: [SERVICE_LEVEL_STREAM_PREFIX],
      eventTypes: ['SlaThresholdReached', 'SlaBreached'],
    });
    for (const recorded of page) {
      const event = { type: recorded.type, data: recorded.data } as unknown as SlaEvent;
      if (event.type === 'SlaThresholdReached')
        alarms.push({
          requestId: event.data.requestId,
          clock: event.data.clock,
          percent: event.data.percent,
          dueAt: Date.parse(event.data.dueAt),
          at: Date.parse(event.data.at),
        });
      else if (event.type === 'SlaBreached')
        alarms.push({
          requestId: event.data.requestId,
          clock: event.data.clock,
          percent: 100,
          dueAt: Date.parse(event.data.deadline),
          at: Date.parse(event.data.at),
        });
    }
    if (page.length < PAGE) return alarms;
    from = page[page.length - 1]!.position;
  }
}
