import type { FieldSpec } from './field-spec';

/** A JSON field whose text does not parse: kept as typed, and blocks saving until fixed. */
export class InvalidJsonText {
  constructor(readonly text: string) {}
}

type Values = Record<string, unknown>;

/** Empty values for a new record, with the schema's defaults filled in. */
export function initialFormValues(specs: FieldSpec[]): Values {
  const values: Values = {};
  for (const spec of specs) {
    if (spec.default !== undefined) values[spec.name] = JSON.parse(JSON.stringify(spec.default)) as unknown;
    else if (spec.type === 'object' && spec.required) values[spec.name] = initialFormValues(spec.fields);
    else if (spec.type === 'objectArray' || spec.type === 'tags' || spec.type === 'references') {
      if (spec.required) values[spec.name] = [];
    } else if (spec.type === 'boolean' && spec.required) values[spec.name] = false;
  }
  return values;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0)
  );
}

function cleanObject(specs: FieldSpec[], values: Values, invalid: string[]): Values {
  const result: Values = {};
  for (const spec of specs) {
    const cleaned = cleanValue(spec, values[spec.name], invalid);
    // An optional group left blank is absent, not an empty object the schema would reject.
    if (!isEmpty(cleaned) || (spec.required && spec.type === 'object' && cleaned !== undefined)) {
      result[spec.name] = cleaned;
    }
  }
  return result;
}

function cleanValue(spec: FieldSpec, value: unknown, invalid: string[]): unknown {
  if (value instanceof InvalidJsonText) {
    invalid.push(spec.path);
    return undefined;
  }
  if (spec.type === 'text' || spec.type === 'date' || spec.type === 'enum' || spec.type === 'reference') {
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  }
  if (spec.type === 'number') return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  if (spec.type === 'object') {
    return value && typeof value === 'object'
      ? cleanObject(spec.fields, value as Values, invalid)
      : undefined;
  }
  if (spec.type === 'objectArray') {
    return Array.isArray(value)
      ? value.map((item) => cleanObject(spec.item, (item ?? {}) as Values, invalid))
      : undefined;
  }
  return value;
}

/**
 * What is sent: blanks dropped (an optional text left empty is absent), JSON fields parsed.
 * `invalidJson` lists the paths of JSON fields whose text does not parse.
 */
export function cleanFormValues(specs: FieldSpec[], values: Values): { body: Values; invalidJson: string[] } {
  const invalidJson: string[] = [];
  const body = cleanObject(specs, values, invalidJson);
  return { body, invalidJson };
}

/** Reads the value at a dotted path (`contacts.0.email`). */
export function valueAt(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => {
    if (node === null || typeof node !== 'object') return undefined;
    return (node as Record<string, unknown>)[key];
  }, values);
}

/** A copy of `values` with `path` set, creating objects and arrays on the way. */
export function withValueAt(values: Values, path: string, value: unknown): Values {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return values;
  const copy: Values | unknown[] = Array.isArray(values) ? [...(values as unknown[])] : { ...values };
  if (rest.length === 0) {
    (copy as Values)[head] = value;
    return copy as Values;
  }
  const child = (values as Values)[head];
  const nextIsIndex = /^\d+$/.test(rest[0] ?? '');
  const container = child && typeof child === 'object' ? child : nextIsIndex ? [] : {};
  (copy as Values)[head] = withValueAt(container as Values, rest.join('.'), value);
  return copy as Values;
}
