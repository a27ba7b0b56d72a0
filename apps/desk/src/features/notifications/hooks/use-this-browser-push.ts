import { useQuery } from '@tanstack/react-query';
import { notificationKeys } from '../api/notification-query-keys';
import { readBrowserPush } from '../push/read-browser-push';

/**
 * What this browser says about push (support, permission, subscription), read like any other data
 * so that turning push on or off, which invalidates the devices, reads it again too.
 */
export function useThisBrowserPush() {
  return useQuery({
    queryKey: notificationKeys.thisBrowserPush(),
    queryFn: readBrowserPush,
    retry: false,
  });
}
