/**
 * The MongoDB query-language subset the product uses. Both adapters must give exactly the
 * results MongoDB gives for these (the embedded one is held to that by a property test).
 *
 * Operators: $eq $ne $in $nin $gt $gte $lt $lte $exists $and $or $nor $not $elemMatch $size $all,
 * dotted paths (`site.zoneId`, `assignments.0.technicianId`), and array membership
 * (`{ skills: 'gas' }` matches a document whose `skills` array contains 'gas').
 */
export type Filter = { [pathOrOperator: string]: unknown };

/** 1 ascending, -1 descending; keys are dotted paths, applied in order. */
export type Sort = { [path: string]: 1 | -1 };

/** Inclusion (1) or exclusion (0) of top-level or dotted paths; `_id` is included unless 0. */
export type Projection = { [path: string]: 0 | 1 };

export interface FindOptions {
  sort?: Sort;
  skip?: number;
  limit?: number;
  projection?: Projection;
}

/** Partial update, MongoDB update-operator style. */
export interface Update {
  $set?: { [path: string]: unknown };
  $unset?: { [path: string]: '' | 1 | true };
  $inc?: { [path: string]: number };
  /** Appends one value to an array (creating it when missing). */
  $push?: { [path: string]: unknown };
  /**
   * Removes every array element equal to the value; as in MongoDB, a document value removes the
   * elements it matches as a query, and an operator expression (`{ $gte: 3 }`) those it accepts.
   */
  $pull?: { [path: string]: unknown };
}

export interface IndexSpec {
  /** Stable name; derived from the keys when omitted. */
  name?: string;
  keys: { [path: string]: 1 | -1 };
  unique?: boolean;
}
