/** A calendar feed's secret, in its URL's path (the feed id before it stays, to tell feeds apart). */
const FEED_SECRET = /(\/calendar-feeds\/fscal_[0-9a-f-]{36}_)[A-Za-z0-9_-]+/g;

/**
 * A request's path as logs may keep it: a calendar feed's URL carries its credential (calendar
 * apps cannot send headers), and logs are read by more people than the feed's owner.
 */
export function loggablePath(path: string): string {
  return path.replace(FEED_SECRET, '$1[secret]');
}
