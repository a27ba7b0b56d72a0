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
 * The lines of one question, shared between technicians: a line says only how many the van holds
 * and where the rest comes from, and thousands of technicians share the few combinations there
 * are. Lines are immutable, like the shared match of a skill nobody holds, so sharing one changes
 * nothing but the garbage collector's work. Per need (the question's own objects), per number in
 * the van, per warehouse (none for the van or missing: the number in the van tells which).
 */
export type SharedMaterialLines = Map<MaterialNeed, Map<number, Map<string | undefined, MaterialSource>>>;

/**
 * Materials the conditions foresee against the technician's van and the warehouses they can reach
 * (their unit's), each warehouse judged on its own: a pick-up is one stop, not a tour. Given
 * `shared`, lines equal to one already made for the same question are that one.
 */
export function materialsFit(
  needs: readonly MaterialNeed[],
  van: ReadonlyMap<string, number>,
  warehouses: readonly { code: string; onHand: ReadonlyMap<string, number> }[],
  shared?: SharedMaterialLines,
): MaterialsFit {
  if (needs.length === 0) return { status: 'none', lines: [] };
  // At its final length, as map would make it, without a closure per technician.
  const lines = new Array<MaterialSource>(needs.length);
  for (let i = 0; i < needs.length; i++) lines[i] = materialSource(needs[i]!, van, warehouses, shared);
  let status: MaterialsFit['status'] = 'van';
  for (const line of lines) {
    // The worst line decides.
    if (line.source === 'missing') status = 'missing';
    else if (line.source === 'warehouse' && status === 'van') status = 'warehouse';
  }
  return { status, lines };
}

function materialSource(
  need: MaterialNeed,
  van: ReadonlyMap<string, number>,
  warehouses: readonly { code: string; onHand: ReadonlyMap<string, number> }[],
  shared: SharedMaterialLines | undefined,
): MaterialSource {
  const inVan = van.get(need.itemCode) ?? 0;
  if (inVan >= need.quantity) return sharedLine(shared, need, inVan, undefined, 'van');
  const lacking = need.quantity - inVan;
  for (const warehouse of warehouses) {
    if ((warehouse.onHand.get(need.itemCode) ?? 0) >= lacking)
      return sharedLine(shared, need, inVan, warehouse.code, 'warehouse');
  }
  return sharedLine(shared, need, inVan, undefined, 'missing');
}

/** The line, from `shared` when one like it was made (a Map takes -0 for 0: that one is made anew). */
function sharedLine(
  shared: SharedMaterialLines | undefined,
  need: MaterialNeed,
  inVan: number,
  warehouseCode: string | undefined,
  source: MaterialSource['source'],
): MaterialSource {
  if (!shared || Object.is(inVan, -0)) return sourceLine(need, inVan, warehouseCode, source);
  let byVan = shared.get(need);
  if (!byVan) shared.set(need, (byVan = new Map()));
  let byWarehouse = byVan.get(inVan);
  if (!byWarehouse) byVan.set(inVan, (byWarehouse = new Map()));
  let line = byWarehouse.get(warehouseCode);
  if (!line) byWarehouse.set(warehouseCode, (line = sourceLine(need, inVan, warehouseCode, source)));
  return line;
}

/**
 * The need with where it comes from. A need holding just its item and quantity (all of them, in
 * practice) is written out as a literal: a spread followed by more keys is many times slower, and
 * a proposal judges every technician's van. Anything else a need carries is kept, as a spread does.
 */
function sourceLine(
  need: MaterialNeed,
  inVan: number,
  warehouseCode: string | undefined,
  source: MaterialSource['source'],
): MaterialSource {
  if (!isPlainNeed(need)) {
    return warehouseCode === undefined
      ? { ...need, inVan, source }
      : { ...need, inVan, warehouseCode, source };
  }
  const { itemCode, quantity } = need;
  return warehouseCode === undefined
    ? { itemCode, quantity, inVan, source }
    : { itemCode, quantity, inVan, warehouseCode, source };
}

/** Needs are a job's, the same objects for every technician judged: each is looked at once. */
const plainNeeds = new WeakMap<MaterialNeed, boolean>();

function isPlainNeed(need: MaterialNeed): boolean {
  let plain = plainNeeds.get(need);
  if (plain === undefined) {
    const keys = Object.keys(need);
    plain =
      keys.length === 2 &&
      keys[0] === 'itemCode' &&
      keys[1] === 'quantity' &&
      Object.getOwnPropertySymbols(need).length === 0 &&
      !Object.getOwnPropertyDescriptor(need, 'itemCode')!.get &&
      !Object.getOwnPropertyDescriptor(need, 'quantity')!.get;
    plainNeeds.set(need, plain);
  }
  return plain;
}
