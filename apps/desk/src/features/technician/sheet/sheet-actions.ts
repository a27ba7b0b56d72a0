import type { ServiceRequestDetail } from '@fieldstream/api-contract';
import type { SheetAction } from '../types/sheet-action';
import type { Viewer } from '../types/viewer';

/** The decider's names of the commands (what `allowedCommands` lists). */
const COMMAND_OF: Record<SheetAction, string> = {
  onTheWay: 'setOut',
  start: 'startWork',
  renounce: 'renounce',
  conditionFound: 'addConditionFound',
  note: 'addNote',
  followUp: 'openFollowUp',
  close: 'close',
};

const ACTING_ROLES: ReadonlySet<Viewer['role']> = new Set(['technician', 'admin', 'dispatcher']);

function byState(request: ServiceRequestDetail, viewer: Viewer): SheetAction[] {
  const mine = request.assignments.find((a) => a.technicianCode === viewer.technicianCode);
  switch (request.status) {
    case 'assigned':
      // Setting out tells the customer; once told, it is not offered again.
      return mine
        ? [...(mine.departedAt ? [] : (['onTheWay'] as const)), 'start', 'renounce', 'note']
        : ['note'];
    case 'in-progress':
      // A second technician of a synchronized intervention arrives while work is under way.
      return [
        ...(mine && !mine.startedAt ? (['start'] as const) : []),
        ...(mine ? (['conditionFound'] as const) : []),
        'note',
        'followUp',
        'close',
      ];
    case 'closed':
      return ['note', 'followUp'];
    default:
      return ['note'];
  }
}

/**
 * The buttons the sheet shows: what the request's state allows for this viewer's technician,
 * narrowed by the server's own `allowedCommands` when it sends them. Managers, auditors and
 * customers only read. The API has the last word (a refusal is shown as it comes).
 */
export function sheetActions(request: ServiceRequestDetail, viewer: Viewer): SheetAction[] {
  if (!ACTING_ROLES.has(viewer.role)) return [];
  const allowed = new Set(request.allowedCommands);
  return byState(request, viewer).filter((action) => allowed.size === 0 || allowed.has(COMMAND_OF[action]));
}
