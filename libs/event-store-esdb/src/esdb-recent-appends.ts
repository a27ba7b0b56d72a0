import type { AppendResult } from '@fieldstream/event-store';

interface RememberedAppend {
  readonly streamName: string;
  readonly ids: readonly string[];
  readonly result: AppendResult;
}

/** What this process knows of some event ids on a stream. */
export type RecentAppendAnswer =
  { kind: 'unknown' } | { kind: 'repeat'; result: AppendResult } | { kind: 'mixed'; known: number };

/**
 * The appends this process made lately, by stream and event id, so that a repeated append is
 * answered without a round trip, and, more importantly, even where the server cannot recognise it:
 * a repeat whose expected revision equals the stream's current revision (a retried command that
 * re-read the stream, its own events now on top) or that mixes known ids with new ones is written
 * by the server like any append. Bounded (oldest appends forgotten first, all ids of an append
 * together, so a half-forgotten append never looks "mixed"). Recorded events never change, so
 * a remembered answer stays true for as long as the stream exists.
 */
export class RecentAppends {
  private readonly byId = new Map<string, RememberedAppend>();

  constructor(private readonly capacity = 10_000) {}

  lookup(streamName: string, ids: readonly string[]): RecentAppendAnswer {
    const hits = ids.map((id) => this.byId.get(keyOf(streamName, id)));
    const known = hits.filter((hit) => hit !== undefined);
    if (known.length === 0) return { kind: 'unknown' };
    const first = known[0] as RememberedAppend;
    if (
      known.length === ids.length &&
      first.ids.length === ids.length &&
      known.every((hit) => hit === first)
    ) {
      return { kind: 'repeat', result: first.result };
    }
    return { kind: 'mixed', known: known.length };
  }

  remember(streamName: string, ids: readonly string[], result: AppendResult): void {
    const entry: RememberedAppend = { streamName, ids, result };
    for (const id of ids) {
      // Re-inserted, so that a repeat counts as recent use.
      this.byId.delete(keyOf(streamName, id));
      this.byId.set(keyOf(streamName, id), entry);
    }
    while (this.byId.size > this.capacity) {
      const oldest = this.byId.values().next().value as RememberedAppend;
      for (const id of oldest.ids) {
        if (this.byId.get(keyOf(oldest.streamName, id)) === oldest)
          this.byId.delete(keyOf(oldest.streamName, id));
      }
    }
  }
}

function keyOf(streamName: string, id: string): string {
  return `${streamName}\u0000${id}`;
}
