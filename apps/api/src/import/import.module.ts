import { IMPORT_LIMITS, ImportService, MasterDataService } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { text } from 'express';
import { MasterDataModule } from '../master-data/master-data.module';
import { ImportController } from './import.controller';
import { ImportJobs } from './import-jobs';

@Module({
  imports: [MasterDataModule],
  controllers: [ImportController],
  providers: [
    {
      provide: ImportService,
      inject: [EVENT_STORE, READ_STORE, MasterDataService],
      useFactory: (events: EventStore, reads: ReadStore, masterData: MasterDataService) =>
        new ImportService({ events, reads, masterData }),
    },
    ImportJobs,
  ],
})
export class ImportModule implements NestModule {
  /**
   * CSV arrives as text, up to the import's own limit: only on these routes, so the rest of the
   * API keeps its small JSON body limit. (JSON bodies go through the app's JSON parser and its BODY_LIMIT.)
   */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(text({ type: ['text/csv', 'text/plain'], limit: IMPORT_LIMITS.maxBytes }))
      .forRoutes(ImportController);
  }
}
