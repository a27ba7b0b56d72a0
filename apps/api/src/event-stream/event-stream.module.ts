import { EventStreamReader } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { EVENT_STORE } from '@fieldstream/infrastructure';
import { Module } from '@nestjs/common';
import { EventStreamController } from './event-stream.controller';
import { OpenEventStreams } from './open-event-streams';

/** The integrators' event stream over HTTP: read straight from the event store, no read model between. */
@Module({
  controllers: [EventStreamController],
  providers: [
    {
      provide: EventStreamReader,
      inject: [EVENT_STORE],
      useFactory: (events: EventStore) => new EventStreamReader(events),
    },
    OpenEventStreams,
  ],
})
export class EventStreamModule {}
