import type { ServiceRequestPriorityValue } from '@fieldstream/api-contract';

/** The dashboard's filters as the URL holds them (null: any; a period bound null: the API's default). */
export interface SlaDashboardFilters {
  unitCode: string | null;
  zoneCode: string | null;
  priority: ServiceRequestPriorityValue | null;
  /** Calendar days, `YYYY-MM-DD`. */
  from: string | null;
  to: string | null;
}
