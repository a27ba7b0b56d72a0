export * from './import-types';
export * from './import-limits';
export * from './csv-table';
export * from './csv-coercion';
export * from './import-document';
export * from './import-events';
export * from './run-bounded';
export * from './import.service';
