import { boardAnswerSchema, boardPaths } from '@fieldstream/api-contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiPathOf } from '../../../shared/api/api-path-of';
import { useApi } from '../../auth/hooks/use-api';
import { boardKeys } from '../board/board-query-keys';
import type { BoardFilters } from '../types/board-filters';

/**
 * Every row and appointment of the window on screen, in one answer (300 technicians are one
 * request, not 300). The previous window stays on screen while the next loads.
 */
export function useDispatchBoard(range: { from: string; to: string } | null, filters: BoardFilters) {
  const api = useApi();
  return useQuery({
    queryKey: boardKeys.window(range?.from ?? '', range?.to ?? '', filters),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ from: range?.from ?? '', to: range?.to ?? '' });
      if (filters.unitCode) query.set('unitCode', filters.unitCode);
      if (filters.zoneCode) query.set('zoneCode', filters.zoneCode);
      if (filters.skillCode) query.set('skillCode', filters.skillCode);
      return api(apiPathOf(boardPaths.board, query), { signal, schema: boardAnswerSchema });
    },
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}
