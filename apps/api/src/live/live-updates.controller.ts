import type { Principal } from '@fieldstream/domain';
import { Controller, type MessageEvent, Sse } from '@nestjs/common';
import { type Observable, filter, interval, map, merge, takeUntil } from 'rxjs';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { mayHear } from './change-topics';
import { LiveUpdatesService } from './live-updates.service';

/**
 * Server-sent events telling a desk which of its queries to re-read: `changed` with topics such as
 * `master-data/customers`, `stock`, `users`. A `ping` every 20 s keeps proxies from closing the line.
 */
@Controller('live')
export class LiveUpdatesController {
  constructor(private readonly live: LiveUpdatesService) {}

  @Sse()
  stream(@CurrentPrincipal() principal: Principal): Observable<MessageEvent> {
    const changes = this.live.changes.pipe(
      map((topics) => [
        ...new Set(topics.filter((topic) => mayHear(principal, topic)).map((topic) => topic.topic)),
      ]),
      filter((topics) => topics.length > 0),
      map((topics): MessageEvent => ({ type: 'changed', data: { topics } })),
    );
    const pings = interval(20_000).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    return merge(changes, pings).pipe(takeUntil(this.live.closed));
  }
}
