import {
  type FollowedProjection,
  type ServiceRequestCommandResult,
  waitForProjection,
  waitForReadModels,
} from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import { EVENT_STORE, READ_STORE } from '@fieldstream/infrastructure';
import { serviceRequestsProjection, technicianAgendaProjection } from '@fieldstream/projections';
import type { ReadStore } from '@fieldstream/read-store';
import { Inject, Injectable, Logger } from '@nestjs/common';

/** How long a command's answer waits for the read models before answering with what they show. */
const WAIT_MS = 2_000;

/** The read models a service-request command's answer (and the screens after it) read from. */
const FOLLOWED: readonly FollowedProjection[] = [serviceRequestsProjection, technicianAgendaProjection];

/**
 * Read-your-writes for service-request commands: before answering, waits until both read models
 * have applied what the command wrote (each up to the last event it reads; see `waitForReadModels`).
 */
@Injectable()
export class ServiceRequestReadModels {
  private readonly logger = new Logger('ServiceRequestReadModels');

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly reads: ReadStore,
  ) {}

  /**
   * True when the read models show everything the command wrote; false when one is late. The
   * command says which read models its writes feed and up to where; a result that does not say
   * (from a writer other than ServiceRequestCommands) falls back to searching the log for what
   * each read model reads.
   */
  async caughtUp(result: Pick<ServiceRequestCommandResult, 'position' | 'readModels'>): Promise<boolean> {
    const { position, readModels } = result;
    const late = readModels
      ? (
          await Promise.all(
            readModels.map(async ({ projection, position: target }) =>
              (await waitForProjection(this.reads, projection, target, WAIT_MS)) ? [] : [projection],
            ),
          )
        ).flat()
      : await waitForReadModels(this.events, this.reads, FOLLOWED, position, WAIT_MS);
    if (late.length > 0) {
      this.logger.warn(
        `Read models ${late.join(', ')} have not reached position ${position} in ${WAIT_MS} ms`,
      );
    }
    return late.length === 0;
  }
}
