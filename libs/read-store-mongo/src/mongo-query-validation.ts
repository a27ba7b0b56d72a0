import {
  type Filter,
  type FindOptions,
  type IndexSpec,
  InvalidDocumentError,
  InvalidQueryError,
  type Projection,
  type Sort,
  type Update,
} from '@fieldstream/read-store';

/*
 * MongoDB evaluates filters, sorts, projections and updates itself; these checks only hold them
 * to the port's subset, with the same InvalidQueryError paths as the embedded adapter, so that a
 * query refused by one adapter is refused by the other. (They could move to the port library.)
 */

const LOGICAL = new Set(['$and', '$or', '$nor']);
const UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc', '$push', '$pull']);
const NUL = String.fromCharCode(0);
/** MongoDB's own document limit. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Dotted path segments may not be empty, start with `$`, or hold `"`, `\` or NUL. */
export function validatePath(path: string, where: string): string[] {
  if (typeof path !== 'string' || path.length === 0)
    throw new InvalidQueryError(`${where}: empty field path`, where);
  const segments = path.split('.');
  for (const segment of segments) {
    if (segment.length === 0 || segment.startsWith('$') || /["\\]/.test(segment) || segment.includes(NUL)) {
      throw new InvalidQueryError(`${where}: invalid field path "${path}"`, where);
    }
  }
  return segments;
}

function validateLiteral(value: unknown, where: string): void {
  if (value === undefined) throw new InvalidQueryError(`${where}: value is undefined`, where);
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new InvalidQueryError(`${where}: number must be finite`, where);
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new InvalidQueryError(`${where}: unsupported value type ${typeof value}`, where);
  }
  if (typeof value === 'object' && value !== null) {
    if (!Array.isArray(value) && !isPlainObject(value)) {
      throw new InvalidQueryError(`${where}: only JSON values are supported`, where);
    }
    for (const [key, item] of Object.entries(value)) validateLiteral(item, `${where}.${key}`);
  }
}

/** An operator expression (`{ $gt: 1 }`)? Mixing operators and fields is an error. */
function isOperatorObject(operand: unknown, where: string): operand is Record<string, unknown> {
  if (!isPlainObject(operand)) return false;
  const keys = Object.keys(operand);
  const operators = keys.filter((key) => key.startsWith('$')).length;
  if (operators > 0 && operators < keys.length)
    throw new InvalidQueryError(`${where}: cannot mix operators and fields`, where);
  return operators > 0;
}

export function validateFilter(filter: unknown, where = 'filter'): Filter {
  if (filter === undefined) return {};
  if (!isPlainObject(filter)) throw new InvalidQueryError(`${where}: must be an object`, where);
  for (const [key, operand] of Object.entries(filter)) {
    const at = `${where}.${key}`;
    if (key.startsWith('$')) {
      if (!LOGICAL.has(key)) throw new InvalidQueryError(`${at}: unsupported operator ${key}`, at);
      if (!Array.isArray(operand) || operand.length === 0) {
        throw new InvalidQueryError(`${at}: must be a non-empty array of filters`, at);
      }
      operand.forEach((sub, index) => validateFilter(sub, `${at}.${index}`));
      continue;
    }
    validatePath(key, at);
    validateCondition(operand, at);
  }
  return filter;
}

function validateCondition(operand: unknown, where: string): void {
  if (isOperatorObject(operand, where)) {
    for (const [operator, argument] of Object.entries(operand))
      validateOperator(operator, argument, `${where}.${operator}`);
    return;
  }
  validateLiteral(operand, where);
}

function validateLiteralList(argument: unknown, where: string, what: string): void {
  if (!Array.isArray(argument)) throw new InvalidQueryError(`${where}: must be an array`, where);
  argument.forEach((value, index) => {
    const at = `${where}.${index}`;
    if (isOperatorObject(value, at)) throw new InvalidQueryError(`${at}: operators are not ${what}`, at);
    validateLiteral(value, at);
  });
}

