import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiProblemError } from '../../../shared/api/api-problem-error';
import { useApi } from '../../auth/hooks/use-api';
import { useSession } from '../../auth/hooks/use-session';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';
import { rememberedPushDevice } from '../push/remembered-push-device';

async function unsubscribeThisBrowser(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker.getRegistration('/');
    await (await registration?.pushManager.getSubscription())?.unsubscribe();
  } catch (error) {
    // The API sends nothing more to it: a subscription the browser keeps is only unused.
    console.warn('This browser’s push subscription could not be ended.', error);
  }
}

/**
 * Stops push to one of the user's devices. For this browser itself ("Turn off on this device", or
 * its own row) the browser's subscription ends as well, so nothing lingers at the push service.
 * A device already gone (removed from another tab, dropped by its push service) counts as removed.
 */
export function useRemovePushDevice() {
  const api = useApi();
  const { session } = useSession();
  const queryClient = useQueryClient();
  return useMutation<void, Error, { deviceId: string; thisDevice: boolean }>({
    mutationFn: async ({ deviceId, thisDevice }) => {
      try {
        await api(notificationPaths.pushDevice(deviceId), { method: 'DELETE' });
      } catch (error) {
        if (!(error instanceof ApiProblemError && error.status === 404)) throw error;
      }
      if (!thisDevice) return;
      if (session) rememberedPushDevice.forget(session.user.id);
      await unsubscribeThisBrowser();
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.pushDevices() }),
  });
}
