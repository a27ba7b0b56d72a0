import type { TechnicianAgendaDocument } from '@fieldstream/projections';

/** Which copy of a two-week booking speaks for it: a suspension in either week shows. */
const STATUS_WEIGHT: Readonly<Record<TechnicianAgendaDocument['status'], number>> = {
  suspended: 2,
  confirmed: 1,
  reserved: 0,
};

/**
 * One document per appointment however many weekly schedule streams hold it (a booking spanning
 * two weeks is stored twice), the strongest status winning, in order of start then id.
 */
export function oneCopyPerAppointment(
  stored: readonly TechnicianAgendaDocument[],
): TechnicianAgendaDocument[] {
  const appointments = new Map<string, TechnicianAgendaDocument>();
  for (const document of stored) {
    const seen = appointments.get(document.appointmentId);
    if (!seen || STATUS_WEIGHT[document.status] > STATUS_WEIGHT[seen.status])
      appointments.set(document.appointmentId, document);
  }
  return [...appointments.values()].sort((a, b) =>
    a.start < b.start ? -1 : a.start > b.start ? 1 : a.appointmentId < b.appointmentId ? -1 : 1,
  );
}
