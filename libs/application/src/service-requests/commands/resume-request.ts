import { DomainError } from '@fieldstream/domain';
import type { ServiceRequestCommandResult } from '../service-request-action';
import { type CommandRun, commandResult, stepContext } from './command-run';
import { type LoadedRequest, runOnRequest } from './request-stream';
import { releaseBooking, resumeBooking } from './technician-schedules';

/**
 * Resumes a suspended request, then each of its appointments. An appointment whose slot was
 * taken while it was on hold (an emergency booked over it) cannot take its time back: that
 * technician is unassigned, saying why (the request goes back to dispatch when none remains). On
 * a request already in progress the technician stays, and a note says the slot is contested.
 */
export async function resumeRequest(
  run: CommandRun,
  request: LoadedRequest,
  expectedVersion: number | undefined,
): Promise<ServiceRequestCommandResult> {
  const { requestId } = request;
  const resumed = await runOnRequest(run, requestId, { type: 'resume', at: run.context.at }, run.context, {
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
  });
  let version = resumed.version;
  const state = resumed.state;
  for (const assignment of Object.values(state.assignments)) {
    try {
      await resumeBooking(run, assignment);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'schedule_conflict') throw error;
      const context = stepContext(run.context, `resume-conflict:${assignment.technicianCode}`);
      const why = `its slot was taken while the request was suspended (${error.message})`;
      if (state.status === 'assigned') {
        const unassigned = await runOnRequest(
          run,
          requestId,
          {
            type: 'unassign',
            at: run.context.at,
            technicianCode: assignment.technicianCode,
            reason: `Unassigned on resuming: ${why}`,
          },
          context,
        );
        version = unassigned.version;
        await releaseBooking(run, assignment, 'slot taken while suspended');
      } else {
        const noted = await runOnRequest(
          run,
          requestId,
          {
            type: 'addNote',
            at: run.context.at,
            text: `The appointment of ${assignment.technicianCode} stays suspended: ${why}.`,
          },
          context,
        );
        version = noted.version;
      }
    }
  }
  return commandResult(run, requestId, version);
}
