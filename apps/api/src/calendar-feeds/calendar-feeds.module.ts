import {
  CalendarFeedPublisher,
  CalendarFeedSubscriptions,
  MasterDataService,
} from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { APP_CONFIG, type AppConfig, EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Module } from '@nestjs/common';
import { MasterDataModule } from '../master-data/master-data.module';
import { CalendarFeedIcsController } from './calendar-feed-ics.controller';
import {
  CreateCalendarFeedHandler,
  RegenerateCalendarFeedHandler,
  RevokeCalendarFeedHandler,
} from './calendar-feed.commands';
import { ListCalendarFeedsHandler, PublishCalendarFeedHandler } from './calendar-feed.queries';
import { CalendarFeedsAdminController } from './calendar-feeds-admin.controller';
import { MyCalendarFeedsController } from './my-calendar-feeds.controller';

const options = (events: EventStore, reads: ReadStore, masterData: MasterDataService, config: AppConfig) => ({
  events,
  reads,
  masterData,
  publicUrl: config.notifications.publicUrl,
});

/**
 * Private iCalendar feeds of agendas over HTTP: the owner's `/me/calendar-feeds`, the
 * administrators' `/calendar-feeds`, and the public `.ics` URL phone calendars subscribe to.
 */
@Module({
  imports: [MasterDataModule],
  controllers: [MyCalendarFeedsController, CalendarFeedsAdminController, CalendarFeedIcsController],
  providers: [
    {
      provide: CalendarFeedSubscriptions,
      inject: [EVENT_STORE, READ_STORE, MasterDataService, APP_CONFIG],
      useFactory: (events: EventStore, reads: ReadStore, masterData: MasterDataService, config: AppConfig) =>
        new CalendarFeedSubscriptions(options(events, reads, masterData, config)),
    },
    {
      provide: CalendarFeedPublisher,
      inject: [EVENT_STORE, READ_STORE, MasterDataService, APP_CONFIG],
      useFactory: (events: EventStore, reads: ReadStore, masterData: MasterDataService, config: AppConfig) =>
        new CalendarFeedPublisher(options(events, reads, masterData, config)),
    },
    CreateCalendarFeedHandler,
    RegenerateCalendarFeedHandler,
    RevokeCalendarFeedHandler,
    ListCalendarFeedsHandler,
    PublishCalendarFeedHandler,
  ],
})
export class CalendarFeedsModule {}
