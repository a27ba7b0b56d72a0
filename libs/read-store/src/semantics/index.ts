/**
 * MongoDB's query-language semantics for the supported subset, in plain TypeScript: validation
 * (InvalidQueryError naming the path), matching, sort order, projection and updates.
 * Every adapter validates its input with these so that all answer bad input alike; the embedded
 * adapter also evaluates with them what SQL cannot.
 */
export { Bracket, bracketOf, compareStrings, compareValues, isPlainObject, valuesEqual } from './bson-order';
export { type Candidate, collectCandidates, collectSortValues, parsePath } from './field-path';
export { compileFilter, type DocumentPredicate, isOperatorObject } from './filter-matcher';
export { compileProjection } from './projection';
export { parseSort, type SortKey, sortDocuments } from './sort-order';
export { compileUpdate } from './update-apply';
