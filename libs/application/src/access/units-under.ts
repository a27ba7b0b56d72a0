import type { MasterDataDocument } from '@fieldstream/projections';

/**
 * A unit and every unit below it (itself included), from the units' parent links: what a centre
 * reaches, and what a filter on a centre or on the zone it serves covers.
 */
export function unitsUnder(
  units: readonly Pick<MasterDataDocument, '_id' | 'record'>[],
  unitCode: string,
): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    const parent = unit.record['parentCode'];
    if (typeof parent === 'string') children.set(parent, [...(children.get(parent) ?? []), unit._id]);
  }
  const reach = new Set<string>();
  const queue = [unitCode];
  while (queue.length > 0) {
    const code = queue.pop()!;
    if (reach.has(code)) continue; // a cycle would be refused on write; be safe anyway
    reach.add(code);
    queue.push(...(children.get(code) ?? []));
  }
  return reach;
}
