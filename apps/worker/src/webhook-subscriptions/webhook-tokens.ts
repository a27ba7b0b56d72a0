/** The worker's WebhookDispatcher (application), built with the Redis lease and the signed poster. */
export const WEBHOOK_DISPATCHER = 'WEBHOOK_DISPATCHER';
