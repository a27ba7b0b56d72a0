import { booleanIntersects } from '@turf/boolean-intersects';
import { DomainError } from '../kernel/domain-error';
import type { ZoneArea } from './zone-area';
import { type BoundingBox, boundingBox, boxesOverlap } from './zone-measures';

interface Indexed {
  readonly zone: ZoneArea;
  readonly box?: BoundingBox;
}

function indexZones(zones: readonly ZoneArea[]): Map<string, Indexed> {
  const index = new Map<string, Indexed>();
  for (const zone of zones) {
    if (index.has(zone.id)) {
      throw new DomainError('duplicate_zone_id', 'Two zones share an id', {
        field: 'zones',
        zoneId: zone.id,
      });
    }
    index.set(zone.id, { zone, ...(zone.geometry ? { box: boundingBox(zone.geometry) } : {}) });
  }
  return index;
}

/**
 * Drawn zones that touch or overlap. The bounding-box test rules out most pairs before the exact
 * (and costly) intersection test. Boxes are plain lon/lat ranges: zones crossing the antimeridian
 * are not expected for field service and would be compared as if they did not cross it.
 */
function touching(a: Indexed, b: Indexed): boolean {
  if (!a.box || !b.box || !a.zone.geometry || !b.zone.geometry) return false;
  return boxesOverlap(a.box, b.box) && booleanIntersects(a.zone.geometry, b.zone.geometry);
}

function link(graph: Map<string, Set<string>>, a: string, b: string): void {
  if (a === b) return;
  graph.get(a)?.add(b);
  graph.get(b)?.add(a);
}

/** Explicit neighbours both ways; ids not among the zones are left out (nothing to dispatch from). */
function linkExplicit(graph: Map<string, Set<string>>, index: Map<string, Indexed>): void {
  for (const { zone } of index.values()) {
    for (const other of zone.explicitNeighbours ?? []) if (index.has(other)) link(graph, zone.id, other);
  }
}

function sorted(graph: Map<string, Set<string>>): Record<string, string[]> {
  return Object.fromEntries([...graph].map(([id, set]) => [id, [...set].sort()]));
}

/**
 * Every zone's neighbours at once (for dispatch fallbacks): zones whose shapes touch or overlap,
 * plus explicit neighbours taken both ways, each list sorted, no zone its own neighbour.
 */
export function neighbourGraph(zones: readonly ZoneArea[]): Record<string, string[]> {
  const index = indexZones(zones);
  const graph = new Map([...index.keys()].map((id) => [id, new Set<string>()]));
  const drawn = [...index.values()].filter((z) => z.box);
  // Sweep on the west edge: once a zone starts east of the current one's east edge, so do all
  // the following ones.
  drawn.sort((a, b) => (a.box as BoundingBox).west - (b.box as BoundingBox).west);
  for (let i = 0; i < drawn.length; i++) {
    const a = drawn[i] as Indexed;
    for (let j = i + 1; j < drawn.length; j++) {
      const b = drawn[j] as Indexed;
      if ((b.box as BoundingBox).west > (a.box as BoundingBox).east) break;
      if (touching(a, b)) link(graph, a.zone.id, b.zone.id);
    }
  }
  linkExplicit(graph, index);
  return sorted(graph);
}

/** The neighbours of one zone, as `neighbourGraph` would list them. */
export function neighbourZones(zones: readonly ZoneArea[], zoneId: string): string[] {
  const index = indexZones(zones);
  const self = index.get(zoneId);
  if (!self) throw new DomainError('unknown_zone', 'No zone with this id', { field: 'zoneId', zoneId });
  const result = new Set<string>();
  for (const other of index.values()) {
    if (other.zone.id === zoneId) continue;
    const explicit =
      (self.zone.explicitNeighbours ?? []).includes(other.zone.id) ||
      (other.zone.explicitNeighbours ?? []).includes(zoneId);
    if (explicit || touching(self, other)) result.add(other.zone.id);
  }
  return [...result].sort();
}
