import { InvalidQueryError } from '../errors';
import type { Projection } from '../query';
import { isPlainObject } from './bson-order';
import { parsePath } from './field-path';

type Tree = { [segment: string]: Tree | true };
type Projector = <T>(document: T) => T;

/**
 * MongoDB find projections: inclusion or exclusion (not both, `_id` aside), dotted paths applied
 * through arrays of documents. A path and its prefix together are a collision, as in MongoDB.
 */
export function compileProjection(projection: Projection | undefined): Projector | null {
  if (projection === undefined) return null;
  if (!isPlainObject(projection)) throw new InvalidQueryError('projection: must be an object', 'projection');
  const entries = Object.entries(projection);
  if (entries.length === 0) return null;
  let include: boolean | null = null;
  let idFlag: 0 | 1 | null = null;
  const tree: Tree = {};
  for (const [path, flag] of entries) {
    const where = `projection.${path}`;
    if (flag !== 0 && flag !== 1) throw new InvalidQueryError(`${where}: must be 0 or 1`, where);
    if (path === '_id') {
      idFlag = flag;
      continue;
    }
    const mode = flag === 1;
    if (include !== null && include !== mode) {
      throw new InvalidQueryError(`${where}: cannot mix inclusion and exclusion`, where);
    }
    include = mode;
    addPath(tree, parsePath(path, where), where);
  }
  if (include === null) {
    // Only `_id` was named.
    if (idFlag === 1) return (d) => pick(d, { _id: true }) as typeof d;
    return (d) => omit(d, { _id: true }) as typeof d;
  }
  if (include) {
    if (idFlag !== 0) tree['_id'] = true;
    return (d) => pick(d, tree) as typeof d;
  }
  if (idFlag === 0) tree['_id'] = true;
  return (d) => omit(d, tree) as typeof d;
}

function addPath(tree: Tree, segments: string[], where: string): void {
  let node = tree;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const existing = node[segment];
    if (existing === true || (last && existing !== undefined)) {
      throw new InvalidQueryError(`${where}: path collision`, where);
    }
    if (last) node[segment] = true;
    else node = node[segment] = (existing as Tree | undefined) ?? {};
  });
}

function pick(value: unknown, tree: Tree): unknown {
  if (Array.isArray(value)) return value.filter(isPlainObject).map((e) => pick(e, tree));
  if (!isPlainObject(value)) return undefined;
  const out: Record<string, unknown> = {};
  // MongoDB keeps the document's field order, not the projection's.
  for (const [key, v] of Object.entries(value)) {
    const sub = tree[key];
    if (sub === undefined || v === undefined) continue;
    if (sub === true) out[key] = v;
    else {
      const picked = pick(v, sub);
      if (picked !== undefined) out[key] = picked;
    }
  }
  return out;
}

function omit(value: unknown, tree: Tree): unknown {
  if (Array.isArray(value)) return value.map((e) => (isPlainObject(e) ? omit(e, tree) : e));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const sub = tree[key];
    if (sub === true) continue;
    out[key] = sub === undefined ? v : omit(v, sub);
  }
  return out;
}
