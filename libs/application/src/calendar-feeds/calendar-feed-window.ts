/** What a feed covers around today: a month back (what was done), a quarter ahead (what is planned). */
export const FEED_WINDOW_DAYS = { pastDays: 30, futureDays: 90 } as const;

/** How often calendar apps are asked to fetch again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
export const FEED_REFRESH_MINUTES = 15;

/** How long a fetched feed may be reused without asking (Cache-Control max-age). */
export const FEED_CACHE_SECONDS = 300;

const DAY = 86_400_000;

/**
 * The window of a fetch at `now`, from and to whole UTC days: the same all day long, so that the
 * same agenda gives the same bytes (and the same ETag) from one fetch to the next.
 */
export function feedWindow(now: Date): { from: string; to: string } {
  const today = Math.floor(now.getTime() / DAY) * DAY;
  return {
    from: new Date(today - FEED_WINDOW_DAYS.pastDays * DAY).toISOString(),
    to: new Date(today + (FEED_WINDOW_DAYS.futureDays + 1) * DAY).toISOString(),
  };
}
