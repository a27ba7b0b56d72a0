/** Slot starts in UTC hours on a working day; 2 h each, so consecutive slots never overlap. */
const SLOT_HOURS = [7, 9.5, 12, 14.5];
const DURATION_MINUTES = 120;
/** Monday 4 January 2027, 00:00 UTC: far from the demo history, so no booking is in the way. */
const FIRST_MONDAY = Date.UTC(2027, 0, 4);
const DAY = 86_400_000;

export interface BenchSlot {
  technicianCode: string;
  start: string;
  durationMinutes: number;
}

/**
 * The n-th assignment of a run, to a technician and time no other n touches: round-robin over the
 * technicians, then the four slots of a day, then working days forward. Each technician's weekly
 * schedule stream thus grows by at most 20 bookings, as a real week would, and a 409 during the
 * run can only be a bug in the generator or in the server.
 */
export function conflictFreeSlot(n: number, technicianCodes: readonly string[]): BenchSlot {
  const technicianCode = technicianCodes[n % technicianCodes.length]!;
  const round = Math.floor(n / technicianCodes.length);
  const slot = round % SLOT_HOURS.length;
  const workday = Math.floor(round / SLOT_HOURS.length);
  const day = FIRST_MONDAY + (Math.floor(workday / 5) * 7 + (workday % 5)) * DAY;
  return {
    technicianCode,
    start: new Date(day + SLOT_HOURS[slot]! * 3_600_000).toISOString(),
    durationMinutes: DURATION_MINUTES,
  };
}
