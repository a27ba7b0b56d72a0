import { waitForProjection } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Subject } from 'rxjs';
import { type ChangeTopic, changeKeyOf, changeTopicOf } from './change-topics';

/** Changes are gathered this long before one notice goes out: a 2,000-row import is one refresh, not 2,000. */
const GATHER_MS = 150;

/**
 * Follows the log from the moment the API started and tells connected desks what changed, once
 * the read models they will re-read show it (a notice before the projection caught up would make
 * them re-read stale data and miss the change).
 */
@Injectable()
export class LiveUpdatesService
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  readonly changes = new Subject<ChangeTopic[]>();
  /** Emits once at shutdown, so that open event streams end and the server can close. */
  readonly closed = new Subject<void>();
  private readonly logger = new Logger('LiveUpdates');
  private readonly abort = new AbortController();
  private pending = new Map<string, { topic: ChangeTopic; position: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.events.headPosition();
    void this.follow(head);
  }

  /** Before the HTTP server closes: it waits for open connections, and event streams never end by themselves. */
  beforeApplicationShutdown(): void {
    this.closed.next();
  }

  async onApplicationShutdown(): Promise<void> {
    this.abort.abort();
    clearTimeout(this.timer);
    this.closed.next();
    this.closed.complete();
    this.changes.complete();
  }

  private async follow(after: number): Promise<void> {
    const subscription = this.events.subscribeToAll({ after, signal: this.abort.signal });
    try {
      for await (const event of subscription) {
        const topic = changeTopicOf(event);
        if (!topic) continue;
        this.pending.set(changeKeyOf(topic), { topic, position: event.position });
        this.timer ??= setTimeout(() => void this.flush(), GATHER_MS);
      }
    } catch (error) {
      if (!this.abort.signal.aborted) this.logger.warn(`Live updates stopped: ${(error as Error).message}`);
    }
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    this.timer = undefined;
    const byProjection = new Map<string, number>();
    for (const { topic, position } of batch) {
      byProjection.set(topic.projection, Math.max(byProjection.get(topic.projection) ?? 0, position));
    }
    await Promise.all(
      [...byProjection].map(([projection, position]) =>
        waitForProjection(this.reads, projection, position, 10_000),
      ),
    );
    if (!this.abort.signal.aborted) this.changes.next(batch.map((entry) => entry.topic));
  }
}
