export * from './roles';
export * from './master-data-access';
