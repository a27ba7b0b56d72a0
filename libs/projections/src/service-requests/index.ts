export * from './service-request-collections';
export * from './service-request-document';
export * from './service-requests.projection';
export * from './technician-agenda.projection';
