import { z } from 'zod';

interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
}

function isPlainObject(node: JsonSchemaNode): boolean {
  return node.type === 'object' && node.properties !== undefined;
}

function columnsOf(node: JsonSchemaNode, prefix: string): string[] {
  return Object.entries(node.properties ?? {}).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    // Nested objects spread into dotted columns (address.city); arrays and unions (a list of codes,
    // a GeoJSON geometry) stay one column: `|`-separated values, or JSON.
    return isPlainObject(child) ? columnsOf(child, path) : [path];
  });
}

/**
 * The CSV header a kind's import understands: `code` first, then the record's fields in schema
 * order, derived from the schema itself so a new field appears in the template without a change here.
 */
export function csvTemplateColumns(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  return ['code', ...columnsOf(json, '').filter((column) => column !== 'code')];
}
