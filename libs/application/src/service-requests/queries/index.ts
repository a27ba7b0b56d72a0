export {
  ServiceRequestQueries,
  type ServiceRequestListQuery,
  type ServiceRequestQueriesOptions,
} from './service-request.queries';
export { describeTimelineEvent, type TimelineWording, type TimelineWordingContext } from './timeline-wording';
export type { WordingLanguage } from './wording-vocabulary';
export { assertRequestInReach } from './service-request-access';
