/**
 * MongoDB's value order and equality for the JSON subset we store (BSON comparison rules:
 * https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/).
 */

/** Type brackets: values only compare within a bracket; brackets order the sort across types. */
export const Bracket = {
  Null: 1,
  Number: 2,
  String: 3,
  Object: 4,
  Array: 5,
  Boolean: 8,
} as const;
export type Bracket = (typeof Bracket)[keyof typeof Bracket];

export function bracketOf(value: unknown): Bracket {
  if (value === null || value === undefined) return Bracket.Null;
  switch (typeof value) {
    case 'number':
      return Bracket.Number;
    case 'string':
      return Bracket.String;
    case 'boolean':
      return Bracket.Boolean;
    default:
      return Array.isArray(value) ? Bracket.Array : Bracket.Object;
  }
}

/**
 * Code-point order, which is UTF-8 byte order (MongoDB's simple collation and SQLite's BINARY).
 * JavaScript's `<` compares UTF-16 units and disagrees above U+FFFF.
 */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x < 0xd800 && y < 0xd800) return x < y ? -1 : 1;
    const cx = a.codePointAt(i) as number;
    const cy = b.codePointAt(i) as number;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function compareValues(a: unknown, b: unknown): number {
  const ba = bracketOf(a);
  const bb = bracketOf(b);
  if (ba !== bb) return ba < bb ? -1 : 1;
  switch (ba) {
    case Bracket.Null:
      return 0;
    case Bracket.Number:
    case Bracket.Boolean:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case Bracket.String:
      return compareStrings(a as string, b as string);
    case Bracket.Array: {
      const x = a as unknown[];
      const y = b as unknown[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compareValues(x[i], y[i]);
        if (c !== 0) return c;
      }
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
    }
    default: {
      // BSON compares documents element by element: value type, then field name, then value.
      const x = Object.entries(a as object).filter(([, v]) => v !== undefined);
      const y = Object.entries(b as object).filter(([, v]) => v !== undefined);
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const [kx, vx] = x[i] as [string, unknown];
        const [ky, vy] = y[i] as [string, unknown];
        const bx = bracketOf(vx);
        const by = bracketOf(vy);
        if (bx !== by) return bx < by ? -1 : 1;
        const ck = compareStrings(kx, ky);
        if (ck !== 0) return ck;
        const cv = compareValues(vx, vy);
        if (cv !== 0) return cv;
      }
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
    }
  }
}

/** MongoDB equality: same bracket and equal, field order of documents included. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return bracketOf(a) === bracketOf(b) && compareValues(a, b) === 0;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
