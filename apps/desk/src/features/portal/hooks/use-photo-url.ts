import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { authorisedFetch } from '../../../shared/api/authorised-fetch';
import { useSession } from '../../auth/hooks/use-session';
import { portalApiPaths } from '../api/portal-api-path';
import { portalKeys } from './portal-query-keys';

/**
 * A photo of the request as an object URL for an `<img>`: a plain `src` cannot carry the bearer
 * token. A photo never changes, so it is fetched once and its URL released when no longer shown.
 */
export function usePhotoUrl(requestId: string, photoId: string) {
  const token = useSession().session?.token;
  const query = useQuery({
    queryKey: portalKeys.photo(requestId, photoId),
    queryFn: async ({ signal }) =>
      URL.createObjectURL(
        await (await authorisedFetch(portalApiPaths.photo(requestId, photoId), token, { signal })).blob(),
      ),
    staleTime: Infinity,
    gcTime: 0,
  });
  const url = query.data;
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return query;
}
