import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { useSession } from '../../auth/hooks/use-session';
import { masterDataPaths } from '../api/master-data-paths';
import type { KindAccess } from '../types/master-data-types';
import { masterDataKeys } from './master-data-query-keys';

/** Which kinds the signed-in user may read and write. */
export function useMasterDataKinds() {
  const api = useApi();
  const { session } = useSession();
  return useQuery({
    queryKey: [...masterDataKeys.kinds(), session?.user.id ?? ''],
    queryFn: () => api<KindAccess[]>(masterDataPaths.kinds()),
    enabled: session !== null,
    staleTime: 5 * 60_000,
  });
}
