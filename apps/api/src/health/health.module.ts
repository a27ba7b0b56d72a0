import { Module } from '@nestjs/common';
import { MetricsController } from '../metrics/metrics.controller';
import { HealthController } from './health.controller';
import { SystemHealthService } from './system-health.service';

@Module({
  controllers: [HealthController, MetricsController],
  providers: [SystemHealthService],
})
export class HealthModule {}
