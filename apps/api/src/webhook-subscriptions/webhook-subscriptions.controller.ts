import {
  type WebhookDeliveryPage,
  type WebhookEventTypes,
  type WebhookSecretView,
  type WebhookSubscriptionList,
  type WebhookSubscriptionView,
  type WebhookSubscriptionWithSecret,
  type WebhookTestAnswer,
  webhookSubscriptionPaths as paths,
} from '@fieldstream/api-contract';
import type { Principal } from '@fieldstream/domain';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../request/authenticated-request';
import { commandContextOf } from '../request/command-context.decorator';
import { CurrentPrincipal } from '../request/current-principal.decorator';
import { expectedVersionOf } from '../request/if-match';
import {
  CreateWebhookSubscriptionCommand,
  DeleteWebhookSubscriptionCommand,
  ReplayWebhookSubscriptionCommand,
  RotateWebhookSecretCommand,
  SetWebhookSubscriptionActiveCommand,
  TestWebhookSubscriptionCommand,
  UpdateWebhookSubscriptionCommand,
} from './webhook-subscription.commands';
import {
  GetWebhookSecretQuery,
  GetWebhookSubscriptionQuery,
  ListWebhookDeliveriesQuery,
  ListWebhookEventTypesQuery,
  ListWebhookSubscriptionsQuery,
} from './webhook-subscription.queries';

/** The ETag of a subscription: its version, the number of events in its stream. */
const versionTag = (version: number) => `"${version}"`;

/**
 * Integrators' webhook subscriptions over HTTP (`/api/webhook-subscriptions`). Who may do what is
 * the application's (WebhookSubscriptions): administrators all, an integrator its own, auditors
 * read. Answers holding a secret are never cached.
 */
@Controller()
export class WebhookSubscriptionsController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
  ) {}

  // Before `:id`, which would otherwise take `event-types` for an id.
  @Get(paths.eventTypes)
  eventTypes(@CurrentPrincipal() principal: Principal): Promise<WebhookEventTypes> {
    return this.queryBus.execute(new ListWebhookEventTypesQuery(principal));
  }

  // Where deliveries stand changes with every event, not with the subscription's version: never
  // cached, or a browser revalidating with the ETag would be told "not modified" and show a stale lag.
  @Get(paths.list)
  @Header('Cache-Control', 'no-store')
  list(@Query() query: unknown, @CurrentPrincipal() principal: Principal): Promise<WebhookSubscriptionList> {
    return this.queryBus.execute(new ListWebhookSubscriptionsQuery(principal, query));
  }

  @Post(paths.list)
  @Header('Cache-Control', 'no-store')
  async create(
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookSubscriptionWithSecret> {
    const created: WebhookSubscriptionWithSecret = await this.commandBus.execute(
      new CreateWebhookSubscriptionCommand(commandContextOf(request), body),
    );
    response.setHeader('Location', `/api${paths.one.replace(':id', created.id)}`);
    response.setHeader('ETag', versionTag(created.version));
    return created;
  }

  @Get(paths.one)
  @Header('Cache-Control', 'no-store')
  async one(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookSubscriptionView> {
    const view: WebhookSubscriptionView = await this.queryBus.execute(
      new GetWebhookSubscriptionQuery(principal, id),
    );
    response.setHeader('ETag', versionTag(view.version));
    return view;
  }

  @Put(paths.one)
  async update(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<WebhookSubscriptionView> {
    const view: WebhookSubscriptionView = await this.commandBus.execute(
      new UpdateWebhookSubscriptionCommand(
        commandContextOf(request),
        id,
        body,
        expectedVersionOf(request.header('if-match')),
      ),
    );
    response.setHeader('ETag', versionTag(view.version));
    return view;
  }

  @Delete(paths.one)
  @HttpCode(204)
  async remove(@Param('id') id: string, @Req() request: AuthenticatedRequest): Promise<void> {
    await this.commandBus.execute(
      new DeleteWebhookSubscriptionCommand(
        commandContextOf(request),
        id,
        expectedVersionOf(request.header('if-match')),
      ),
    );
  }

  @Get(paths.secret)
  @Header('Cache-Control', 'no-store')
  secret(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<WebhookSecretView> {
    return this.queryBus.execute(new GetWebhookSecretQuery(principal, id));
  }

  @Post(paths.rotateSecret)
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  rotateSecret(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
  ): Promise<WebhookSubscriptionWithSecret> {
    return this.commandBus.execute(new RotateWebhookSecretCommand(commandContextOf(request), id, body));
  }

  @Post(paths.pause)
  @HttpCode(200)
  pause(@Param('id') id: string, @Req() request: AuthenticatedRequest): Promise<WebhookSubscriptionView> {
    return this.commandBus.execute(
      new SetWebhookSubscriptionActiveCommand(commandContextOf(request), id, false),
    );
  }

  @Post(paths.resume)
  @HttpCode(200)
  resume(@Param('id') id: string, @Req() request: AuthenticatedRequest): Promise<WebhookSubscriptionView> {
    return this.commandBus.execute(
      new SetWebhookSubscriptionActiveCommand(commandContextOf(request), id, true),
    );
  }

  /** 202: recorded now; the delivery worker moves the position and sends the events again. */
  @Post(paths.replay)
  @HttpCode(202)
  replay(
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: AuthenticatedRequest,
  ): Promise<WebhookSubscriptionView> {
    return this.commandBus.execute(new ReplayWebhookSubscriptionCommand(commandContextOf(request), id, body));
  }

  @Post(paths.test)
  @HttpCode(200)
  test(@Param('id') id: string, @Req() request: AuthenticatedRequest): Promise<WebhookTestAnswer> {
    return this.commandBus.execute(new TestWebhookSubscriptionCommand(commandContextOf(request), id));
  }

  @Get(paths.deliveries)
  @Header('Cache-Control', 'no-store')
  deliveries(
    @Param('id') id: string,
    @Query() query: unknown,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WebhookDeliveryPage> {
    return this.queryBus.execute(new ListWebhookDeliveriesQuery(principal, id, query));
  }
}
