import type { Principal, WebhookSubscriptionOwner } from '@fieldstream/domain';
import { ForbiddenError, NotFoundError } from '../errors';

/**
 * Who may do what with webhook subscriptions. Administrators manage all of them; an integrator (an
 * API key, or a user in that role) manages its own, and never learns that others exist; auditors
 * read all of them but never a secret, and change nothing. Anyone else is refused.
 */
export type WebhookSubscriptionScope = 'all' | 'own';

export function readScopeOf(principal: Principal): WebhookSubscriptionScope {
  if (principal.role === 'admin' || principal.role === 'auditor') return 'all';
  if (principal.role === 'integrator') return 'own';
  throw new ForbiddenError(`A ${principal.role} may not see webhook subscriptions`);
}

export function assertMayCreate(principal: Principal): void {
  if (principal.role !== 'admin' && principal.role !== 'integrator')
    throw new ForbiddenError(`A ${principal.role} may not make webhook subscriptions`);
}

export const notFound = (id: string) =>
  new NotFoundError('There is no such webhook subscription', { kind: 'webhook-subscription', id });

/** Another integrator's subscription answers as a missing one. */
export function assertMayRead(principal: Principal, id: string, owner: WebhookSubscriptionOwner): void {
  if (readScopeOf(principal) === 'own' && owner.id !== principal.id) throw notFound(id);
}

export function assertMayManage(principal: Principal, id: string, owner: WebhookSubscriptionOwner): void {
  assertMayRead(principal, id, owner);
  if (principal.role !== 'admin' && principal.role !== 'integrator')
    throw new ForbiddenError(`A ${principal.role} may read webhook subscriptions but not change them`);
}

/** The secret verifies every call: administrators and the subscription's own integrator only. */
export function assertMaySeeSecret(principal: Principal, id: string, owner: WebhookSubscriptionOwner): void {
  assertMayRead(principal, id, owner);
  if (principal.role !== 'admin' && !(principal.role === 'integrator' && owner.id === principal.id))
    throw new ForbiddenError('Only administrators and its own integrator see a subscription’s secret');
}
