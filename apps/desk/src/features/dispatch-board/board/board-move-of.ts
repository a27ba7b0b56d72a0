import type { DisplaceInstruction } from '../../service-requests/types/displace-instruction';
import type { BoardCall } from '../types/board-call';

export interface BoardMove {
  requestId: string;
  version: number;
  fromTechnicianCode: string;
  toTechnicianCode: string;
  start: Date;
  end: Date;
  /** Sent only for an emergency, naming every appointment pushed aside. */
  displace?: readonly DisplaceInstruction[];
  /** Said on the request's timeline: the board's gesture, in the dispatcher's language. */
  reason: string;
}

const minutesBetween = (start: Date, end: Date) =>
  Math.max(1, Math.round((end.getTime() - start.getTime()) / 60_000));

/**
 * An appointment dragged on the board: along its own row it is rescheduled; onto another
 * technician's row the new technician is assigned at the new time first and the old one taken off
 * after, so the request is never left without anyone (a refusal of the first step changes nothing).
 */
export function boardMoveOf(move: BoardMove): BoardCall {
  const durationMinutes = minutesBetween(move.start, move.end);
  const start = move.start.toISOString();
  const displace = move.displace && move.displace.length > 0 ? { displace: [...move.displace] } : {};
  if (move.fromTechnicianCode === move.toTechnicianCode) {
    return {
      requestId: move.requestId,
      version: move.version,
      steps: [
        {
          kind: 'reschedule',
          technicianCode: move.toTechnicianCode,
          body: { start, durationMinutes, reason: move.reason, ...displace },
        },
      ],
    };
  }
  return {
    requestId: move.requestId,
    version: move.version,
    steps: [
      {
        kind: 'assign',
        body: {
          assignments: [{ technicianCode: move.toTechnicianCode, start, durationMinutes }],
          ...displace,
        },
      },
      { kind: 'unassign', technicianCode: move.fromTechnicianCode, reason: move.reason },
    ],
  };
}
