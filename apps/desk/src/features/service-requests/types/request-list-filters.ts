import type {
  ServiceRequestPriorityValue,
  ServiceRequestSourceValue,
  ServiceRequestStatusValue,
} from '@fieldstream/api-contract';

/** The list's orders, as the API names them (`-` first: newest first). */
export const REQUEST_SORTS = [
  'priority',
  'openedAt',
  '-openedAt',
  'updatedAt',
  '-updatedAt',
  'plannedStart',
] as const;
export type RequestSort = (typeof REQUEST_SORTS)[number];

/** What the to-do list shows, as kept in the URL's query string. */
export interface RequestListFilters {
  /** Empty: every status. */
  statuses: ServiceRequestStatusValue[];
  /** Empty: every priority. */
  priorities: ServiceRequestPriorityValue[];
  zoneCode: string | null;
  unitCode: string | null;
  source: ServiceRequestSourceValue | null;
  q: string;
  sort: RequestSort;
  /** From 1. */
  page: number;
}
