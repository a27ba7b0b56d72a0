import type { Position } from '@eventstore/db-client';

/**
 * Full `$all` positions of events this process has seen, by prepare position, so that a port
 * position can be turned back into a valid place to start reading without a round trip. The
 * server refuses to start at a number that is not the start of a record, and callers may pass
 * any number (`position - 1` is a common idiom), so the nearest known event on the right side is
 * as useful as an exact hit. Bounded: the lowest positions go first, resumptions happen near the
 * head.
 */
export class PositionIndex {
  private readonly prepares: bigint[] = [];
  private readonly commits: bigint[] = [];

  constructor(private readonly capacity = 10_000) {}

  get size(): number {
    return this.prepares.length;
  }

  remember(position: Position): void {
    const index = this.lowerBound(position.prepare);
    if (this.prepares[index] === position.prepare) return;
    this.prepares.splice(index, 0, position.prepare);
    this.commits.splice(index, 0, position.commit);
    if (this.prepares.length > this.capacity) {
      this.prepares.shift();
      this.commits.shift();
    }
  }

  exact(prepare: bigint): Position | undefined {
    const index = this.lowerBound(prepare);
    return this.prepares[index] === prepare ? this.at(index) : undefined;
  }

  /** The known event with the greatest prepare position at or below `prepare`. */
  floor(prepare: bigint): Position | undefined {
    const index = this.lowerBound(prepare);
    if (this.prepares[index] === prepare) return this.at(index);
    return index > 0 ? this.at(index - 1) : undefined;
  }

  /** The known event with the smallest prepare position at or above `prepare`. */
  ceiling(prepare: bigint): Position | undefined {
    const index = this.lowerBound(prepare);
    return index < this.prepares.length ? this.at(index) : undefined;
  }

  private at(index: number): Position {
    return { commit: this.commits[index] as bigint, prepare: this.prepares[index] as bigint };
  }

  /** First index whose prepare is >= `prepare`. */
  private lowerBound(prepare: bigint): number {
    let low = 0;
    let high = this.prepares.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.prepares[middle] as bigint) < prepare) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
