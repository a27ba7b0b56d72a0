import { useMutation } from '@tanstack/react-query';
import { useApi } from './use-api';
import { useSession } from './use-session';

/**
 * Ends the session on the server, then locally. The local sign-out happens whatever the server
 * says: a user who clicks "sign out" must be out, even when the network is gone.
 */
export function useLogout() {
  const api = useApi();
  const { signOut } = useSession();
  return useMutation<void, Error, void>({
    mutationFn: async () => {
      try {
        await api<void>('/api/auth/logout', { method: 'POST' });
      } catch {
        // Ignored on purpose: see above. An expired token is just as signed out.
      }
    },
    onSettled: () => signOut(),
  });
}