function validateOperator(operator: string, argument: unknown, where: string): void {
  switch (operator) {
    case '$eq':
    case '$ne':
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte':
      validateLiteral(argument, where);
      return;
    case '$in':
    case '$nin':
      validateLiteralList(argument, where, 'allowed here');
      return;
    case '$all':
      validateLiteralList(argument, where, 'supported in $all');
      return;
    case '$exists':
      if (typeof argument !== 'boolean')
        throw new InvalidQueryError(`${where}: must be true or false`, where);
      return;
    case '$not':
      if (!isOperatorObject(argument, where))
        throw new InvalidQueryError(`${where}: must be an operator expression`, where);
      validateCondition(argument, where);
      return;
    case '$size':
      if (typeof argument !== 'number' || !Number.isInteger(argument) || argument < 0) {
        throw new InvalidQueryError(`${where}: must be a non-negative integer`, where);
      }
      return;
    case '$elemMatch': {
      if (!isPlainObject(argument)) throw new InvalidQueryError(`${where}: must be an object`, where);
      const keys = Object.keys(argument);
      // Either operators on the element itself ({ $gte: 3 }) or a filter on document elements.
      if (keys.length > 0 && keys.every((key) => key.startsWith('$') && !LOGICAL.has(key)))
        validateCondition(argument, where);
      else validateFilter(argument, where);
      return;
    }
    default:
      throw new InvalidQueryError(`${where}: unsupported operator ${operator}`, where);
  }
}

/**
 * Checked sort, with `_id` appended as the last tie-breaker (in the last key's direction) unless
 * named: MongoDB leaves ties in no defined order, and both adapters must page alike.
 */
export function validateSort(sort: unknown): Sort | undefined {
  if (sort === undefined) return undefined;
  if (!isPlainObject(sort)) throw new InvalidQueryError('sort: must be an object', 'sort');
  const out: Sort = {};
  let last: 1 | -1 | undefined;
  for (const [path, direction] of Object.entries(sort)) {
    const where = `sort.${path}`;
    if (direction !== 1 && direction !== -1) throw new InvalidQueryError(`${where}: must be 1 or -1`, where);
    validatePath(path, where);
    out[path] = direction;
    last = direction;
  }
  if (last === undefined) return undefined;
  if (!('_id' in out)) out['_id'] = last;
  return out;
}

export function validateProjection(projection: unknown): Projection | undefined {
  if (projection === undefined) return undefined;
  if (!isPlainObject(projection)) throw new InvalidQueryError('projection: must be an object', 'projection');
  const entries = Object.entries(projection);
  if (entries.length === 0) return undefined;
  let include: boolean | undefined;
  const named: string[][] = [];
  for (const [path, flag] of entries) {
    const where = `projection.${path}`;
    if (flag !== 0 && flag !== 1) throw new InvalidQueryError(`${where}: must be 0 or 1`, where);
    if (path === '_id') continue;
    if (include !== undefined && include !== (flag === 1)) {
      throw new InvalidQueryError(`${where}: cannot mix inclusion and exclusion`, where);
    }
    include = flag === 1;
    const segments = validatePath(path, where);
    for (const other of named) {
      const n = Math.min(other.length, segments.length);
      if (other.slice(0, n).join('.') === segments.slice(0, n).join('.')) {
        throw new InvalidQueryError(`${where}: path collision`, where);
      }
    }
    named.push(segments);
  }
  return projection as Projection;
}

export function validateFindOptions(options: unknown, withLimit = true): FindOptions {
  if (options === undefined) return {};
  if (!isPlainObject(options)) throw new InvalidQueryError('options: must be an object', 'options');
  const out: FindOptions = {};
  const sort = validateSort(options['sort']);
  if (sort) out.sort = sort;
  const projection = validateProjection(options['projection']);
  if (projection) out.projection = projection;
  for (const key of withLimit ? (['skip', 'limit'] as const) : (['skip'] as const)) {
    const value = options[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new InvalidQueryError(`${key}: must be a non-negative integer`, key);
    }
    out[key] = value;
  }
  return out;
}

export function validateUpdate(update: unknown): Update {
  if (!isPlainObject(update)) throw new InvalidQueryError('update: must be an object', 'update');
  const entries = Object.entries(update);
  if (entries.length === 0) throw new InvalidQueryError('update: has no operator', 'update');
  const seen: string[][] = [];
  for (const [operator, fields] of entries) {
    const at = `update.${operator}`;
    if (!UPDATE_OPERATORS.has(operator))
      throw new InvalidQueryError(`${at}: unsupported update operator`, at);
    if (!isPlainObject(fields)) throw new InvalidQueryError(`${at}: must be an object`, at);
    for (const [path, argument] of Object.entries(fields)) {
      const where = `${at}.${path}`;
      const segments = validatePath(path, where);
      if (segments[0] === '_id') throw new InvalidQueryError(`${where}: _id cannot be updated`, where);
      for (const other of seen) {
        const n = Math.min(other.length, segments.length);
        if (other.slice(0, n).join('.') === segments.slice(0, n).join('.')) {
          throw new InvalidQueryError(`${where}: conflicts with ${other.join('.')}`, where);
        }
      }
      seen.push(segments);
      validateUpdateArgument(operator, argument, where);
    }
  }
  return update as Update;
}

