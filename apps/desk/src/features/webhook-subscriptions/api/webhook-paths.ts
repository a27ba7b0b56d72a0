import { webhookSubscriptionPaths as paths } from '@fieldstream/api-contract';
import { apiPathOf } from '../../../shared/api/api-path-of';

const withId = (path: string, id: string, query?: URLSearchParams) =>
  apiPathOf(path.replace(':id', encodeURIComponent(id)), query);

/** The webhook subscriptions' resources, from the wire contract's paths. */
export const webhookPaths = {
  list: () => apiPathOf(paths.list),
  eventTypes: () => apiPathOf(paths.eventTypes),
  one: (id: string) => withId(paths.one, id),
  secret: (id: string) => withId(paths.secret, id),
  rotateSecret: (id: string) => withId(paths.rotateSecret, id),
  pause: (id: string) => withId(paths.pause, id),
  resume: (id: string) => withId(paths.resume, id),
  replay: (id: string) => withId(paths.replay, id),
  test: (id: string) => withId(paths.test, id),
  deliveries: (id: string, query: URLSearchParams) => withId(paths.deliveries, id, query),
};
