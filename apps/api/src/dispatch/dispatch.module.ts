import { DispatchQueries, MasterDataService } from '@fieldstream/application';
import { READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Module } from '@nestjs/common';
import { MasterDataModule } from '../master-data/master-data.module';
import { ProposalsController } from './proposals.controller';
import { ProposeForRequestHandler } from './propose-for-request.query';
import { ProposeWhatIfHandler } from './propose-what-if.query';

/** Dispatch over HTTP: proposals of technicians, through the query bus. */
@Module({
  imports: [MasterDataModule],
  controllers: [ProposalsController],
  providers: [
    {
      provide: DispatchQueries,
      inject: [READ_STORE, MasterDataService],
      useFactory: (reads: ReadStore, masterData: MasterDataService) =>
        new DispatchQueries({ reads, masterData }),
    },
    ProposeForRequestHandler,
    ProposeWhatIfHandler,
  ],
})
export class DispatchModule {}
