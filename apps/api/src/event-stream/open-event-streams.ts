import { type BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import type { Response } from 'express';

/**
 * The live streams being served. Each ends when its client goes, or when the API shuts down: the
 * HTTP server waits for open connections to close, and an event stream never closes by itself.
 */
@Injectable()
export class OpenEventStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<AbortController>();
  private closing = false;

  /** A signal aborted when this response's client goes or the API stops. */
  track(response: Response): AbortSignal {
    const controller = new AbortController();
    if (this.closing) controller.abort();
    this.open.add(controller);
    response.once('close', () => {
      controller.abort();
      this.open.delete(controller);
    });
    return controller.signal;
  }

  /** Live streams now serving, for tests and metrics. */
  get count(): number {
    return this.open.size;
  }

  beforeApplicationShutdown(): void {
    this.closing = true;
    for (const controller of this.open) controller.abort();
  }
}
