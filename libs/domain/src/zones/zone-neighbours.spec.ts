import { DomainError } from '../kernel/domain-error';
import type { ZoneArea } from './zone-area';
import { allZones, box } from './zone-areas.fixture';
import { neighbourGraph, neighbourZones } from './zone-neighbours';

describe('neighbourZones / neighbourGraph', () => {
  it('links zones that touch or overlap, plus explicit neighbours both ways', () => {
    expect(neighbourZones(allZones, 'it-milan')).toEqual(['it-lombardy', 'it-monza']);
    expect(neighbourZones(allZones, 'it-monza')).toEqual(['it-lombardy', 'it-milan']);
    // Bavaria lists Lombardy explicitly; Lombardy gets Bavaria back.
    expect(neighbourZones(allZones, 'it-lombardy')).toEqual([
      'de-bavaria',
      'it-bergamo',
      'it-milan',
      'it-monza',
    ]);
    expect(neighbourZones(allZones, 'de-munich')).toEqual(['de-bavaria']);
    // Drawn nowhere, listed by nobody.
    expect(neighbourZones(allZones, 'it-linate')).toEqual([]);
  });

  it('computes the same lists for every zone at once', () => {
    const graph = neighbourGraph(allZones);
    for (const zone of allZones) expect(graph[zone.id]).toEqual(neighbourZones(allZones, zone.id));
    expect(graph['it-bergamo']).toEqual(['it-lombardy']);
  });

  it('does not link zones that only share a bounding box corner area', () => {
    // An L-shaped pair: boxes overlap, shapes do not.
    const l: ZoneArea = {
      id: 'l',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [2, 0],
            [2, 0.5],
            [0.5, 0.5],
            [0.5, 2],
            [0, 2],
            [0, 0],
          ],
        ],
      },
    };
    const corner: ZoneArea = { id: 'corner', geometry: box(1, 1, 3, 3) };
    expect(neighbourGraph([l, corner])).toEqual({ l: [], corner: [] });
  });

  it('ignores explicit neighbours that are not among the zones, and never lists a zone itself', () => {
    const lonely: ZoneArea = { id: 'x', explicitNeighbours: ['x', 'gone'], geometry: box(0, 0, 1, 1) };
    expect(neighbourGraph([lonely])).toEqual({ x: [] });
  });

  it('refuses an unknown zone and duplicate ids', () => {
    expect(() => neighbourZones(allZones, 'nowhere')).toThrow(DomainError);
    expect(() => neighbourGraph([...allZones, { id: 'it-milan' }])).toThrow(DomainError);
  });

  it('agrees with pairwise checks on a 10×10 grid of zones', () => {
    const grid: ZoneArea[] = [];
    for (let i = 0; i < 10; i++) {
      // (i + 1) / 10 as the neighbour's i / 10: shared borders must be the same numbers.
      for (let j = 0; j < 10; j++)
        grid.push({ id: `g${i}-${j}`, geometry: box(i / 10, j / 10, (i + 1) / 10, (j + 1) / 10) });
    }
    const graph = neighbourGraph(grid);
    // An inner cell touches its 8 surrounding cells (corners included: touching at a point).
    expect(graph['g5-5']).toHaveLength(8);
    expect(graph['g0-0']).toEqual(['g0-1', 'g1-0', 'g1-1']);
    for (const id of ['g0-0', 'g3-7', 'g9-9']) expect(graph[id]).toEqual(neighbourZones(grid, id));
  });
});
