import { agendaSchema, serviceRequestPaths, type Agenda } from '@fieldstream/api-contract';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import { apiPathOf } from '../../../shared/api/api-path-of';
import { agendaKeys } from '../../../shared/hooks/agenda-query-keys';
import { useApi } from '../../auth/hooks/use-api';

export interface TechnicianAgendas {
  agendas: Agenda[];
  error: Error | null;
  fetching: boolean;
}

/**
 * The agendas of the technicians for exactly the range asked (the calendar's visible range, no
 * more: an agenda covers at most 62 days). Refreshed by the live notices on `['agendas']`.
 */
export function useTechnicianAgendas(
  technicianCodes: readonly string[],
  range: { from: string; to: string } | null,
): TechnicianAgendas {
  const api = useApi();
  return useQueries({
    queries: technicianCodes.map((code) => ({
      queryKey: agendaKeys.range(code, range?.from ?? '', range?.to ?? ''),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api(
          apiPathOf(
            serviceRequestPaths.agenda(code),
            new URLSearchParams({ from: range?.from ?? '', to: range?.to ?? '' }),
          ),
          { signal, schema: agendaSchema },
        ),
      enabled: range !== null,
      placeholderData: keepPreviousData,
    })),
    combine: (results) => ({
      agendas: results.flatMap((result) => (result.data ? [result.data] : [])),
      error: results.find((result) => result.error)?.error ?? null,
      fetching: results.some((result) => result.isFetching),
    }),
  });
}
