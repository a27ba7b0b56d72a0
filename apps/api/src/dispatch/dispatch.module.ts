import {
  AssignmentImpacts,
  DispatchBoard,
  DispatchQueries,
  MasterDataService,
} from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import type { ReadStore } from '@fieldstream/read-store';
import { Module } from '@nestjs/common';
import { MasterDataModule } from '../master-data/master-data.module';
import { DispatchBoardController } from './dispatch-board.controller';
import { ProposalsController } from './proposals.controller';
import { ProposeForRequestHandler } from './propose-for-request.query';
import { ProposeWhatIfHandler } from './propose-what-if.query';
import { PreviewAssignmentImpactHandler } from './preview-assignment-impact.query';
import { ReadDispatchBoardHandler } from './read-dispatch-board.query';

/**
 * Dispatch over HTTP: proposals of technicians, the impact preview of an emergency and the
 * dispatcher's board, through the query bus.
 */
@Module({
  imports: [MasterDataModule],
  controllers: [ProposalsController, DispatchBoardController],
  providers: [
    {
      provide: DispatchQueries,
      inject: [READ_STORE, MasterDataService],
      useFactory: (reads: ReadStore, masterData: MasterDataService) =>
        new DispatchQueries({ reads, masterData }),
    },
    {
      provide: DispatchBoard,
      inject: [READ_STORE, MasterDataService],
      useFactory: (reads: ReadStore, masterData: MasterDataService) =>
        new DispatchBoard({ reads, masterData }),
    },
    {
      provide: AssignmentImpacts,
      inject: [EVENT_STORE, READ_STORE],
      useFactory: (events: EventStore, reads: ReadStore) => new AssignmentImpacts({ events, reads }),
    },
    ProposeForRequestHandler,
    ProposeWhatIfHandler,
    PreviewAssignmentImpactHandler,
    ReadDispatchBoardHandler,
  ],
})
export class DispatchModule {}
