import { calendarFeedPaths } from '@fieldstream/api-contract';
import { apiPathOf } from '../../../shared/api/api-path-of';

const withFeed = (path: string, feedId: string) =>
  apiPathOf(path.replace(':feedId', encodeURIComponent(feedId)));

/** The signed-in user's calendar feeds, from the wire contract's paths. */
export const calendarFeedDeskPaths = {
  mine: () => apiPathOf(calendarFeedPaths.mine),
  one: (feedId: string) => withFeed(calendarFeedPaths.mineOne, feedId),
  regenerate: (feedId: string) => withFeed(calendarFeedPaths.regenerate, feedId),
};
