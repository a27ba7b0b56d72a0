import type { AssignBody } from '@fieldstream/api-contract';
import { instantOfLocalInput } from '../format/instant-of-local-input';
import type { AssignmentRowDraft } from '../types/assignment-row-draft';
import type { DisplaceInstruction } from '../types/displace-instruction';
import { slotProblemsOf, type SlotProblem } from './slot-problems-of';

export type AssignProblem = SlotProblem | 'duplicate';

export type AssignBodyResult =
  | { ok: true; body: AssignBody }
  | {
      ok: false;
      /** By the path the API would name (`assignments.1.start`), so both show in the same place. */
      problems: Record<string, AssignProblem>;
    };

/**
 * The assign command's body from the dialog's rows: each technician once, a zoned start, whole
 * minutes. `displace` is sent only for an emergency, naming every appointment pushed aside.
 */
export function assignBodyOf(
  rows: readonly AssignmentRowDraft[],
  displace: readonly DisplaceInstruction[] = [],
): AssignBodyResult {
  const problems: Record<string, AssignProblem> = {};
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (!row.technicianCode) problems[`assignments.${index}.technicianCode`] = 'required';
    else if (seen.has(row.technicianCode)) problems[`assignments.${index}.technicianCode`] = 'duplicate';
    else seen.add(row.technicianCode);
    for (const [name, problem] of Object.entries(slotProblemsOf(row.start, row.durationMinutes)))
      problems[`assignments.${index}.${name}`] = problem;
  });
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      assignments: rows.map((row) => ({
        technicianCode: row.technicianCode ?? '',
        start: instantOfLocalInput(row.start) ?? row.start,
        durationMinutes: Number(row.durationMinutes),
      })),
      ...(displace.length > 0 ? { displace: [...displace] } : {}),
    },
  };
}
