import type { AgendaEntry } from '@fieldstream/api-contract';

/** An appointment of T-MI-1 for a request of ACME, with what the test cares about. */
export function agendaEntryOf(
  id: string,
  start: Date,
  minutes: number,
  overrides: Partial<Omit<AgendaEntry, 'request'>> & {
    request?: Partial<NonNullable<AgendaEntry['request']>>;
  } = {},
): AgendaEntry {
  const { request, ...entry } = overrides;
  return {
    appointmentId: `A-${id}`,
    technicianCode: 'T-MI-1',
    requestId: `R-${id}`,
    start: start.toISOString(),
    end: new Date(start.getTime() + minutes * 60_000).toISOString(),
    status: 'confirmed',
    ...entry,
    request: {
      reference: `SR-${id}`,
      status: 'assigned',
      priority: 'normal',
      description: `Job ${id}`,
      customerCode: 'ACME',
      customerName: 'ACME Spa',
      siteCode: 'S-ACME-1',
      siteName: 'ACME plant',
      address: 'Via Roma 1, 20100 Milano',
      crew: [],
      ...request,
    },
  };
}
