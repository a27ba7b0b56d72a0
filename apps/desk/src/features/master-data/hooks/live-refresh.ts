/**
 * Several dispatchers edit the same records: the API's change notices (features/live) refetch
 * what changed at once; the slow poll and the refetch on focus only cover a dropped connection.
 */
export const LIVE_REFRESH = {
  refetchInterval: 30_000,
  refetchOnWindowFocus: true,
  staleTime: 0,
} as const;
