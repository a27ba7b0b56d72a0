import { checkStorableValue } from '../document-check';
import { InvalidQueryError } from '../errors';
import type { Update } from '../query';
import { isPlainObject, valuesEqual } from './bson-order';
import { parsePath } from './field-path';
import { checkLiteral, compileFilter, isOperatorObject } from './filter-matcher';

const OPERATORS = new Set(['$set', '$unset', '$inc', '$push', '$pull']);
const INDEX = /^(0|[1-9][0-9]*)$/;

type Step = (document: Record<string, unknown>) => void;

/**
 * Compiles an update into steps applied in place, validating it first: unknown operators, a
 * path named twice or under another named path, `_id` changes and non-numeric `$inc` are errors.
 */
export function compileUpdate(update: Update): Step {
  if (!isPlainObject(update)) throw new InvalidQueryError('update: must be an object', 'update');
  const steps: Step[] = [];
  const seen: string[][] = [];
  const entries = Object.entries(update);
  if (entries.length === 0) throw new InvalidQueryError('update: has no operator', 'update');
  for (const [op, fields] of entries) {
    if (!OPERATORS.has(op))
      throw new InvalidQueryError(`update.${op}: unsupported update operator`, `update.${op}`);
    if (!isPlainObject(fields))
      throw new InvalidQueryError(`update.${op}: must be an object`, `update.${op}`);
    for (const [path, arg] of Object.entries(fields)) {
      const where = `update.${op}.${path}`;
      const segments = parsePath(path, where);
      if (segments[0] === '_id') throw new InvalidQueryError(`${where}: _id cannot be updated`, where);
      for (const other of seen) {
        const n = Math.min(other.length, segments.length);
        if (other.slice(0, n).join('.') === segments.slice(0, n).join('.')) {
          throw new InvalidQueryError(`${where}: conflicts with ${other.join('.')}`, where);
        }
      }
      seen.push(segments);
      steps.push(compileStep(op, segments, arg, where));
    }
  }
  return (d) => steps.forEach((s) => s(d));
}

function compileStep(op: string, segments: string[], arg: unknown, where: string): Step {
  const last = segments[segments.length - 1] as string;
  const parents = segments.slice(0, -1);
  switch (op) {
    case '$set':
      checkStoredValue(arg, where);
      return (d) => assign(createContainer(d, parents, where), last, clone(arg), where);
    case '$unset':
      return (d) => {
        const parent = existingContainer(d, parents);
        if (Array.isArray(parent)) {
          // MongoDB keeps array positions: an unset element becomes null.
          if (INDEX.test(last) && Number(last) < parent.length) parent[Number(last)] = null;
        } else if (parent) delete parent[last];
      };
    case '$inc':
      if (typeof arg !== 'number' || !Number.isFinite(arg))
        throw new InvalidQueryError(`${where}: must be a finite number`, where);
      return (d) => {
        const parent = createContainer(d, parents, where);
        const current = read(parent, last);
        if (current === undefined) assign(parent, last, arg, where);
        else if (typeof current !== 'number')
          throw new InvalidQueryError(`${where}: field is not a number`, where);
        else assign(parent, last, current + arg, where);
      };
    case '$push':
      checkStoredValue(arg, where);
      return (d) => {
        const parent = createContainer(d, parents, where);
        const current = read(parent, last);
        if (current === undefined) assign(parent, last, [clone(arg)], where);
        else if (!Array.isArray(current))
          throw new InvalidQueryError(`${where}: field is not an array`, where);
        else current.push(clone(arg));
      };
    default: {
      const remove = pullCondition(arg, where);
      return (d) => {
        const parent = existingContainer(d, parents);
        const current = parent ? read(parent, last) : undefined;
        if (parent === undefined || current === undefined) return;
        if (!Array.isArray(current)) throw new InvalidQueryError(`${where}: field is not an array`, where);
        assign(
          parent,
          last,
          current.filter((e) => !remove(e)),
          where,
        );
      };
    }
  }
}

/** `$set` and `$push` values end up in the document: JSON, with field names a query can address. */
function checkStoredValue(arg: unknown, where: string): void {
  checkLiteral(arg, where);
  checkStorableValue(arg, where);
}

/**
 * As in MongoDB, `$pull` with a document removes elements matching it as a query (extra fields
 * allowed), with operators it tests elements against them, and otherwise removes equal elements.
 */
function pullCondition(arg: unknown, where: string): (element: unknown) => boolean {
  if (arg === undefined) throw new InvalidQueryError(`${where}: value is undefined`, where);
  if (isOperatorObject(arg, where)) {
    const test = compileFilter({ v: arg }, where);
    return (e) => test({ v: e });
  }
  if (isPlainObject(arg)) {
    const test = compileFilter(arg, where);
    return (e) => isPlainObject(e) && test(e);
  }
  return (e) => valuesEqual(e, arg) || (arg === null && e === null);
}

type Container = Record<string, unknown> | unknown[];

function read(parent: Container, key: string): unknown {
  return Array.isArray(parent) ? (INDEX.test(key) ? parent[Number(key)] : undefined) : parent[key];
}

function assign(parent: Container, key: string, value: unknown, where: string): void {
  if (Array.isArray(parent)) {
    if (!INDEX.test(key))
      throw new InvalidQueryError(`${where}: cannot create field ${key} in an array`, where);
    const index = Number(key);
    while (parent.length < index) parent.push(null);
    parent[index] = value;
  } else parent[key] = value;
}

/** The object or array holding the last segment, created on the way; a scalar on the way is an error. */
function createContainer(document: Record<string, unknown>, parents: string[], where: string): Container {
  let node: Container = document;
  for (const segment of parents) {
    let next = read(node, segment);
    if (next === undefined) {
      next = {};
      assign(node, segment, next, where);
    } else if (typeof next !== 'object' || next === null) {
      throw new InvalidQueryError(
        `${where}: cannot create field ${segment} inside ${JSON.stringify(next)}`,
        where,
      );
    }
    node = next as Container;
  }
  return node;
}

function existingContainer(document: Record<string, unknown>, parents: string[]): Container | undefined {
  let node: Container = document;
  for (const segment of parents) {
    const next = read(node, segment);
    if (typeof next !== 'object' || next === null) return undefined;
    node = next as Container;
  }
  return node;
}

function clone<T>(value: T): T {
  return value === null || typeof value !== 'object' ? value : (JSON.parse(JSON.stringify(value)) as T);
}
