import type { WebhookAttemptOutcome } from '@fieldstream/api-contract';

/** One signed POST, as the Standard Webhooks specification has it. */
export interface SignedWebhookCall {
  url: string;
  /** Each signs the call: the current secret, and the previous one while a rotation's grace lasts. */
  secrets: readonly string[];
  /** `webhook-id`: the same on every retry, for the receiver to de-duplicate. */
  messageId: string;
  timestamp: Date;
  body: string;
  contentType: string;
  /** Aborting gives up the call at once (the delivery lost its lease, the worker stops). */
  signal?: AbortSignal;
}

/** What the receiver answered, or why there was no answer (refused connection, timeout...). */
export type WebhookCallAnswer =
  | { status: number; detail: string; durationMs: number }
  | { status: null; error: string; durationMs: number };

/** The world's edge: signs and POSTs (infrastructure's StandardWebhookPoster; a test's receiver on the far side). */
export interface WebhookPoster {
  post(call: SignedWebhookCall): Promise<WebhookCallAnswer>;
}

/**
 * What an answer means for the event, by the Standard Webhooks advice: 2xx is taken; 410 says the
 * endpoint is gone (the subscription is paused, nothing skipped); 408, 429, 5xx, no answer, and
 * also 1xx/3xx (a redirect is not followed: the signed body goes to the registered URL only) are
 * tried again; any other 4xx is the receiver refusing this event, which is logged and skipped.
 */
export function outcomeOf(answer: WebhookCallAnswer): WebhookAttemptOutcome {
  const status = answer.status;
  if (status === null) return 'failed';
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 410) return 'gone';
  if (status >= 400 && status < 500 && status !== 408 && status !== 429) return 'refused';
  return 'failed';
}

/** A line for the log and the failing mark: the status and the start of the body, or the error. */
export function describeAnswer(answer: WebhookCallAnswer): string {
  if (answer.status === null) return answer.error;
  return `answered ${answer.status}${answer.detail ? `: ${answer.detail}` : ''}`;
}
