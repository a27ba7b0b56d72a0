import { Module } from '@nestjs/common';
import { LiveUpdatesController } from './live-updates.controller';
import { LiveUpdatesService } from './live-updates.service';

@Module({ controllers: [LiveUpdatesController], providers: [LiveUpdatesService] })
export class LiveUpdatesModule {}
