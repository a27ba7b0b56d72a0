import { MasterDataService, TerritoryService } from '@fieldstream/application';
import { Module } from '@nestjs/common';
import { MasterDataModule } from '../master-data/master-data.module';
import { ZonesController } from './zones.controller';

@Module({
  imports: [MasterDataModule],
  controllers: [ZonesController],
  providers: [
    {
      provide: TerritoryService,
      inject: [MasterDataService],
      useFactory: (masterData: MasterDataService) => new TerritoryService(masterData),
    },
  ],
})
export class ZonesModule {}
