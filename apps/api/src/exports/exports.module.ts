import { InterventionExports } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Module } from '@nestjs/common';
import { InterventionExportsController } from './intervention-exports.controller';

/**
 * Exports for the back office: closed interventions read straight from the log (closures,
 * their requests' streams) with master data's names from the read models.
 */
@Module({
  controllers: [InterventionExportsController],
  providers: [
    {
      provide: InterventionExports,
      inject: [EVENT_STORE, READ_STORE],
      useFactory: (events: EventStore, reads: ReadStore) => new InterventionExports({ events, reads }),
    },
  ],
})
export class ExportsModule {}
