import { AvailabilityService, MasterDataService } from '@fieldstream/application';
import { READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { text } from 'express';
import { MasterDataModule } from '../master-data/master-data.module';
import { AvailabilityController } from './availability.controller';

@Module({
  imports: [MasterDataModule],
  controllers: [AvailabilityController],
  providers: [
    {
      provide: AvailabilityService,
      inject: [READ_STORE, MasterDataService],
      useFactory: (reads: ReadStore, masterData: MasterDataService) =>
        new AvailabilityService(reads, masterData),
    },
  ],
})
export class AvailabilityModule implements NestModule {
  /** iCalendar files arrive as text; a year of someone's calendar stays well under 2 MB. */
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(text({ type: ['text/calendar', 'text/plain'], limit: '2mb' }))
      .forRoutes({ path: 'master-data/calendars/:code/ical', method: RequestMethod.POST });
  }
}
