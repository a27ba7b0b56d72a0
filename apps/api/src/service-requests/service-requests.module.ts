import { MasterDataService, ServiceRequestCommands, ServiceRequestQueries } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Module } from '@nestjs/common';
import { MasterDataModule } from '../master-data/master-data.module';
import { SERVICE_REQUEST_COMMAND_HANDLERS } from './commands';
import { SERVICE_REQUEST_QUERY_HANDLERS } from './queries';
import { ServiceHistoryController } from './service-history.controller';
import { ServiceRequestAnswers } from './service-request-answers';
import { ServiceRequestCommandsController } from './service-request-commands.controller';
import { ServiceRequestReadModels } from './service-request-read-models';
import { ServiceRequestsController } from './service-requests.controller';
import { TechnicianAgendaController } from './technician-agenda.controller';

/** The service-request lifecycle over HTTP: commands and queries through the CQRS buses. */
@Module({
  imports: [MasterDataModule],
  controllers: [
    ServiceRequestsController,
    ServiceRequestCommandsController,
    TechnicianAgendaController,
    ServiceHistoryController,
  ],
  providers: [
    {
      provide: ServiceRequestCommands,
      inject: [EVENT_STORE, READ_STORE, MasterDataService],
      useFactory: (events: EventStore, reads: ReadStore, masterData: MasterDataService) =>
        new ServiceRequestCommands({ events, reads, masterData }),
    },
    {
      provide: ServiceRequestQueries,
      inject: [READ_STORE, MasterDataService],
      useFactory: (reads: ReadStore, masterData: MasterDataService) =>
        new ServiceRequestQueries({ reads, masterData }),
    },
    ServiceRequestReadModels,
    ServiceRequestAnswers,
    ...SERVICE_REQUEST_COMMAND_HANDLERS,
    ...SERVICE_REQUEST_QUERY_HANDLERS,
  ],
  // The portal opens and comments through the same commands, and answers once the same read models show it.
  exports: [ServiceRequestCommands, ServiceRequestReadModels],
})
export class ServiceRequestsModule {}
