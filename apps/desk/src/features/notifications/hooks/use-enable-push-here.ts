import { pushDeviceSchema, type PushDeviceView } from '@fieldstream/api-contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../auth/hooks/use-api';
import { useSession } from '../../auth/hooks/use-session';
import { notificationPaths } from '../api/notification-paths';
import { notificationKeys } from '../api/notification-query-keys';
import { browserLabel } from '../push/browser-label';
import { rememberedPushDevice } from '../push/remembered-push-device';
import { subscribeThisBrowser } from '../push/subscribe-this-browser';

/**
 * Turns push on in this browser: permission, subscription with the server's key, then registration
 * with the API under a name the user recognises. Fails with a BrowserPushError when the browser
 * could not subscribe (nothing was sent), with an API error when the API refused.
 */
export function useEnablePushHere() {
  const api = useApi();
  const { session } = useSession();
  const queryClient = useQueryClient();
  return useMutation<PushDeviceView, Error, { publicKey: string }>({
    mutationFn: async ({ publicKey }) => {
      const subscription = await subscribeThisBrowser(publicKey);
      const device = await api(notificationPaths.pushDevices(), {
        method: 'POST',
        body: { ...subscription.toJSON(), label: browserLabel(navigator.userAgent) },
        schema: pushDeviceSchema,
      });
      if (session) {
        rememberedPushDevice.write(session.user.id, {
          endpoint: subscription.endpoint,
          deviceId: device.deviceId,
        });
      }
      return device;
    },
    // Also after a failure: the permission may have changed (a refusal shows as blocked).
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.pushDevices() }),
  });
}
