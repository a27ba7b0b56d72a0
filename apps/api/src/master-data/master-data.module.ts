import { MasterDataService } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Module } from '@nestjs/common';
import { MasterDataController } from './master-data.controller';

@Module({
  controllers: [MasterDataController],
  providers: [
    {
      provide: MasterDataService,
      inject: [EVENT_STORE, READ_STORE],
      useFactory: (events: EventStore, reads: ReadStore) => new MasterDataService({ events, reads }),
    },
  ],
  exports: [MasterDataService],
})
export class MasterDataModule {}
