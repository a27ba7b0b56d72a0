import { type AppConfig, InfrastructureModule } from '@fieldstream/infrastructure';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuthModule } from './auth/auth.module';
import { AvailabilityModule } from './availability/availability.module';
import { CalendarFeedsModule } from './calendar-feeds/calendar-feeds.module';
import { ApplicationCqrsModule } from './cqrs/application-cqrs.module';
import { EventStreamModule } from './event-stream/event-stream.module';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { ImportModule } from './import/import.module';
import { LiveUpdatesModule } from './live/live-updates.module';
import { MasterDataModule } from './master-data/master-data.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OpenApiModule } from './openapi/openapi.module';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { ServiceRequestsModule } from './service-requests/service-requests.module';
import { DevicesModule } from './devices/devices.module';
import { DispatchModule } from './dispatch/dispatch.module';
import { PortalModule } from './portal/portal.module';
import { PreventiveModule } from './preventive/preventive.module';
import { ServiceLevelsModule } from './service-levels/service-levels.module';
import { StockModule } from './stock/stock.module';
import { ZonesModule } from './zones/zones.module';
import { WebhookSubscriptionsModule } from './webhook-subscriptions/webhook-subscriptions.module';

export interface ApiModuleOptions {
  /** Feature modules to mount (business modules, or a test's own). */
  features?: Type[];
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: ApiModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config),
        ApplicationCqrsModule,
        HealthModule,
        AuthModule,
        MasterDataModule,
        AvailabilityModule,
        StockModule,
        ZonesModule,
        AttachmentsModule,
        LiveUpdatesModule,
        ImportModule,
        ServiceRequestsModule,
        DispatchModule,
        ServiceLevelsModule,
        PreventiveModule,
        PortalModule,
        DevicesModule,
        CalendarFeedsModule,
        NotificationsModule,
        EventStreamModule,
        ExportsModule,
        WebhookSubscriptionsModule,
        OpenApiModule,
        ...(options.features ?? []),
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    };
  }
}
