import { InvalidDocumentError, InvalidQueryError } from './errors';

/** MongoDB's own limit; a read model above it is a modelling mistake worth an error. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/**
 * Checks a document is storable JSON with a string `_id` and field names the query language can
 * address, and answers its serialised form. Both adapters store only what this accepts.
 */
export function serialiseDocument(collection: string, document: unknown): string {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new InvalidDocumentError(collection, 'document', 'must be an object');
  }
  const id = (document as { _id?: unknown })._id;
  if (typeof id !== 'string' || id.length === 0) {
    throw new InvalidDocumentError(collection, '_id', 'must be a non-empty string');
  }
  // The fast check builds no paths; only a failing document is walked again to name the field.
  if (!isStorable(document)) {
    checkValue(collection, document, '');
    throw new InvalidDocumentError(collection, 'document', 'is not storable JSON');
  }
  const json = JSON.stringify(document);
  const bytes = json.length * 3 <= MAX_DOCUMENT_BYTES ? json.length : Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new InvalidDocumentError(
      collection,
      'document',
      `is ${bytes} bytes, above the limit of ${MAX_DOCUMENT_BYTES}`,
    );
  }
  return json;
}

/** The same check, for an adapter whose driver serialises the document itself. */
export function validateDocument(collection: string, document: unknown): void {
  serialiseDocument(collection, document);
}

/**
 * An update value (`$set`, `$push`) is stored as it stands, so it must pass the document rules;
 * `value` has already been checked as a JSON literal, so only a field name can still be wrong.
 */
export function checkStorableValue(value: unknown, where: string): void {
  if (isStorable(value)) return;
  const key = firstInvalidKey(value);
  const reason =
    key === undefined
      ? 'is not storable JSON'
      : `field name "${key}" may not be empty, start with $, or hold . " \\ or NUL`;
  throw new InvalidQueryError(`${where}: ${reason}`, where);
}

function firstInvalidKey(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (!Array.isArray(value) && !isValidKey(key)) return key;
    const found = firstInvalidKey(item);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Field names seen valid; read models reuse a small vocabulary, so this stays small. */
const validKeys = new Set<string>();

function isValidKey(key: string): boolean {
  if (validKeys.has(key)) return true;
  if (
    key.length === 0 ||
    key.startsWith('$') ||
    key.includes('.') ||
    /["\\]/.test(key) ||
    key.includes('\u0000')
  )
    return false;
  if (validKeys.size < 10_000) validKeys.add(key);
  return true;
}

function isStorable(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (const e of value) if (e === undefined || !isStorable(e)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const key in value) {
        if (!isValidKey(key)) return false;
        const v = (value as Record<string, unknown>)[key];
        if (v !== undefined && !isStorable(v)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

function checkValue(collection: string, value: unknown, path: string): void {
  const at = path || 'document';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidDocumentError(collection, at, 'number must be finite');
      return;
    case 'object':
      if (value === null) return;
      if (Array.isArray(value)) {
        value.forEach((e, i) => {
          if (e === undefined)
            throw new InvalidDocumentError(collection, `${at}.${i}`, 'array element is undefined');
          checkValue(collection, e, `${path ? path + '.' : ''}${i}`);
        });
        return;
      }
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
        throw new InvalidDocumentError(
          collection,
          at,
          'only plain JSON objects are stored (convert dates to ISO strings)',
        );
      }
      for (const [key, v] of Object.entries(value)) {
        const child = path ? `${path}.${key}` : key;
        if (!isValidKey(key)) {
          throw new InvalidDocumentError(
            collection,
            child,
            'field names may not be empty, start with $, or hold . " \\ or NUL',
          );
        }
        if (v === undefined) continue;
        checkValue(collection, v, child);
      }
      return;
    default:
      throw new InvalidDocumentError(collection, at, `unsupported value type ${typeof value}`);
  }
}
