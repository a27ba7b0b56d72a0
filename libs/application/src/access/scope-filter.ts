import { type Principal, type VisibleScope, scopeDimensionsOf } from '@fieldstream/domain';
import type { Filter } from '@fieldstream/read-store';

/**
 * The list filter equivalent to `isInScope`: a record is in reach when the first scope dimension
 * it has (in the principal's order) meets the visible set of that dimension.
 */
export function scopeListFilter(principal: Principal, visible: VisibleScope): Filter | undefined {
  if (visible.unrestricted) return undefined;
  const order = scopeDimensionsOf(principal);
  return {
    $or: order.map((dimension, index) => ({
      ...Object.fromEntries(order.slice(0, index).map((earlier) => [`scope.${earlier}`, { $exists: false }])),
      [`scope.${dimension}`]: { $in: [...visible[dimension]] },
    })),
  };
}
