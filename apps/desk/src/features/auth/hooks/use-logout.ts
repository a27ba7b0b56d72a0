import { useMutation } from '@tanstack/react-query';
import { rememberedPushDevice } from '../../notifications/push/remembered-push-device';
import { useApi } from './use-api';
import { useSession } from './use-session';

/**
 * Ends the session on the server, then locally. The local sign-out happens whatever the server
 * says: a user who clicks "sign out" must be out, even when the network is gone.
 *
 * A browser that receives the user's push notifications stops first: signing out of a shared
 * computer must not leave the next person reading the previous one's notifications.
 */
export function useLogout() {
  const api = useApi();
  const { session, signOut } = useSession();
  return useMutation<void, Error, void>({
    mutationFn: async () => {
      const userId = session?.user.id;
      const pushHere = userId ? rememberedPushDevice.read(userId) : null;
      if (userId && pushHere) {
        try {
          await api<void>(`/api/me/push-devices/${encodeURIComponent(pushHere.deviceId)}`, {
            method: 'DELETE',
          });
        } catch {
          // Gone already, or offline: the server moves the browser to whoever enables push on it next.
        }
        rememberedPushDevice.forget(userId);
      }
      try {
        await api<void>('/api/auth/logout', { method: 'POST' });
      } catch {
        // Ignored on purpose: see above. An expired token is just as signed out.
      }
    },
    onSettled: () => signOut(),
  });
}
