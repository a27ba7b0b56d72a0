/**
 * Everything under `['service-requests']`: the key the live change notices (topic
 * `service-requests`) invalidate, so a change made anywhere refreshes the list, the open detail and
 * its timeline without polling.
 */
export const serviceRequestKeys = {
  all: () => ['service-requests'] as const,
  list: (queryString: string) => ['service-requests', 'list', queryString] as const,
  detail: (requestId: string) => ['service-requests', 'detail', requestId] as const,
  timeline: (requestId: string, language: string) =>
    ['service-requests', 'timeline', requestId, language] as const,
};
