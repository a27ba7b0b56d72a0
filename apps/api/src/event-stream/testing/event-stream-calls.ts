import { EVENT_PAGE_HEADERS, type FieldstreamCloudEvent } from '@fieldstream/api-contract';
import { selectEvents, toCloudEvent } from '@fieldstream/application';
import type { EventStore } from '@fieldstream/event-store';
import type { TestApi } from '../../testing/start-test-api';

/** An API key for an outside system, as an administrator issues it. */
export async function issueApiKey(
  api: TestApi,
  admin: string,
  body: Record<string, unknown> = { name: 'ERP', role: 'integrator' },
): Promise<string> {
  const response = await api.call('POST', '/api/api-keys', admin, body);
  if (response.status !== 201) throw new Error(`api key: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { apiKey: string }).apiKey;
}

export interface ReadPages {
  events: FieldstreamCloudEvent[];
  pages: number;
  /** The last page's `Fieldstream-Head-Position`. */
  head: number;
}

/**
 * Every page of the published log from `after`, following `Link: rel="next"` as an integrator
 * would, until a page says it reached the head.
 */
export async function readAllPages(
  api: TestApi,
  token: string,
  query = 'limit=7',
  after = 0,
): Promise<ReadPages> {
  const events: FieldstreamCloudEvent[] = [];
  let url = `/api/events?${query}&after=${after}`;
  for (let pages = 1; ; pages++) {
    const response = await api.call('GET', url, token);
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
    events.push(...((await response.json()) as FieldstreamCloudEvent[]));
    const next = Number(response.headers.get(EVENT_PAGE_HEADERS.nextPosition));
    const head = Number(response.headers.get(EVENT_PAGE_HEADERS.headPosition));
    if (next >= head) return { events, pages, head };
    url = /<([^>]+)>; rel="next"/.exec(response.headers.get('link') ?? '')![1]!;
    if (pages > 10_000) throw new Error('The pages never reach the head');
  }
}

/** What the store itself holds of a selection, read page by page and mapped as the API maps it. */
export async function readStoreDirectly(
  store: EventStore,
  selection: ReturnType<typeof selectEvents> = selectEvents(),
): Promise<FieldstreamCloudEvent[]> {
  const events: FieldstreamCloudEvent[] = [];
  for (let after = 0; ;) {
    // The whole log, unfiltered, picked here: what the API adds (the filter pushed down to the
    // store, pages that skip what they leave out, the next position) must change nothing.
    const page = await store.readAll({ after, maxCount: 1000 });
    if (page.length === 0) return events;
    for (const event of page) {
      const type = selection.pick(event);
      if (type) events.push(toCloudEvent(event, type));
    }
    after = page.at(-1)!.position;
  }
}
