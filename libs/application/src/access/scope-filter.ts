import type { Filter } from '@fieldstream/read-store';
import type { Principal, ScopeDimension, VisibleScope } from '@fieldstream/domain';

/**
 * The list filter equivalent to `isInScope`: a record is in reach when the first scope dimension
 * it has (in the principal's order) meets the visible set of that dimension.
 */
export function scopeListFilter(principal: Principal, visible: VisibleScope): Filter | undefined {
  if (visible.unrestricted) return undefined;
  const order: ScopeDimension[] =
    principal.role === 'customer'
      ? ['customers']
      : principal.role === 'technician'
        ? ['technicians']
        : ['units', 'zones', 'sites', 'customers'];
  return {
    $or: order.map((dimension, index) => ({
      ...Object.fromEntries(order.slice(0, index).map((earlier) => [`scope.${earlier}`, { $exists: false }])),
      [`scope.${dimension}`]: { $in: [...visible[dimension]] },
    })),
  };
}
