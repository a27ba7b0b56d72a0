export * from './published-event-type';
export * from './event-catalogue';
export * from './event-selection';
export * from './to-cloud-event';
export * from './event-stream-reader';
export * from './asyncapi-document';
