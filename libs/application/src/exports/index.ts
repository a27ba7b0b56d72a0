export * from './intervention-exports.service';
export { ExportRunConflictError } from './export-runs';
export { interventionsCsv, materialLinesCsv } from './intervention-csv';
export { FALLBACK_TIME_ZONE as EXPORT_FALLBACK_TIME_ZONE } from './export-period';
