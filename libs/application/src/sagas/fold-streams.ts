import type { Decider } from '@fieldstream/domain';
import type { EventStore } from '@fieldstream/event-store';

const PAGE = 1000;

/**
 * Every stream under a prefix folded with its decider, in one forward pass over the log (one
 * filtered read per page, not one read per stream): how the sagas find, after Redis was lost, the
 * subjects whose timers must be set again. Keyed by what follows the prefix in the stream's name.
 */
export async function foldStreamsByPrefix<State, Event>(
  events: EventStore,
  prefix: string,
  decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>,
  onPage?: (progress: { events: number; streams: number }) => void,
): Promise<Map<string, State>> {
  const states = new Map<string, State>();
  let after: number | undefined;
  let read = 0;
  for (;;) {
    const page = await events.readAll({
      ...(after !== undefined && { after }),
      maxCount: PAGE,
      streamPrefixes: [prefix],
    });
    for (const recorded of page) {
      const key = recorded.streamName.slice(prefix.length);
      const event = { type: recorded.type, data: recorded.data } as unknown as Event;
      states.set(key, decider.evolve(states.get(key) ?? decider.initialState, event));
    }
    read += page.length;
    if (page.length > 0) {
      after = page[page.length - 1]!.position;
      onPage?.({ events: read, streams: states.size });
    }
    if (page.length < PAGE) return states;
  }
}
