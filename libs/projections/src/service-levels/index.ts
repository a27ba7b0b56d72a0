export * from './sla-collections';
export * from './sla-request-document';
export * from './service-levels.projection';
