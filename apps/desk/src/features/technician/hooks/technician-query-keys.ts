/**
 * Query keys of the technician screens. Agendas live under `['agendas']` and sheets under
 * `['service-requests']`: the prefixes the live change notices invalidate (topics `agendas` and
 * `service-requests`), so a dispatcher's change reaches the phone without a reload. Catalogue
 * look-ups live under master data's keys, refreshed when the catalogue changes.
 */
export const technicianKeys = {
  agendas: () => ['agendas'] as const,
  agenda: (technicianCode: string, from: string, to: string) =>
    ['agendas', technicianCode, from, to] as const,
  request: (requestId: string) => ['service-requests', requestId] as const,
  sheet: (requestId: string) => ['service-requests', requestId, 'sheet'] as const,
  conditions: (q: string) => ['master-data', 'conditions', 'technician-search', q] as const,
  items: () => ['master-data', 'items', 'technician-names'] as const,
  warehouses: () => ['master-data', 'warehouses', 'technician-sources'] as const,
  technicians: (q: string) => ['master-data', 'technicians', 'technician-picker', q] as const,
};
