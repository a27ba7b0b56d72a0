import { calendarFeedPaths } from '@fieldstream/api-contract';
import { FEED_CACHE_SECONDS, type PublishedFeed } from '@fieldstream/application';
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { PublishCalendarFeedQuery } from './calendar-feed.queries';
import { ifNoneMatchHolds } from './if-none-match';

/**
 * `GET /api/calendar-feeds/<token>.ics`: a feed as phone calendars subscribe to it. Public: the
 * token in the path is the credential (calendar apps send no headers), and a wrong, replaced or
 * revoked one is a plain 404. Cheap to poll: private caching for five minutes, and an ETag that
 * answers 304 while the agenda is unchanged.
 */
@Controller()
export class CalendarFeedIcsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Public()
  @Get(calendarFeedPaths.ics)
  async feed(
    @Param('token') token: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const feed: PublishedFeed = await this.queryBus.execute(
      new PublishCalendarFeedQuery(token, request.get('user-agent') ?? ''),
    );
    response.set({
      'Cache-Control': `private, max-age=${FEED_CACHE_SECONDS}`,
      ETag: feed.etag,
      // The URL is a secret: not to be indexed, nor passed on as a referrer.
      'X-Robots-Tag': 'noindex, nofollow',
      'Referrer-Policy': 'no-referrer',
    });
    if (ifNoneMatchHolds(request.get('if-none-match'), feed.etag)) {
      response.status(304).end();
      return;
    }
    response
      .status(200)
      .type('text/calendar; charset=utf-8')
      .set('Content-Disposition', `inline; filename="${feed.fileName}.ics"`)
      .send(feed.body);
  }
}
