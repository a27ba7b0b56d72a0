export * from './smtp-email-sender';
export * from './http-sms-sender';
export * from './channel-senders.factory';
export * from './web-push-transport';
export * from './signed-webhook-transport';
export * from './vapid-keys';
