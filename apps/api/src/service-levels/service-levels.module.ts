import { MasterDataService, ServiceLevelQueries } from '@fieldstream/application';
import { READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Module } from '@nestjs/common';
import { MasterDataModule } from '../master-data/master-data.module';
import { GetRequestServiceLevelHandler } from './get-request-service-level.query';
import { ReadSlaDashboardHandler } from './read-sla-dashboard.query';
import { ServiceLevelsController } from './service-levels.controller';

/**
 * Service levels over HTTP, through the query bus: read models only. The clocks themselves run in
 * the worker (the SLA saga), which writes what these read.
 */
@Module({
  imports: [MasterDataModule],
  controllers: [ServiceLevelsController],
  providers: [
    {
      provide: ServiceLevelQueries,
      inject: [READ_STORE, MasterDataService],
      useFactory: (reads: ReadStore, masterData: MasterDataService) =>
        new ServiceLevelQueries({ reads, masterData }),
    },
    GetRequestServiceLevelHandler,
    ReadSlaDashboardHandler,
  ],
})
export class ServiceLevelsModule {}
