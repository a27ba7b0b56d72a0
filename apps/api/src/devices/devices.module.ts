import {
  DeviceQueries,
  DeviceSignals,
  MasterDataService,
  PreventivePlanner,
  ServiceRequestCommands,
} from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { APP_CONFIG, type AppConfig, EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { MasterDataModule } from '../master-data/master-data.module';
import { DevicesController } from './devices.controller';

/** Records what repeats are still being counted when the API stops. */
@Injectable()
class SignalsCloser implements OnApplicationShutdown {
  constructor(@Inject(DeviceSignals) private readonly signals: DeviceSignals) {}
  async onApplicationShutdown(): Promise<void> {
    await this.signals.close();
  }
}

/** Devices over HTTP: signals in (the requests they open are the worker's saga), diagnosis out. */
@Module({
  imports: [MasterDataModule],
  controllers: [DevicesController],
  providers: [
    {
      provide: DeviceSignals,
      inject: [EVENT_STORE, READ_STORE, MasterDataService, APP_CONFIG],
      useFactory: (
        events: EventStore,
        reads: ReadStore,
        masterData: MasterDataService,
        config: AppConfig,
      ) => {
        const logger = new Logger('Devices');
        return new DeviceSignals({
          events,
          reads,
          planner: new PreventivePlanner({
            events,
            reads,
            commands: new ServiceRequestCommands({ events, reads, masterData }),
          }),
          repeatWindowMs: config.devices.repeatWindowMs,
          log: { error: (message) => logger.error(message) },
        });
      },
    },
    {
      provide: DeviceQueries,
      inject: [READ_STORE, MasterDataService],
      useFactory: (reads: ReadStore, masterData: MasterDataService) => new DeviceQueries(reads, masterData),
    },
    SignalsCloser,
  ],
})
export class DevicesModule {}
