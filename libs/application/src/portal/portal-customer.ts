import type { Principal } from '@fieldstream/domain';
import { ForbiddenError } from '../errors';

/**
 * The customer the portal serves this caller: a customer user's own. Every other role has the
 * desk's views (and a customer user without a customer, which should not exist, has nothing).
 */
export function portalCustomerOf(principal: Principal): string {
  if (principal.role !== 'customer' || !principal.customerCode) {
    throw new ForbiddenError(
      'The portal is for customer users; the desk reads requests under /api/service-requests',
    );
  }
  return principal.customerCode;
}
