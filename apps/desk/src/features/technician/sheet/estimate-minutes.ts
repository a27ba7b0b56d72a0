import type { InterventionSheet } from '@fieldstream/api-contract';

/**
 * The labour the catalogue expects for this job: the sum of its conditions' expected minutes.
 * Without conditions, the time planned for the technician stands in; with neither, nothing.
 */
export function estimateMinutes(
  sheet: InterventionSheet,
  technicianCode: string | undefined,
): number | undefined {
  const expected = sheet.conditions.reduce((sum, condition) => sum + condition.expectedMinutes, 0);
  if (expected > 0) return expected;
  const planned = sheet.request.assignments.find((a) => a.technicianCode === technicianCode)?.durationMinutes;
  return planned && planned > 0 ? planned : undefined;
}
