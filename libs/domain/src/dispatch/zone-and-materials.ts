/** Whether the site lies in a zone the technician serves, next to one, or elsewhere. */
export type ZoneFit = 'own' | 'neighbour' | 'outside' | 'unknown';

/**
 * `served`: the technician's zones (their unit's when they name none); `neighbours`: the zones
 * next to those. A site with no zone cannot be judged ('unknown'), which scores like a neighbour.
 */
export function zoneFit(
  siteZoneCode: string | undefined,
  served: ReadonlySet<string>,
  neighbours: ReadonlySet<string>,
): ZoneFit {
  if (siteZoneCode === undefined) return 'unknown';
  if (served.has(siteZoneCode)) return 'own';
  if (neighbours.has(siteZoneCode)) return 'neighbour';
  return 'outside';
}

export interface MaterialNeed {
  readonly itemCode: string;
  readonly quantity: number;
}

/** Where each material would come from. */
export interface MaterialSource extends MaterialNeed {
  readonly inVan: number;
  /** The reachable warehouse holding what the van lacks, if one does. */
  readonly warehouseCode?: string;
  readonly source: 'van' | 'warehouse' | 'missing';
}

export interface MaterialsFit {
  /** The worst line decides: all in the van, some from a warehouse, some missing; 'none' needed. */
  readonly status: 'none' | 'van' | 'warehouse' | 'missing';
  readonly lines: MaterialSource[];
}

/**
 * Materials the conditions foresee against the technician's van and the warehouses they can reach
 * (their unit's), each warehouse judged on its own: a pick-up is one stop, not a tour.
 */
export function materialsFit(
  needs: readonly MaterialNeed[],
  van: ReadonlyMap<string, number>,
  warehouses: readonly { code: string; onHand: ReadonlyMap<string, number> }[],
): MaterialsFit {
  const lines: MaterialSource[] = needs.map((need) => {
    const inVan = van.get(need.itemCode) ?? 0;
    if (inVan >= need.quantity) return { ...need, inVan, source: 'van' };
    const lacking = need.quantity - inVan;
    const warehouse = warehouses.find((candidate) => (candidate.onHand.get(need.itemCode) ?? 0) >= lacking);
    return warehouse
      ? { ...need, inVan, warehouseCode: warehouse.code, source: 'warehouse' }
      : { ...need, inVan, source: 'missing' };
  });
  const status =
    lines.length === 0
      ? 'none'
      : lines.some((line) => line.source === 'missing')
        ? 'missing'
        : lines.some((line) => line.source === 'warehouse')
          ? 'warehouse'
          : 'van';
  return { status, lines };
}
