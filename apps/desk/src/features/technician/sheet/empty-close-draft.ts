import type { CloseDraft } from '../types/close-draft';

/** A fresh close form, the labour prefilled with the estimate when there is one. */
export function emptyCloseDraft(estimate: number | undefined): CloseDraft {
  return {
    labourMinutes: estimate === undefined ? '' : String(estimate),
    travelMinutes: '',
    travelKm: '',
    materials: [],
    correctiveActions: [],
    otherActions: '',
    resolution: '',
  };
}
