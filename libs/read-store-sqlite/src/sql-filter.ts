import {
  Bracket,
  bracketOf,
  type Filter,
  isOperatorObject,
  isPlainObject,
  parsePath,
} from '@fieldstream/read-store';

/**
 * SQL translation of filters and sorts for documents whose filtered and sorted paths hold no
 * array anywhere along them (the "scalar branch"). MongoDB's array semantics are kept exact by
 * sending every other document to the JS matcher (the "array branch"), found through
 * `json_type(...) = 'array'` terms that partial indexes serve.
 *
 * The expressions below are also the index expressions: SQLite uses an expression index only
 * when the query spells the expression identically, so they are built in one place.
 */

/** SQLite JSON path with every label quoted, so numeric keys stay object keys. */
export function jsonPath(segments: readonly string[]): string {
  return '$' + segments.map((s) => `."${s}"`).join('');
}

function literal(segments: readonly string[]): string {
  return `'${jsonPath(segments).replace(/'/g, "''")}'`;
}

/** MongoDB's type bracket of the value at the path (null and missing share bracket 1). */
export function bracketExpr(segments: readonly string[]): string {
  return (
    `(CASE json_type(doc, ${literal(segments)}) WHEN 'integer' THEN 2 WHEN 'real' THEN 2 ` +
    `WHEN 'text' THEN 3 WHEN 'object' THEN 4 WHEN 'array' THEN 5 WHEN 'true' THEN 8 WHEN 'false' THEN 8 ELSE 1 END)`
  );
}

/** The value within its bracket: numbers, text, and booleans as 0/1 (ordered like MongoDB's). */
export function valueExpr(segments: readonly string[]): string {
  return `json_extract(doc, ${literal(segments)})`;
}

export function typeExpr(segments: readonly string[]): string {
  return `json_type(doc, ${literal(segments)})`;
}

export interface SqlFilter {
  /** Condition for the scalar branch; a superset of the matches when `exact` is false. */
  sql: string;
  params: unknown[];
  exact: boolean;
  /** Every field path the filter reads (outer paths only: `$elemMatch` internals are relative). */
  paths: string[][];
}

interface Part {
  sql: string;
  params: unknown[];
}

/** Compiles an already validated filter (compileFilter checked it). */
export function compileSqlFilter(filter: Filter | undefined): SqlFilter {
  const paths: string[][] = [];
  const state = { exact: true };
  const part = filter === undefined ? null : documentFilter(filter, paths, state, true);
  return {
    sql: part?.sql ?? '1',
    params: part?.params ?? [],
    exact: state.exact && (filter === undefined || part !== null),
    paths,
  };
}

/**
 * `top` allows dropping untranslatable conjuncts (leaving a superset) at the top level only;
 * inside $or / $nor / $not a dropped term would change the meaning, so the whole node is given up.
 */
function documentFilter(
  filter: Filter,
  paths: string[][],
  state: { exact: boolean },
  top: boolean,
): Part | null {
  const parts: Part[] = [];
  for (const [key, operand] of Object.entries(filter)) {
    let part: Part | null;
    if (key === '$and' || key === '$or' || key === '$nor') {
      const subs = (operand as Filter[]).map((f) => documentFilter(f, paths, state, top && key === '$and'));
      if (key === '$and') {
        const kept = subs.filter((s): s is Part => s !== null);
        if (kept.length < subs.length && !top) return null;
        part = kept.length === 0 ? null : join(kept, ' AND ');
      } else if (subs.some((s) => s === null)) part = null;
      else {
        const any = join(subs as Part[], ' OR ');
        part = key === '$or' ? any : { sql: `NOT ${any.sql}`, params: any.params };
      }
    } else {
      const segments = parsePath(key, key);
      paths.push(segments);
      part = condition(segments, operand);
    }
    if (part === null) {
      if (!top) return null;
      state.exact = false;
    } else parts.push(part);
  }
  if (parts.length === 0) return top ? { sql: '1', params: [] } : null;
  return join(parts, ' AND ');
}

function join(parts: Part[], op: string): Part {
  if (parts.length === 1) return parts[0] as Part;
  return { sql: `(${parts.map((p) => p.sql).join(op)})`, params: parts.flatMap((p) => p.params) };
}

const FALSE: Part = { sql: '0', params: [] };

function condition(segments: string[], operand: unknown): Part | null {
  if (!isOperatorObject(operand, '')) return equals(segments, operand);
  const parts: Part[] = [];
  for (const [op, arg] of Object.entries(operand)) {
    const part = operator(segments, op, arg);
    if (part === null) return null;
    parts.push(part);
  }
  return join(parts, ' AND ');
}

function not(part: Part | null): Part | null {
  return part === null ? null : { sql: `NOT ${part.sql}`, params: part.params };
}

/** Scalars only; an object operand is left to the JS matcher (field order, number forms). */
function equals(segments: string[], value: unknown): Part | null {
  if (value === null) return { sql: `${bracketExpr(segments)} = ${Bracket.Null}`, params: [] };
  // In the scalar branch the value at the path is never an array, so it never equals one.
  if (Array.isArray(value)) return FALSE;
  if (isPlainObject(value)) return null;
  // `_id` is always a string and has its own column (the primary key).
  if (isId(segments)) return typeof value === 'string' ? { sql: '_id = ?', params: [value] } : FALSE;
  return compare(segments, '=', value);
}

