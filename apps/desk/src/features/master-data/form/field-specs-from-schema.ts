import type { MasterDataKindName } from '@fieldstream/domain';
import type { FieldSpec } from './field-spec';
import { referenceKindOf } from './reference-kind-of';

/** The parts of a JSON Schema (as `z.toJSONSchema` writes it) the generator reads. */
export interface JsonSchemaNode {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode | false;
  prefixItems?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  anyOf?: JsonSchemaNode[];
  additionalProperties?: boolean | JsonSchemaNode;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  format?: string;
}

const DATE_NAME = /^(valid(From|To)|.*(Until|Date|On))$/;

function isPlainObject(node: JsonSchemaNode): boolean {
  return node.type === 'object' && node.properties !== undefined && !node.oneOf && !node.anyOf;
}

function specFor(
  name: string,
  path: string,
  node: JsonSchemaNode,
  required: boolean,
  kind: MasterDataKindName,
): FieldSpec {
  const base = { name, path, required, ...(node.default !== undefined ? { default: node.default } : {}) };
  // Unions (geometries), tuples, maps and anything unusual: edited as JSON.
  if (node.oneOf || node.anyOf || Array.isArray(node.type)) return { ...base, type: 'json' };
  if (node.type === 'string') {
    if (node.enum) return { ...base, type: 'enum', options: node.enum.map(String) };
    const refKind = referenceKindOf(name, kind);
    if (refKind) return { ...base, type: 'reference', refKind };
    if (DATE_NAME.test(name) || node.format === 'date') return { ...base, type: 'date' };
    return { ...base, type: 'text', ...((node.maxLength ?? 0) >= 1000 ? { multiline: true } : {}) };
  }
  if (node.type === 'number' || node.type === 'integer') {
    return {
      ...base,
      type: 'number',
      integer: node.type === 'integer',
      ...(node.minimum !== undefined ? { min: node.minimum } : {}),
      ...(node.maximum !== undefined ? { max: node.maximum } : {}),
    };
  }
  if (node.type === 'boolean') return { ...base, type: 'boolean' };
  if (node.type === 'object') {
    if (!isPlainObject(node)) return { ...base, type: 'json' };
    return { ...base, type: 'object', fields: fieldSpecsFromSchema(node, kind, path) };
  }
  if (node.type === 'array' && node.items && !node.prefixItems) {
    const items = node.items;
    if (items.type === 'string' && !items.oneOf) {
      const refKind = referenceKindOf(name, kind);
      if (refKind) return { ...base, type: 'references', refKind };
      return { ...base, type: 'tags', ...(items.enum ? { options: items.enum.map(String) } : {}) };
    }
    if (isPlainObject(items)) {
      // Item paths carry a placeholder index; the renderer substitutes the real one.
      return { ...base, type: 'objectArray', item: fieldSpecsFromSchema(items, kind, `${path}.#`) };
    }
  }
  return { ...base, type: 'json' };
}

/**
 * The form of a kind, generated from its JSON schema (`z.toJSONSchema(kind.schema, { io: 'input' })`):
 * one spec per property, nested objects as groups, arrays of objects as repeatable groups.
 */
export function fieldSpecsFromSchema(
  schema: JsonSchemaNode,
  kind: MasterDataKindName,
  prefix = '',
): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, node]) =>
    specFor(name, prefix ? `${prefix}.${name}` : name, node, required.has(name), kind),
  );
}
