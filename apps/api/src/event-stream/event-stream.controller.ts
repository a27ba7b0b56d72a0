import {
  CLOUDEVENTS_BATCH_CONTENT_TYPE,
  EVENT_PAGE_HEADERS,
  type FieldstreamCloudEvent,
  eventFollowQuerySchema,
  eventPageQuerySchema,
  eventStreamPaths,
} from '@fieldstream/api-contract';
import {
  type AsyncApiDocument,
  EventStreamReader,
  FieldValidationError,
  buildAsyncApiDocument,
} from '@fieldstream/application';
import type { Principal } from '@fieldstream/domain';
import { Controller, Get, Header, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { OpenEventStreams } from './open-event-streams';
import { type ServerSentEvent, sendServerSentEvents } from './server-sent-events';

const HEARTBEAT_MS = 15_000;
const RETRY_MS = 2_000;

/**
 * The integrators' event stream: the published categories of the log as CloudEvents, page by page
 * or live over server-sent events, and the AsyncAPI document describing every type. Who may read
 * it, and what is published, is the application's (EventStreamReader, the event catalogue).
 */
@Controller()
export class EventStreamController {
  private asyncApi: AsyncApiDocument | undefined;

  constructor(
    private readonly reader: EventStreamReader,
    private readonly streams: OpenEventStreams,
  ) {}

  /**
   * `?after=&limit=&category=&types=`: one page in log order, a JSON array of CloudEvents
   * (`application/cloudevents-batch+json` when the client asks for it). The next page's `after` is
   * in `Link: rel="next"` and `Fieldstream-Next-Position`: it may lie past the page's last event,
   * when the page read events the selection leaves out.
   */
  @Get(eventStreamPaths.page)
  async page(
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<FieldstreamCloudEvent[]> {
    const selection = eventPageQuerySchema.parse(query ?? {});
    const page = await this.reader.page(principal, selection);
    const next = new URLSearchParams();
    next.set('after', String(page.next));
    if (selection.limit !== undefined) next.set('limit', String(selection.limit));
    if (selection.category !== undefined) next.set('category', selection.category);
    if (selection.types !== undefined) next.set('types', selection.types.join(','));
    // The path as the client asked for it, whatever prefix a proxy put in front.
    const path = (request.originalUrl ?? request.url).split('?')[0];
    response.setHeader('Link', `<${path}?${next.toString()}>; rel="next"`);
    response.setHeader(EVENT_PAGE_HEADERS.nextPosition, String(page.next));
    response.setHeader(EVENT_PAGE_HEADERS.headPosition, String(page.head));
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Vary', 'Accept');
    if (
      request.accepts(['application/json', CLOUDEVENTS_BATCH_CONTENT_TYPE]) === CLOUDEVENTS_BATCH_CONTENT_TYPE
    )
      response.type(CLOUDEVENTS_BATCH_CONTENT_TYPE);
    return page.events;
  }

  /**
   * `?after=&category=&types=`, server-sent events: catches up from `after` (or, on a reconnection,
   * from the `Last-Event-ID` the client sends, which wins), then follows live. Each message is
   * `id: <position>`, `event: <CloudEvents type>`, `data: <the CloudEvent>`.
   */
  @Get(eventStreamPaths.follow)
  async follow(
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const selection = eventFollowQuerySchema.parse(query ?? {});
    const after = resumePosition(request.header('last-event-id')) ?? selection.after;
    const signal = this.streams.track(response);
    // Refusals are thrown here, before the stream starts, and answered as problems.
    const events = this.reader.follow(principal, { ...selection, after }, signal);
    await sendServerSentEvents(response, asMessages(events), {
      heartbeatMs: HEARTBEAT_MS,
      retryMs: RETRY_MS,
      signal,
    });
  }

  /** The AsyncAPI 3.0 document of every published type: public, like the OpenAPI document. */
  @Public()
  @Get(eventStreamPaths.asyncApi)
  @Header('Cache-Control', 'no-cache')
  asyncApiDocument(): AsyncApiDocument {
    this.asyncApi ??= buildAsyncApiDocument();
    return this.asyncApi;
  }
}

/** `Last-Event-ID`: the position of the last event the client received; absent or empty, none. */
function resumePosition(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const text = header.trim();
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new FieldValidationError('Last-Event-ID is not a position of this stream', [
      {
        field: 'Last-Event-ID',
        code: 'invalid_position',
        message: 'Last-Event-ID must be the id of an event of this stream: a whole number',
      },
    ]);
  }
  return Number(text);
}

async function* asMessages(events: AsyncIterable<FieldstreamCloudEvent>): AsyncGenerator<ServerSentEvent> {
  for await (const event of events)
    yield { id: event.position, event: event.type, data: JSON.stringify(event) };
}