function compare(segments: string[], op: string, value: unknown): Part | null {
  if (typeof value === 'number')
    return {
      sql: `(${bracketExpr(segments)} = ${Bracket.Number} AND ${valueExpr(segments)} ${op} ?)`,
      params: [sqlNumber(value)],
    };
  if (typeof value === 'string')
    return {
      sql: `(${bracketExpr(segments)} = ${Bracket.String} AND ${valueExpr(segments)} ${op} ?)`,
      params: [value],
    };
  if (typeof value === 'boolean')
    return {
      sql: `(${bracketExpr(segments)} = ${Bracket.Boolean} AND ${valueExpr(segments)} ${op} ?)`,
      params: [value ? 1 : 0],
    };
  return null;
}

/**
 * A number as SQLite reads it from the document's JSON text. `JSON.stringify` writes an integer
 * above 2^53 by its shortest digits (2^60 as 1152921504606847000), which SQLite reads as
 * that exact 64-bit integer, not as the double it stands for: bound as a double it would not
 * equal itself. Below 2^53, and for every other number, the double is what SQLite reads.
 */
function sqlNumber(value: number): number | bigint {
  return Number.isInteger(value) && Math.abs(value) > 2 ** 53 && Math.abs(value) < 2 ** 63
    ? BigInt(JSON.stringify(value))
    : value;
}

/**
 * `$in` is the disjunction of `equals` over its values, written with one term per type bracket:
 * several numbers (strings, booleans) become one `IN` over a JSON array of them bound as a single
 * parameter, which json_each reads back as SQLite reads the documents' own JSON. One OR per value
 * nested the expression a level per value, which SQLite refuses past a depth of 1,000, and was
 * evaluated term by term on every row; the `IN` is one term that SQLite serves from the index on
 * the expression (the primary key for `_id`) by looking each value up, like the equality it
 * replaces. A bracket with a single value keeps that equality.
 */
function anyOf(segments: string[], values: readonly unknown[]): Part | null {
  const id = isId(segments);
  let nulls = false;
  const brackets = new Map<Bracket, (number | string | boolean)[]>();
  for (const value of values) {
    // As in equals: an array never equals a value of the scalar branch, `_id` is always a
    // string, and a document is left to the JS matcher.
    if (value === null) nulls = true;
    else if (Array.isArray(value) || (id && typeof value !== 'string' && !isPlainObject(value))) continue;
    else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
      const bracket = bracketOf(value);
      const list = brackets.get(bracket);
      if (list) list.push(value);
      else brackets.set(bracket, [value]);
    } else return null;
  }
  const parts = nulls ? [equals(segments, null) as Part] : [];
  for (const [bracket, list] of brackets) {
    if (list.length === 1) {
      parts.push(equals(segments, list[0]) as Part);
      continue;
    }
    // Booleans as the 0 and 1 that json_extract reads them as.
    const params = [JSON.stringify(list.map((v) => (typeof v === 'boolean' ? Number(v) : v)))];
    parts.push(
      id
        ? { sql: '_id IN (SELECT value FROM json_each(?))', params }
        : {
            sql: `(${bracketExpr(segments)} = ${bracket} AND ${valueExpr(segments)} IN (SELECT value FROM json_each(?)))`,
            params,
          },
    );
  }
  return parts.length === 0 ? FALSE : join(parts, ' OR ');
}

function isId(segments: readonly string[]): boolean {
  return segments.length === 1 && segments[0] === '_id';
}

function operator(segments: string[], op: string, arg: unknown): Part | null {
  switch (op) {
    case '$eq':
      return equals(segments, arg);
    case '$ne':
      return not(equals(segments, arg));
    case '$in':
      return anyOf(segments, arg as unknown[]);
    case '$nin':
      return not(anyOf(segments, arg as unknown[]));
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      const sqlOp = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op];
      if (arg === null) {
        return op === '$gte' || op === '$lte'
          ? { sql: `${bracketExpr(segments)} = ${Bracket.Null}`, params: [] }
          : FALSE;
      }
      if (Array.isArray(arg)) return FALSE;
      return compare(segments, sqlOp, arg);
    }
    case '$exists':
      return { sql: `${typeExpr(segments)} IS ${arg ? 'NOT ' : ''}NULL`, params: [] };
    case '$not':
      return not(condition(segments, arg));
    case '$size':
    case '$elemMatch':
      // Both need an array at the path, which the scalar branch never has.
      return FALSE;
    case '$all': {
      const values = arg as unknown[];
      if (values.length === 0) return FALSE;
      const parts = values.map((v) => equals(segments, v));
      if (parts.some((p) => p === null)) return null;
      return join(parts as Part[], ' AND ');
    }
    default:
      return null;
  }
}

/** Every proper prefix and the whole path: an array at any of them leaves the scalar branch. */
export function prefixes(paths: readonly (readonly string[])[]): string[][] {
  const seen = new Map<string, string[]>();
  for (const path of paths) {
    for (let n = 1; n <= path.length; n++) {
      const prefix = path.slice(0, n);
      seen.set(prefix.join('.'), prefix);
    }
  }
  return [...seen.values()];
}

/** Array-branch membership terms; the scalar branch is the negation of their disjunction. */
export function branchTerms(
  filterPaths: readonly (readonly string[])[],
  sortPaths: readonly (readonly string[])[],
): string[] {
  const paths = [...filterPaths, ...sortPaths].filter((p) => !(p.length === 1 && p[0] === '_id'));
  const terms = prefixes(paths).map((p) => `${typeExpr(p)} = 'array'`);
  // Documents compare field by field in MongoDB, not as JSON text: sort those in JS.
  for (const p of sortPaths) if (!(p.length === 1 && p[0] === '_id')) terms.push(`${typeExpr(p)} = 'object'`);
  return [...new Set(terms)];
}
