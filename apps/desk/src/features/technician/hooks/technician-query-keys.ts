/**
 * Query keys of the technician screens. Agendas use the shared `agendaKeys` (under `['agendas']`)
 * and sheets live under `['service-requests']`: the prefixes the live change notices invalidate
 * (topics `agendas` and `service-requests`), so a dispatcher's change reaches the phone without a
 * reload. Catalogue look-ups live under master data's keys, refreshed when the catalogue changes.
 */
export const technicianKeys = {
  request: (requestId: string) => ['service-requests', requestId] as const,
  sheet: (requestId: string) => ['service-requests', requestId, 'sheet'] as const,
  conditions: (q: string) => ['master-data', 'conditions', 'technician-search', q] as const,
  items: () => ['master-data', 'items', 'technician-names'] as const,
  warehouses: () => ['master-data', 'warehouses', 'technician-sources'] as const,
};
