import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { useSession } from '../hooks/use-session';

const isUnauthorized = (error: unknown) => error instanceof ApiProblemError && error.status === 401;

/**
 * Any call answered 401 while signed in means the token expired or the session was ended
 * elsewhere (sign-out on another tab, account disabled): end it here too, so the route guard
 * brings the user to the login page, which says why. Watching the query client's caches catches
 * every query and mutation without each screen handling it.
 */
export function SessionExpiryWatcher() {
  const queryClient = useQueryClient();
  const { session, signOut } = useSession();
  const signedIn = session !== null;
  useEffect(() => {
    if (!signedIn) return undefined;
    const end = () => {
      signOut('expired');
      queryClient.clear();
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && isUnauthorized(event.action.error))
        end();
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error' && isUnauthorized(event.action.error))
        end();
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient, signedIn, signOut]);
  return null;
}
