export * from './smtp-email-sender';
export * from './http-sms-sender';
export * from './channel-senders.factory';
