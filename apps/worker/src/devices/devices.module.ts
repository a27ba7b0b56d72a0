import {
  DeviceRequests,
  DeviceSignals,
  DeviceWatchdog,
  LogFollower,
  MasterDataService,
  PreventivePlanner,
  ServiceRequestCommands,
} from '@fieldstream/application';
import { DEVICE_EVENT_TYPES, DEVICE_STREAM_PREFIX } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';
import { APP_CONFIG, type AppConfig, EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Logger, Module } from '@nestjs/common';
import { WORKER_CLOCK } from '../worker-clock';
import { DeviceWatch } from './device-watch.service';
import { DEVICE_REQUESTS_FOLLOWER } from './device-tokens';
import { MqttIngestion } from './mqtt-ingestion.service';

type Clock = () => Date;

/**
 * Machines: their MQTT messages recorded as device signals, the saga that opens and updates
 * requests from them, and the watchdog of silent devices. (Over HTTP, the API records signals
 * with the same DeviceSignals rules.)
 */
@Module({
  providers: [
    {
      provide: ServiceRequestCommands,
      inject: [EVENT_STORE, READ_STORE],
      useFactory: (events: EventStore, reads: ReadStore) =>
        new ServiceRequestCommands({ events, reads, masterData: new MasterDataService({ events, reads }) }),
    },
    {
      provide: DeviceSignals,
      inject: [EVENT_STORE, READ_STORE, ServiceRequestCommands, APP_CONFIG, WORKER_CLOCK],
      useFactory: (
        events: EventStore,
        reads: ReadStore,
        commands: ServiceRequestCommands,
        config: AppConfig,
        now: Clock,
      ) => {
        const logger = new Logger('Devices');
        return new DeviceSignals({
          events,
          reads,
          planner: new PreventivePlanner({ events, reads, commands, now }),
          now,
          repeatWindowMs: config.devices.repeatWindowMs,
          log: { error: (message) => logger.error(message) },
        });
      },
    },
    {
      provide: DeviceWatchdog,
      inject: [EVENT_STORE, READ_STORE, WORKER_CLOCK],
      useFactory: (events: EventStore, reads: ReadStore, now: Clock) =>
        new DeviceWatchdog(events, reads, now),
    },
    {
      provide: DEVICE_REQUESTS_FOLLOWER,
      inject: [EVENT_STORE, READ_STORE, ServiceRequestCommands],
      useFactory: (events: EventStore, reads: ReadStore, commands: ServiceRequestCommands) => {
        const saga = new DeviceRequests({ events, reads, commands });
        const logger = new Logger('device-requests');
        return new LogFollower({
          name: 'device-requests',
          events,
          reads,
          streamPrefixes: [DEVICE_STREAM_PREFIX],
          eventTypes: [...DEVICE_EVENT_TYPES],
          // Each asset's signals in order, assets side by side.
          concurrency: 8,
          handle: (recorded) => saga.handle(recorded),
          log: { warn: (m) => logger.warn(m), error: (m) => logger.error(m) },
        });
      },
    },
    DeviceWatch,
    MqttIngestion,
  ],
  exports: [MqttIngestion, DeviceWatch],
})
export class DevicesModule {}
