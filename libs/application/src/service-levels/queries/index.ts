export {
  SLA_NOT_KNOWN_YET,
  ServiceLevelQueries,
  type ServiceLevelQueriesOptions,
} from './service-level.queries';
export { SLA_DEFAULT_PERIOD_DAYS, dashboardPeriod, type SlaPeriod } from './sla-dashboard-period';
