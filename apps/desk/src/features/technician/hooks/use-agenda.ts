import { agendaSchema } from '@fieldstream/api-contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { agendaKeys } from '../../../shared/hooks/agenda-query-keys';
import { useApi } from '../../auth/hooks/use-api';
import { technicianPaths } from '../api/technician-paths';

/**
 * A technician's appointments in a range. The previous range stays on screen while the next one
 * loads, and the cache keeps the last answer for a day: offline, the technician still sees where
 * to go.
 */
export function useAgenda(technicianCode: string | undefined, range: { from: string; to: string } | null) {
  const api = useApi();
  return useQuery({
    queryKey: agendaKeys.range(technicianCode ?? '', range?.from ?? '', range?.to ?? ''),
    queryFn: ({ signal }) =>
      api(technicianPaths.agenda(technicianCode ?? '', range ?? { from: '', to: '' }), {
        signal,
        schema: agendaSchema,
      }),
    enabled: Boolean(technicianCode) && range !== null,
    placeholderData: keepPreviousData,
    gcTime: 24 * 60 * 60_000,
    // Live notices refresh at once; the slow poll only covers a dropped connection.
    refetchInterval: 60_000,
  });
}
