import { type AnyProjection, InvalidProjectionError, collectionsOf } from './projection-definition';

/** Projections run together must have distinct names and must not share a collection. */
export function checkProjectionSet(projections: readonly AnyProjection[]): void {
  if (!Array.isArray(projections) || projections.length === 0) {
    throw new InvalidProjectionError('At least one projection is required', 'projections');
  }
  const names = new Set<string>();
  const owners = new Map<string, string>();
  projections.forEach((projection, i) => {
    if (!projection || typeof projection.apply !== 'function') {
      throw new InvalidProjectionError(
        `projections[${i}] is not a projection (use defineProjection)`,
        `projections[${i}]`,
      );
    }
    if (names.has(projection.name)) {
      throw new InvalidProjectionError(
        `Projection ${projection.name} is listed twice`,
        `projections[${i}].name`,
      );
    }
    names.add(projection.name);
    for (const collection of collectionsOf(projection)) {
      const owner = owners.get(collection);
      if (owner) {
        throw new InvalidProjectionError(
          `Collection ${collection} is owned by both ${owner} and ${projection.name}`,
          `projections[${i}].collections.${collection}`,
        );
      }
      owners.set(collection, projection.name);
    }
  });
}

export function checkPositiveInteger(
  value: number | undefined,
  field: string,
  fallback: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new InvalidProjectionError(
      `${field} must be an integer from 1 to ${max}, got ${String(value)}`,
      field,
    );
  }
  return value;
}
