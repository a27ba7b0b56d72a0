import {
  MasterDataService,
  PreventivePlanner,
  PreventiveQueries,
  ServiceRequestCommands,
} from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Module } from '@nestjs/common';
import { MasterDataModule } from '../master-data/master-data.module';
import { PreventiveController } from './preventive.controller';

/** Preventive maintenance over HTTP: readings in, reports out; the runs themselves are the worker's. */
@Module({
  imports: [MasterDataModule],
  controllers: [PreventiveController],
  providers: [
    {
      provide: PreventivePlanner,
      inject: [EVENT_STORE, READ_STORE, MasterDataService],
      useFactory: (events: EventStore, reads: ReadStore, masterData: MasterDataService) =>
        new PreventivePlanner({
          events,
          reads,
          commands: new ServiceRequestCommands({ events, reads, masterData }),
        }),
    },
    {
      provide: PreventiveQueries,
      inject: [EVENT_STORE],
      useFactory: (events: EventStore) => new PreventiveQueries(events),
    },
  ],
})
export class PreventiveModule {}
