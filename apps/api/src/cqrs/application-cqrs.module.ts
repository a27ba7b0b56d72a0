import { Logger, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { CqrsModule, UnhandledExceptionBus } from '@nestjs/cqrs';
import type { Subscription } from 'rxjs';

/**
 * CommandBus, QueryBus and EventBus for the business modules to come. Exceptions thrown by event
 * handlers or sagas never reach a caller; they surface on UnhandledExceptionBus, logged here so
 * they are not lost.
 */
@Module({ imports: [CqrsModule.forRoot()], exports: [CqrsModule] })
export class ApplicationCqrsModule implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Cqrs');
  private subscription: Subscription | undefined;

  constructor(private readonly unhandled: UnhandledExceptionBus) {}

  onModuleInit(): void {
    this.subscription = this.unhandled.subscribe(({ cause, exception }) => {
      const name = (cause as object | undefined)?.constructor?.name ?? 'unknown';
      this.logger.error(
        { msg: `Unhandled exception while handling ${name}` },
        exception instanceof Error ? exception.stack : String(exception),
      );
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }
}
