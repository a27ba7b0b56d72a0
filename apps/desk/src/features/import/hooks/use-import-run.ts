import { useMutation, useQuery } from '@tanstack/react-query';
import { useSession } from '../../auth/hooks/use-session';
import { fetchImportStatus } from '../api/fetch-import-status';
import { postImport } from '../api/post-import';
import type { ImportFormat } from '../types/import-format';
import { isFinalPhase } from '../types/is-final-phase';

export const IMPORT_POLL_MS = 300;

export interface StartImport {
  plural: string;
  format: ImportFormat;
  content: string;
  dryRun: boolean;
  fileName?: string;
}

/** Starts an import and follows it every 300 ms until its status is final. */
export function useImportRun() {
  const token = useSession().session?.token;
  const start = useMutation({
    mutationFn: (request: StartImport) => postImport({ ...request, token }),
  });
  const importId = start.data?.importId;
  const status = useQuery({
    queryKey: ['import-status', importId],
    queryFn: () => fetchImportStatus(importId ?? '', token),
    enabled: importId !== undefined,
    refetchInterval: (query) => {
      const data = query.state.data;
      return data && isFinalPhase(data.status) ? false : IMPORT_POLL_MS;
    },
    // A final status never changes; a running one is refetched by the interval only.
    staleTime: Infinity,
    retry: 2,
  });
  return { start, status };
}
