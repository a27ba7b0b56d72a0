import type { AssignBody } from '@fieldstream/api-contract';
import type { DisplaceInstruction } from '../../service-requests/types/displace-instruction';
import type { BoardCall } from './board-call';

/**
 * A board gesture waiting for the dispatcher: a proposal or crew to confirm, or a drop refused
 * because the slot is taken (then it may be retried as an emergency, after its impact preview).
 */
export interface PendingGesture {
  /** What the dialog says is about to happen ("Assign SR-… to Marco Rossi on 30 Nov, 08:00–09:00"). */
  summary: string;
  requestId: string;
  /** The call for a list of appointments pushed aside (none: a plain booking). */
  callWith(displace: readonly DisplaceInstruction[]): BoardCall;
  /** The same booking as an assignment, for the impact preview. */
  impactBodyWith(displace: readonly DisplaceInstruction[]): AssignBody;
  /** The refusal that opened the dialog, when a drop met an occupied slot. */
  conflict?: unknown;
  /** What to do when the dialog is closed without applying (put a dragged appointment back). */
  onCancel?: () => void;
}
