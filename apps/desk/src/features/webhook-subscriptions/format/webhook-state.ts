import type { WebhookSubscriptionView } from '@fieldstream/api-contract';

export type WebhookState = 'active' | 'paused' | 'gone' | 'failing';

/** What a subscription's badge says: failing outranks active, a receiver's 410 is told apart from a pause. */
export function webhookStateOf(
  subscription: Pick<WebhookSubscriptionView, 'status' | 'paused' | 'failing'>,
): WebhookState {
  if (subscription.status === 'paused')
    return subscription.paused?.reason === 'receiver-gone' ? 'gone' : 'paused';
  return subscription.failing ? 'failing' : 'active';
}

/** Filled badges with white text at WCAG AA contrast. */
export const WEBHOOK_STATE_COLOURS: Record<WebhookState, string> = {
  active: '#2b6a2f',
  paused: '#4a5563',
  gone: '#a51d1d',
  failing: '#8a4b00',
};
