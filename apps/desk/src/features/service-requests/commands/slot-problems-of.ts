import { instantOfLocalInput } from '../format/instant-of-local-input';

export type SlotProblem = 'required' | 'invalidTime' | 'invalidDuration';

/** A week is the longest booking the API takes (`plannedSlotSchema`). */
const MAX_MINUTES = 7 * 24 * 60;

/** What is wrong with a start and a duration as typed, by field name; empty when they can be sent. */
export function slotProblemsOf(
  start: string,
  durationMinutes: number | string,
): Partial<Record<'start' | 'durationMinutes', SlotProblem>> {
  const problems: Partial<Record<'start' | 'durationMinutes', SlotProblem>> = {};
  if (start.trim() === '') problems.start = 'required';
  else if (instantOfLocalInput(start) === undefined) problems.start = 'invalidTime';
  const minutes = typeof durationMinutes === 'number' ? durationMinutes : Number(durationMinutes);
  if (durationMinutes === '') problems.durationMinutes = 'required';
  else if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES)
    problems.durationMinutes = 'invalidDuration';
  return problems;
}