function validateUpdateArgument(operator: string, argument: unknown, where: string): void {
  switch (operator) {
    case '$inc':
      if (typeof argument !== 'number' || !Number.isFinite(argument)) {
        throw new InvalidQueryError(`${where}: must be a finite number`, where);
      }
      return;
    case '$unset':
      return;
    case '$pull':
      // A document is a query on the elements, an operator expression a test of each element.
      if (isOperatorObject(argument, where)) validateCondition(argument, where);
      else if (isPlainObject(argument)) validateFilter(argument, where);
      else validateLiteral(argument, where);
      return;
    default:
      validateLiteral(argument, where);
      checkStorable('update', argument, where, where);
  }
}

export function validateIndexes(indexes: unknown): readonly IndexSpec[] {
  if (!Array.isArray(indexes)) throw new InvalidQueryError('indexes: must be an array', 'indexes');
  indexes.forEach((spec: unknown, index) => {
    const at = `indexes.${index}`;
    if (!isPlainObject(spec)) throw new InvalidQueryError(`${at}: must be an object`, at);
    if (spec['name'] !== undefined && (typeof spec['name'] !== 'string' || spec['name'].length === 0)) {
      throw new InvalidQueryError(`${at}.name: must be a non-empty string`, `${at}.name`);
    }
    if (spec['unique'] !== undefined && typeof spec['unique'] !== 'boolean') {
      throw new InvalidQueryError(`${at}.unique: must be true or false`, `${at}.unique`);
    }
    const keys = spec['keys'];
    if (!isPlainObject(keys) || Object.keys(keys).length === 0) {
      throw new InvalidQueryError(`${at}.keys: must name at least one field`, `${at}.keys`);
    }
    for (const [path, direction] of Object.entries(keys)) {
      const where = `${at}.keys.${path}`;
      validatePath(path, where);
      if (direction !== 1 && direction !== -1)
        throw new InvalidQueryError(`${where}: must be 1 or -1`, where);
    }
  });
  return indexes as readonly IndexSpec[];
}

/** A document MongoDB stores as the embedded adapter does: JSON, string `_id`, addressable names. */
export function validateDocument(collection: string, document: unknown): void {
  if (!isPlainObject(document)) throw new InvalidDocumentError(collection, 'document', 'must be an object');
  const id = document['_id'];
  if (typeof id !== 'string' || id.length === 0)
    throw new InvalidDocumentError(collection, '_id', 'must be a non-empty string');
  checkStorable(collection, document, '', undefined);
  const bytes = Buffer.byteLength(JSON.stringify(document), 'utf8');
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new InvalidDocumentError(
      collection,
      'document',
      `is ${bytes} bytes, above the limit of ${MAX_DOCUMENT_BYTES}`,
    );
  }
}

/**
 * Values must be JSON (finite numbers, plain objects) with field names the query language can
 * address. `queryPath` set: the value is an update argument, reported as an InvalidQueryError.
 */
function checkStorable(
  collection: string,
  value: unknown,
  path: string,
  queryPath: string | undefined,
): void {
  const at = path || 'document';
  const fail = (reason: string): never => {
    if (queryPath !== undefined) throw new InvalidQueryError(`${queryPath}: ${reason}`, queryPath);
    throw new InvalidDocumentError(collection, at, reason);
  };
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) fail('number must be finite');
      return;
    case 'object': {
      if (value === null) return;
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          if (item === undefined) fail('array element is undefined');
          checkStorable(collection, item, path ? `${path}.${index}` : String(index), queryPath);
        });
        return;
      }
      if (!isPlainObject(value)) fail('only plain JSON objects are stored (convert dates to ISO strings)');
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const child = path ? `${path}.${key}` : key;
        if (
          key.length === 0 ||
          key.startsWith('$') ||
          key.includes('.') ||
          /["\\]/.test(key) ||
          key.includes(NUL)
        ) {
          if (queryPath !== undefined)
            fail(`field name "${key}" may not be empty, start with $, or hold . " \\ or NUL`);
          throw new InvalidDocumentError(
            collection,
            child,
            'field names may not be empty, start with $, or hold . " \\ or NUL',
          );
        }
        if (item === undefined) continue;
        checkStorable(collection, item, child, queryPath);
      }
      return;
    }
    default:
      fail(`unsupported value type ${typeof value}`);
  }
}
