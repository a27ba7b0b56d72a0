import { preventiveRunsSchema } from '@fieldstream/api-contract';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { preventivePaths } from '../api/preventive-paths';
import { preventiveKeys } from '../api/preventive-query-keys';

/** As many runs as the API gives at once: a run is recorded only when it did something. */
const RUNS_SHOWN = 100;

/** The preventive runs' reports, newest first (as the API sends them). */
export function usePreventiveRuns() {
  const api = useApi();
  return useQuery({
    queryKey: preventiveKeys.runs(),
    queryFn: ({ signal }) => api(preventivePaths.runs(RUNS_SHOWN), { signal, schema: preventiveRunsSchema }),
  });
}
