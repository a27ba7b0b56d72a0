export * from './master-data-collections';
export * from './master-data.projection';
export * from './search-terms';
