/**
 * What this browser says about push for the desk: whether it can do it at all, whether the user
 * allowed notifications, and the push service endpoint it is subscribed with, if any.
 */
export type BrowserPush =
  { supported: false } | { supported: true; permission: NotificationPermission; endpoint: string | null };
