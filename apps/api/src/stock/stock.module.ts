import { MasterDataService, StockService } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Module } from '@nestjs/common';
import { MasterDataModule } from '../master-data/master-data.module';
import { StockController } from './stock.controller';

@Module({
  imports: [MasterDataModule],
  controllers: [StockController],
  providers: [
    {
      provide: StockService,
      inject: [EVENT_STORE, READ_STORE, MasterDataService],
      useFactory: (events: EventStore, reads: ReadStore, masterData: MasterDataService) =>
        new StockService(events, reads, masterData),
    },
  ],
})
export class StockModule {}
