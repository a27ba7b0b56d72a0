import { InvalidQueryError } from '../errors';
import type { Filter } from '../query';
import { bracketOf, compareValues, isPlainObject, valuesEqual } from './bson-order';
import { type Candidate, collectCandidates, parsePath } from './field-path';

export type DocumentPredicate = (document: unknown) => boolean;
type ValuePredicate = (candidates: Candidate[]) => boolean;

const LOGICAL = new Set(['$and', '$or', '$nor']);

/**
 * Compiles a filter of the supported subset into MongoDB's matching semantics, validating it on
 * the way: anything outside the subset is an InvalidQueryError naming where it is.
 */
export function compileFilter(filter: Filter | undefined, where = 'filter'): DocumentPredicate {
  if (filter === undefined) return () => true;
  if (!isPlainObject(filter)) throw new InvalidQueryError(`${where}: must be an object`, where);
  const parts: DocumentPredicate[] = [];
  for (const [key, operand] of Object.entries(filter)) {
    const at = `${where}.${key}`;
    if (key.startsWith('$')) {
      if (!LOGICAL.has(key)) throw new InvalidQueryError(`${at}: unsupported operator ${key}`, at);
      if (!Array.isArray(operand) || operand.length === 0) {
        throw new InvalidQueryError(`${at}: must be a non-empty array of filters`, at);
      }
      const subs = operand.map((sub, i) => compileFilter(sub as Filter, `${at}.${i}`));
      if (key === '$and') parts.push((d) => subs.every((p) => p(d)));
      else if (key === '$or') parts.push((d) => subs.some((p) => p(d)));
      else parts.push((d) => !subs.some((p) => p(d)));
      continue;
    }
    const segments = parsePath(key, at);
    const test = compileCondition(operand, at);
    parts.push((d) => test(collectCandidates(d, segments)));
  }
  if (parts.length === 1) return parts[0] as DocumentPredicate;
  return (d) => parts.every((p) => p(d));
}

/** True when the operand is an operator expression (`{ $gt: 1 }`); mixing fields and operators is an error. */
export function isOperatorObject(operand: unknown, where: string): operand is Record<string, unknown> {
  if (!isPlainObject(operand)) return false;
  const keys = Object.keys(operand);
  const operators = keys.filter((k) => k.startsWith('$')).length;
  if (operators > 0 && operators < keys.length) {
    throw new InvalidQueryError(`${where}: cannot mix operators and fields`, where);
  }
  return operators > 0;
}

function compileCondition(operand: unknown, where: string): ValuePredicate {
  if (isOperatorObject(operand, where)) {
    const tests = Object.entries(operand).map(([op, arg]) => compileOperator(op, arg, `${where}.${op}`));
    return tests.length === 1 ? (tests[0] as ValuePredicate) : (c) => tests.every((t) => t(c));
  }
  const value = checkLiteral(operand, where);
  return (c) => matchesEquality(c, value);
}

/** A JSON value (finite numbers, plain objects, nothing undefined); answers it. */
export function checkLiteral(value: unknown, where: string): unknown {
  if (value === undefined) throw new InvalidQueryError(`${where}: value is undefined`, where);
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new InvalidQueryError(`${where}: number must be finite`, where);
  }
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw new InvalidQueryError(`${where}: unsupported value type ${typeof value}`, where);
  }
  if (typeof value === 'object' && value !== null) {
    if (!Array.isArray(value) && ![Object.prototype, null].includes(Object.getPrototypeOf(value))) {
      throw new InvalidQueryError(`${where}: only JSON values are supported`, where);
    }
    for (const [k, v] of Object.entries(value)) checkLiteral(v, `${where}.${k}`);
  }
  return value;
}

/** `{ f: null }` also matches a missing field; otherwise equality with any candidate. */
function matchesEquality(candidates: Candidate[], value: unknown): boolean {
  if (value === null) return candidates.some((c) => c.value === null || c.value === undefined);
  return candidates.some((c) => valuesEqual(c.value, value));
}

