import { InvalidQueryError } from '../errors';
import { isPlainObject } from './bson-order';

/**
 * Splits and checks a dotted path. Segments may not be empty, start with `$`, or hold `"` or `\`
 * (SQLite JSON paths cannot escape those in a quoted label).
 */
export function parsePath(path: string, where: string): string[] {
  if (typeof path !== 'string' || path.length === 0)
    throw new InvalidQueryError(`${where}: empty field path`, where);
  const segments = path.split('.');
  for (const segment of segments) {
    if (
      segment.length === 0 ||
      segment.startsWith('$') ||
      /["\\]/.test(segment) ||
      segment.includes('\u0000')
    ) {
      throw new InvalidQueryError(`${where}: invalid field path "${path}"`, where);
    }
  }
  return segments;
}

/** A value reached by a query path. `expanded` marks elements of a terminal array. */
export interface Candidate {
  value: unknown;
  expanded: boolean;
}

const INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * MongoDB's query-path traversal: an array met mid-path is entered element by element (objects
 * only) and, for a numeric segment, also by position; an array at the end of the path offers
 * itself and each of its elements. A missing field yields `undefined`.
 */
export function collectCandidates(root: unknown, segments: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  walk(root, segments, 0, out);
  return out;
}

function walk(value: unknown, segments: readonly string[], i: number, out: Candidate[]): void {
  if (i === segments.length) {
    out.push({ value, expanded: false });
    if (Array.isArray(value)) for (const element of value) out.push({ value: element, expanded: true });
    return;
  }
  const segment = segments[i] as string;
  if (Array.isArray(value)) {
    if (INDEX.test(segment)) {
      const index = Number(segment);
      if (index < value.length) walk(value[index], segments, i + 1, out);
    }
    for (const element of value) {
      if (isPlainObject(element)) walk(element[segment], segments, i + 1, out);
    }
    return;
  }
  if (isPlainObject(value)) {
    walk(value[segment], segments, i + 1, out);
    return;
  }
  out.push({ value: undefined, expanded: false });
}

/**
 * Values a sort key sees: like the query traversal, but a terminal array gives its elements.
 * `emptyArray` when the path ends on an empty array and yields nothing else (it sorts below null);
 * nothing reached at all (a path through an array of scalars) sorts as null.
 */
export function collectSortValues(
  root: unknown,
  segments: readonly string[],
): { values: unknown[]; emptyArray: boolean } {
  const values: unknown[] = [];
  let emptyArray = false;
  for (const candidate of collectCandidates(root, segments)) {
    if (Array.isArray(candidate.value) && !candidate.expanded) {
      if (candidate.value.length === 0) emptyArray = true;
      continue;
    }
    values.push(candidate.value);
  }
  if (values.length === 0 && !emptyArray) values.push(null);
  return { values, emptyArray: values.length === 0 };
}
