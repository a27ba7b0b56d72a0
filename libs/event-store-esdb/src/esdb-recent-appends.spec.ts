import { RecentAppends } from './esdb-recent-appends';

const result = (revision: number) => ({ nextExpectedRevision: revision, position: 1000 + revision });

describe('RecentAppends', () => {
  it('knows a whole append again, per stream, and calls anything partial mixed', () => {
    const recent = new RecentAppends();
    recent.remember('s-1', ['a', 'b'], result(1));
    expect(recent.lookup('s-1', ['a', 'b'])).toEqual({ kind: 'repeat', result: result(1) });
    expect(recent.lookup('s-1', ['b', 'a'])).toEqual({ kind: 'repeat', result: result(1) });
    expect(recent.lookup('s-2', ['a', 'b'])).toEqual({ kind: 'unknown' });
    expect(recent.lookup('s-1', ['a'])).toEqual({ kind: 'mixed', known: 1 });
    expect(recent.lookup('s-1', ['a', 'b', 'c'])).toEqual({ kind: 'mixed', known: 2 });
    recent.remember('s-1', ['c'], result(2));
    expect(recent.lookup('s-1', ['a', 'c'])).toEqual({ kind: 'mixed', known: 2 });
  });

  it('forgets the oldest appends whole, never half of one', () => {
    const recent = new RecentAppends(4);
    recent.remember('s', ['a', 'b', 'c'], result(2));
    recent.remember('s', ['d', 'e'], result(4));
    expect(recent.lookup('s', ['a', 'b', 'c'])).toEqual({ kind: 'unknown' });
    expect(recent.lookup('s', ['d', 'e'])).toEqual({ kind: 'repeat', result: result(4) });
    // A repeat counts as recent use: re-remembered, `d e` outlives a later append.
    recent.remember('s', ['f'], result(5));
    recent.remember('s', ['d', 'e'], result(4));
    recent.remember('s', ['g', 'h'], result(7));
    expect(recent.lookup('s', ['f'])).toEqual({ kind: 'unknown' });
    expect(recent.lookup('s', ['d', 'e'])).toEqual({ kind: 'repeat', result: result(4) });
  });
});