function compileOperator(op: string, arg: unknown, where: string): ValuePredicate {
  switch (op) {
    case '$eq': {
      const value = checkLiteral(arg, where);
      return (c) => matchesEquality(c, value);
    }
    case '$ne': {
      const value = checkLiteral(arg, where);
      return (c) => !matchesEquality(c, value);
    }
    case '$in':
    case '$nin': {
      if (!Array.isArray(arg)) throw new InvalidQueryError(`${where}: must be an array`, where);
      const values = arg.map((v, i) => {
        if (isOperatorObject(v, `${where}.${i}`))
          throw new InvalidQueryError(`${where}.${i}: operators are not allowed here`, `${where}.${i}`);
        return checkLiteral(v, `${where}.${i}`);
      });
      const test: ValuePredicate = (c) => values.some((v) => matchesEquality(c, v));
      return op === '$in' ? test : (c) => !test(c);
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      const value = checkLiteral(arg, where);
      const bracket = bracketOf(value);
      const accept = comparisonAccept(op);
      return (c) =>
        c.some((candidate) => {
          // A missing field is null for comparisons against null ({ $gte: null } matches it).
          const v = candidate.value === undefined ? null : candidate.value;
          return bracketOf(v) === bracket && accept(compareValues(v, value));
        });
    }
    case '$exists': {
      if (typeof arg !== 'boolean') throw new InvalidQueryError(`${where}: must be true or false`, where);
      return (c) => c.some((candidate) => candidate.value !== undefined) === arg;
    }
    case '$not': {
      if (!isOperatorObject(arg, where))
        throw new InvalidQueryError(`${where}: must be an operator expression`, where);
      const inner = compileCondition(arg, where);
      return (c) => !inner(c);
    }
    case '$size': {
      if (typeof arg !== 'number' || !Number.isInteger(arg) || arg < 0) {
        throw new InvalidQueryError(`${where}: must be a non-negative integer`, where);
      }
      return (c) => c.some((x) => !x.expanded && Array.isArray(x.value) && x.value.length === arg);
    }
    case '$all': {
      if (!Array.isArray(arg)) throw new InvalidQueryError(`${where}: must be an array`, where);
      const values = arg.map((v, i) => {
        if (isOperatorObject(v, `${where}.${i}`))
          throw new InvalidQueryError(`${where}.${i}: operators are not supported in $all`, `${where}.${i}`);
        return checkLiteral(v, `${where}.${i}`);
      });
      if (values.length === 0) return () => false;
      return (c) => values.every((v) => matchesEquality(c, v));
    }
    case '$elemMatch': {
      if (!isPlainObject(arg)) throw new InvalidQueryError(`${where}: must be an object`, where);
      const element = compileElementCondition(arg, where);
      return (c) => c.some((x) => !x.expanded && Array.isArray(x.value) && x.value.some(element));
    }
    default:
      throw new InvalidQueryError(`${where}: unsupported operator ${op}`, where);
  }
}

function comparisonAccept(op: string): (c: number) => boolean {
  switch (op) {
    case '$gt':
      return (c) => c > 0;
    case '$gte':
      return (c) => c >= 0;
    case '$lt':
      return (c) => c < 0;
    default:
      return (c) => c <= 0;
  }
}

/**
 * `$elemMatch` holds either operators applied to the element itself (`{ $gte: 3, $lt: 5 }`) or a
 * filter applied to elements that are documents.
 */
function compileElementCondition(arg: Record<string, unknown>, where: string): (element: unknown) => boolean {
  const keys = Object.keys(arg);
  const valueLevel = keys.length > 0 && keys.every((k) => k.startsWith('$') && !LOGICAL.has(k));
  if (valueLevel) {
    const test = compileCondition(arg, where);
    return (element) => test([{ value: element, expanded: false }]);
  }
  const filter = compileFilter(arg, where);
  return (element) => isPlainObject(element) && filter(element);
}
