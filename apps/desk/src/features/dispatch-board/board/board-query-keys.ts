import type { BoardFilters } from '../types/board-filters';

/**
 * Under `['agendas']`: the live notices on agendas (and on requests, whose revisions the board's
 * drags send) make the board stale, so another dispatcher's change shows without a reload.
 */
export const boardKeys = {
  all: () => ['agendas', 'board'] as const,
  window: (from: string, to: string, filters: BoardFilters) =>
    ['agendas', 'board', from, to, filters.unitCode, filters.zoneCode, filters.skillCode] as const,
};
