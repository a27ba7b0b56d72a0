import type { MasterDataKind } from '@fieldstream/domain';
import { z } from 'zod';

/** The JSON Schema fragment we read to learn what type a column holds. */
interface SchemaNode {
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode | false;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  additionalProperties?: SchemaNode | boolean;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'sì', 'si', 'ja', 'wahr', 'vero']);
const FALSE = new Set(['false', 'no', 'n', '0', 'nein', 'falsch', 'falso']);

const schemas = new WeakMap<object, SchemaNode>();

/** The kind's input schema as JSON Schema (zod's own export), computed once per kind. */
function schemaOf(kind: MasterDataKind): SchemaNode {
  let node = schemas.get(kind);
  if (!node) {
    node = z.toJSONSchema(kind.schema, { unrepresentable: 'any', io: 'input' }) as SchemaNode;
    schemas.set(kind, node);
  }
  return node;
}

/** A node's alternatives flattened (unions, intersections), so `type` can be read off each. */
function branches(node: SchemaNode | undefined): SchemaNode[] {
  if (!node) return [];
  const nested = [...(node.anyOf ?? []), ...(node.oneOf ?? []), ...(node.allOf ?? [])];
  return nested.length > 0 ? [node, ...nested.flatMap(branches)] : [node];
}

function typesOf(node: SchemaNode | undefined): Set<string> {
  const types = new Set<string>();
  for (const branch of branches(node)) {
    for (const type of Array.isArray(branch.type) ? branch.type : branch.type ? [branch.type] : [])
      types.add(type);
  }
  return types;
}

/** The schema node of a dotted path (`address.city`), or undefined for a column the kind does not have. */
export function columnSchema(kind: MasterDataKind, path: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = schemaOf(kind);
  for (const key of path.split('.')) {
    const next: SchemaNode | undefined = branches(node)
      .map(
        (branch) =>
          branch.properties?.[key] ??
          (typeof branch.additionalProperties === 'object' ? branch.additionalProperties : undefined),
      )
      .find((found) => found !== undefined);
    if (!next) return undefined;
    node = next;
  }
  return node;
}

function coerceScalar(text: string, node: SchemaNode | undefined): unknown {
  const types = typesOf(node);
  if (types.has('number') || types.has('integer')) {
    // A decimal comma (3,5) is what Italian and German spreadsheets write.
    const normalised = /^[-+]?\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
    const value = Number(normalised);
    if (normalised !== '' && Number.isFinite(value)) return value;
  }
  if (types.has('boolean')) {
    const lower = text.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
  }
  // Left as text: the schema then says what was expected, naming the field.
  return text;
}

function looksLikeJson(text: string): boolean {
  return /^[[{]/.test(text);
}

/**
 * One cell's value, typed by the kind's schema: numbers and booleans coerced, arrays of scalars
 * split on `|`, objects and arrays of objects read as JSON. Unreadable values stay text, so the
 * schema reports them with the field's name rather than this function guessing.
 */
export function coerceCell(kind: MasterDataKind, path: string, text: string): unknown {
  const node = columnSchema(kind, path);
  const types = typesOf(node);
  if ((types.has('object') || types.has('array')) && looksLikeJson(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  if (types.has('array')) {
    const items = branches(node)
      .map((branch) => branch.items)
      .find((found): found is SchemaNode => typeof found === 'object');
    const itemTypes = typesOf(items);
    if (itemTypes.has('object') || itemTypes.has('array')) return text;
    return text
      .split('|')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => coerceScalar(part, items));
  }
  return coerceScalar(text, node);
}

/** Sets `a.b.c` in a nested object, creating the objects on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** A CSV record as `{ code, fields }`: empty cells are absent fields, dotted columns nest. */
export function csvRecordFields(
  kind: MasterDataKind,
  header: readonly string[],
  cells: readonly string[],
): { code: unknown; fields: Record<string, unknown> } {
  const fields: Record<string, unknown> = {};
  let code: unknown;
  header.forEach((column, index) => {
    const text = (cells[index] ?? '').trim();
    if (text === '') return;
    if (column === 'code') code = text;
    else setPath(fields, column, coerceCell(kind, column, text));
  });
  return { code, fields };
}
